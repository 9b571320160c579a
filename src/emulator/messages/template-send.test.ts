import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../test-support/emulator-harness';
import { fakeTemplates, templateSend } from '../test-support/fake-templates';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ config: { pair_rate: { enabled: false } } });
  h.emulator.state.templates = fakeTemplates([
    { name: 'order_update' },
    { name: 'order_update', language: 'es' },
    { name: 'paused_one', status: 'PAUSED' },
    { name: 'disabled_one', status: 'DISABLED' },
    { name: 'pending_one', status: 'PENDING' },
    { name: 'no_params', components: [{ type: 'BODY', text: 'Thanks!' }] },
    {
      name: 'named',
      parameterFormat: 'NAMED',
      components: [{ type: 'BODY', text: 'Hi {{first_name}}' }],
    },
    {
      name: 'with_header',
      components: [
        { type: 'HEADER', format: 'IMAGE' },
        { type: 'BODY', text: 'Order {{1}}' },
        { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Track', url: 'https://x.com/{{1}}' }] },
      ],
    },
  ]);
});
afterEach(async () => {
  await h.close();
});
const to = '15551234567';

describe('template sends (reference §2.9)', () => {
  it.each([
    ['approved', templateSend('order_update'), 200, null],
    ['other language', templateSend('order_update', ['Ana'], 'es'), 200, null],
    ['unknown name → 132001 (HTTP 404)', templateSend('nope'), 404, 132001],
    ['unknown language → 132001', templateSend('order_update', ['Ana'], 'fr'), 404, 132001],
    ['pending (not approved) → 132001', templateSend('pending_one'), 404, 132001],
    ['paused → 132015', templateSend('paused_one'), 400, 132015],
    ['disabled → 132016', templateSend('disabled_one'), 400, 132016],
    ['too few params → 132000', templateSend('order_update', []), 400, 132000],
    ['too many params → 132000', templateSend('order_update', ['a', 'b']), 400, 132000],
    ['params on a template without variables → 132000', templateSend('no_params', ['x']), 400, 132000],
    ['newline in a param → 132018', templateSend('order_update', ['a\nb']), 400, 132018],
    ['5 spaces in a param → 132018', templateSend('order_update', ['a     b']), 400, 132018],
    ['hydrated body over 1024 → 132005', templateSend('order_update', ['x'.repeat(1030)]), 400, 132005],
  ])('%s', async (_name, body, status, code) => {
    const res = await h.send({ to, ...body });
    expect(res.statusCode, res.body).toBe(status);
    if (code === null)
      expect(res.json().messages[0]).toEqual({
        id: expect.stringMatching(/^wamid\./),
        message_status: 'accepted',
      });
    else expect(res.json().error.code).toBe(code);
  });

  it('named parameters need matching parameter_name', async () => {
    const good = {
      type: 'template',
      template: {
        name: 'named',
        language: { code: 'en_US' },
        components: [
          { type: 'body', parameters: [{ type: 'text', parameter_name: 'first_name', text: 'Ana' }] },
        ],
      },
    };
    expect((await h.send({ to, ...good })).statusCode).toBe(200);
    const bad = structuredClone(good);
    bad.template.components[0]!.parameters[0]!.parameter_name = 'last_name';
    expect((await h.send({ to, ...bad })).json().error.code).toBe(132000);
  });

  it('media header and dynamic URL button parameters are counted', async () => {
    const components = [
      { type: 'header', parameters: [{ type: 'image', image: { link: 'https://x.com/a.jpg' } }] },
      { type: 'body', parameters: [{ type: 'text', text: '42' }] },
      { type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: 'abc' }] },
    ];
    const send = (c: unknown[]) =>
      h.send({
        to,
        type: 'template',
        template: { name: 'with_header', language: { code: 'en_US' }, components: c },
      });
    expect((await send(components)).statusCode).toBe(200);
    expect((await send(components.slice(1))).json().error.code).toBe(132000);
    expect((await send(components.slice(0, 2))).json().error.code).toBe(132000);
  });

  it('answers 132001 when no templates module is registered', async () => {
    h.emulator.state.templates = undefined;
    const res = await h.send({ to, ...templateSend('order_update') });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({
      code: 132001,
      message: '(#132001) Template name does not exist in the translation',
    });
    expect(res.json().error.error_data.details).toBe('template name (order_update) does not exist in en_US');
  });

  it('delegates parameter checks to the templates module when it provides checkSendParameters', async () => {
    const calls: unknown[] = [];
    const lookup = h.emulator.state.templates!;
    h.emulator.state.templates = {
      ...lookup,
      findForSend: lookup.findForSend,
      checkSendParameters: (_t, c) => calls.push(c),
    };
    expect((await h.send({ to, ...templateSend('order_update', []) })).statusCode).toBe(200);
    expect(calls).toHaveLength(1);
  });
});
