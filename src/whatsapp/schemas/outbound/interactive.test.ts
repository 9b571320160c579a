import { describe, expect, it } from 'vitest';
import { interactiveContentSchema } from './interactive';

const issues = (interactive: unknown) =>
  interactiveContentSchema
    .safeParse(interactive)
    .error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

const button = (id: string, title = id) => ({ type: 'reply', reply: { id, title } });
const buttons = (list: unknown[], extra: Record<string, unknown> = {}) => ({
  type: 'button',
  body: { text: 'Pick one' },
  action: { buttons: list },
  ...extra,
});
const row = (id: string, extra: Record<string, unknown> = {}) => ({ id, title: `Row ${id}`, ...extra });
const list = (sections: unknown[], extra: Record<string, unknown> = {}) => ({
  type: 'list',
  body: { text: 'Choose' },
  action: { button: 'Choose', sections },
  ...extra,
});
const flowParams = {
  flow_message_version: '3',
  flow_token: 'AQAAAAACS5FpgQ_cAAAAAD0QI3s.',
  flow_id: '1234567890',
  flow_cta: 'Book!',
  mode: 'published',
  flow_action: 'navigate',
  flow_action_payload: { screen: 'WELCOME', data: { k: 'v' } },
};
const flow = (parameters: Record<string, unknown>) => ({
  type: 'flow',
  body: { text: 'Book a visit' },
  action: { name: 'flow', parameters },
});

describe('reply buttons', () => {
  it('accepts 1–3 buttons with a text, image, video or document header', () => {
    expect(issues(buttons([button('opt_1', 'Yes'), button('opt_2', 'No')]))).toEqual([]);
    expect(issues(buttons([button('a'), button('b'), button('c')], { footer: { text: 'f' } }))).toEqual([]);
    expect(issues(buttons([button('a')], { header: { type: 'image', image: { id: '123' } } }))).toEqual([]);
    expect(issues(buttons([button('a')], { header: { type: 'text', text: 'h'.repeat(60) } }))).toEqual([]);
  });

  it('enforces Meta’s limits', () => {
    expect(issues(buttons([]))).toEqual(['action.buttons: Too small: expected array to have >=1 items']);
    expect(issues(buttons(['a', 'b', 'c', 'd'].map((id) => button(id))))).toEqual([
      'action.buttons: Too big: expected array to have <=3 items',
    ]);
    expect(issues(buttons([button('a', 't'.repeat(21))]))).toEqual([
      'action.buttons.0.reply.title: Too big: expected string to have <=20 characters',
    ]);
    expect(issues(buttons([button('i'.repeat(257), 'x')]))).toHaveLength(1);
    expect(issues(buttons([button(' padded', 'x')]))).toEqual([
      'action.buttons.0.reply.id: button id must not start or end with spaces',
    ]);
    expect(issues(buttons([button('same', 'A'), button('same', 'B')]))).toEqual([
      'action.buttons.1.reply.id: button id must be unique ("same" repeats)',
    ]);
    expect(issues(buttons([button('a', 'Same'), button('b', 'Same')]))).toEqual([
      'action.buttons.1.reply.title: button title must be unique ("Same" repeats)',
    ]);
    expect(issues({ ...buttons([button('a')]), body: { text: 'b'.repeat(1025) } })).toHaveLength(1);
    expect(issues(buttons([button('a')], { header: { type: 'text', text: 'h'.repeat(61) } }))).toHaveLength(
      1,
    );
    expect(issues(buttons([button('a')], { footer: { text: 'f'.repeat(61) } }))).toHaveLength(1);
    const captioned = { type: 'image', image: { id: '1', caption: 'captions belong to media messages' } };
    expect(issues(buttons([button('a')], { header: captioned }))[0]).toContain('caption');
  });
});

describe('list', () => {
  it('accepts the reference sample and 10 rows spread over sections', () => {
    const sample = list([
      { title: 'Section A', rows: [{ id: 'r1', title: 'Row 1', description: 'd'.repeat(72) }] },
    ]);
    expect(issues(sample)).toEqual([]);
    const ten = list([
      { title: 'A', rows: ['1', '2', '3', '4', '5'].map((id) => row(id)) },
      { title: 'B', rows: ['6', '7', '8', '9', '10'].map((id) => row(id)) },
    ]);
    expect(issues(ten)).toEqual([]);
  });

  it('counts rows across all sections (max 10 in total)', () => {
    const eleven = list([
      { title: 'A', rows: ['1', '2', '3', '4', '5', '6'].map((id) => row(id)) },
      { title: 'B', rows: ['7', '8', '9', '10', '11'].map((id) => row(id)) },
    ]);
    expect(issues(eleven)).toEqual(['action.sections: a list may hold at most 10 rows in total (has 11)']);
  });

  it('enforces title, description, id, section and header rules', () => {
    expect(issues(list([{ rows: [row('1', { title: 't'.repeat(25) })] }]))).toHaveLength(1);
    expect(issues(list([{ rows: [row('1', { description: 'd'.repeat(73) })] }]))).toHaveLength(1);
    expect(issues(list([{ rows: [row('i'.repeat(201), { title: 'Long id' })] }]))).toHaveLength(1);
    expect(issues(list([{ title: 's'.repeat(25), rows: [row('1')] }]))).toHaveLength(1);
    expect(issues(list([{ rows: [row('1')] }, { title: 'B', rows: [row('2')] }]))).toEqual([
      'action.sections.0.title: every section needs a title when there is more than one section',
    ]);
    expect(
      issues(
        list([
          { title: 'A', rows: [row('x')] },
          { title: 'B', rows: [row('x')] },
        ]),
      ),
    ).toEqual(['action.sections.1.rows.0.id: row id must be unique ("x" repeats)']);
    const elevenSections = Array.from({ length: 11 }, (_, i) => ({ title: `S${i}`, rows: [row(`${i}`)] }));
    expect(issues(list(elevenSections))[0]).toContain('action.sections');
    expect(
      issues({
        ...list([{ rows: [row('1')] }]),
        action: { button: 'b'.repeat(21), sections: [{ rows: [row('1')] }] },
      }),
    ).toHaveLength(1);
    const imageHeader = issues(
      list([{ rows: [row('1')] }], { header: { type: 'image', image: { id: '1' } } }),
    );
    expect(imageHeader.length).toBeGreaterThan(0);
    expect(imageHeader.every((p) => p.startsWith('header'))).toBe(true);
  });
});

describe('cta_url, flow and location request', () => {
  it('accepts a cta_url and rejects a long display text or a non-http URL', () => {
    const cta = (parameters: Record<string, unknown>) => ({
      type: 'cta_url',
      body: { text: 'Dates' },
      action: { name: 'cta_url', parameters },
    });
    expect(issues(cta({ display_text: 'See dates', url: 'https://example.com?x=1' }))).toEqual([]);
    expect(issues(cta({ display_text: 'd'.repeat(21), url: 'https://example.com' }))).toHaveLength(1);
    expect(issues(cta({ display_text: 'Go', url: 'javascript:alert(1)' }))).toHaveLength(1);
  });

  it('accepts the reference flow sample, by flow_name, and data_exchange without payload', () => {
    expect(issues(flow(flowParams))).toEqual([]);
    const { flow_id: _id, ...byName } = flowParams;
    expect(issues(flow({ ...byName, flow_name: 'my_flow' }))).toEqual([]);
    const { flow_action_payload: _p, ...noPayload } = flowParams;
    expect(issues(flow({ ...noPayload, flow_action: 'data_exchange' }))).toEqual([]);
  });

  it('enforces the flow rules of §2.8', () => {
    expect(issues(flow({ ...flowParams, flow_name: 'both' }))).toEqual([
      'action.parameters.flow_id: give exactly one of flow_id or flow_name',
    ]);
    const { flow_action_payload: _p, flow_action: _a, ...noPayload } = flowParams;
    expect(issues(flow(noPayload))).toEqual([
      'action.parameters.flow_action_payload: flow_action_payload is required when flow_action is navigate',
    ]);
    expect(issues(flow({ ...flowParams, flow_action: 'data_exchange' }))).toHaveLength(1);
    expect(issues(flow({ ...flowParams, flow_cta: 'Book 📅' }))).toEqual([
      'action.parameters.flow_cta: flow_cta must not contain emoji',
    ]);
    expect(issues(flow({ ...flowParams, flow_message_version: '2' }))).toHaveLength(1);
    expect(issues(flow({ ...flowParams, flow_action_payload: { screen: 'W', data: {} } }))).toHaveLength(1);
  });

  it('accepts a location request with body only, and refuses a header on it', () => {
    const request = {
      type: 'location_request_message',
      body: { text: 'Share your location' },
      action: { name: 'send_location' },
    };
    expect(issues(request)).toEqual([]);
    expect(issues({ ...request, header: { type: 'text', text: 'x' } })).toHaveLength(1);
  });
});
