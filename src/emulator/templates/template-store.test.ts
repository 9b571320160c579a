import { beforeEach, describe, expect, it } from 'vitest';
import type { EmulatorConfig } from '../state/config';
import { TemplateCreationError } from './template-creation-error';
import { TemplateStore } from './template-store';

const WABA = '102290129340398';

function setup(policy: Partial<EmulatorConfig['template_review']> = {}) {
  const events: Array<{ field: string; value: Record<string, unknown> }> = [];
  const timers: Array<{ ms: number; fn: () => void }> = [];
  let now = Date.UTC(2026, 0, 1);
  const review: EmulatorConfig['template_review'] = {
    mode: 'approve',
    delay_seconds: 2,
    rejection_reason: 'PROMOTIONAL',
    ...policy,
  };
  const store = new TemplateStore({
    now: () => now,
    emitChange: (field, value) => events.push({ field, value }),
    later: (ms, fn) => timers.push({ ms, fn }),
    reviewPolicy: () => review,
    markChanged: () => {},
  });
  const runTimers = () => {
    for (const timer of timers.splice(0)) timer.fn();
  };
  return { store, events, timers, runTimers, review, advance: (ms: number) => (now += ms) };
}

const request = (name = 'order_update', language = 'en_US', body = 'Your order has shipped.') => ({
  name,
  language,
  category: 'UTILITY',
  components: [{ type: 'BODY', text: body }],
});

function creationError(fn: () => unknown): TemplateCreationError {
  try {
    fn();
  } catch (error) {
    if (error instanceof TemplateCreationError) return error;
    throw error;
  }
  throw new Error('expected a TemplateCreationError');
}

describe('TemplateStore review lifecycle', () => {
  let t: ReturnType<typeof setup>;
  beforeEach(() => {
    t = setup();
  });

  it('creates PENDING, approves after the review delay and sends the status webhook', () => {
    const template = t.store.create(WABA, request());
    expect(template.status).toBe('PENDING');
    expect(t.timers[0]?.ms).toBe(2000);
    expect(t.events).toEqual([]);
    t.runTimers();
    expect(t.store.get(template.id)?.status).toBe('APPROVED');
    expect(t.events).toEqual([
      {
        field: 'message_template_status_update',
        value: {
          event: 'APPROVED',
          message_template_id: Number(template.id),
          message_template_name: 'order_update',
          message_template_language: 'en_US',
          reason: 'NONE',
          message_template_category: 'UTILITY',
        },
      },
    ]);
  });

  it('decides at once when the delay is 0', () => {
    t.review.delay_seconds = 0;
    expect(t.store.create(WABA, request()).status).toBe('APPROVED');
  });

  it('rejects with the configured reason under the reject policy', () => {
    t.review.mode = 'reject';
    const template = t.store.create(WABA, request());
    t.runTimers();
    expect(t.store.get(template.id)).toMatchObject({ status: 'REJECTED', rejectedReason: 'PROMOTIONAL' });
    expect(t.events[0]?.value).toMatchObject({ event: 'REJECTED', reason: 'PROMOTIONAL' });
  });

  it('leaves templates PENDING under the manual policy until set by hand', () => {
    t.review.mode = 'pending';
    const template = t.store.create(WABA, request());
    expect(t.timers).toHaveLength(0);
    t.store.setStatus(template.id, 'APPROVED');
    t.store.setStatus(template.id, 'PAUSED', 'Low quality');
    t.store.setStatus(template.id, 'DISABLED', 'Paused too often');
    expect(t.events.map((e) => e.value.event)).toEqual(['APPROVED', 'PAUSED', 'DISABLED']);
    expect(t.events[2]?.value).toHaveProperty('disable_info.disable_date');
  });

  it('rejects a template with adjacent variables as INVALID_FORMAT even when approving', () => {
    const template = t.store.create(WABA, {
      ...request(),
      components: [
        { type: 'BODY', text: 'Dear customer {{1}}{{2}} thanks a lot', example: { body_text: [['a', 'b']] } },
      ],
    });
    t.runTimers();
    expect(t.store.get(template.id)).toMatchObject({ status: 'REJECTED', rejectedReason: 'INVALID_FORMAT' });
  });

  it('sends message_template_quality_update with previous and new score', () => {
    const template = t.store.create(WABA, request());
    t.store.setQuality(template.id, 'YELLOW');
    expect(t.events.at(-1)).toEqual({
      field: 'message_template_quality_update',
      value: {
        previous_quality_score: 'UNKNOWN',
        new_quality_score: 'YELLOW',
        message_template_id: Number(template.id),
        message_template_name: 'order_update',
        message_template_language: 'en_US',
      },
    });
  });
});

describe('TemplateStore names, languages and deletion', () => {
  it('refuses the same name+language (2388024) but allows another language', () => {
    const { store } = setup();
    store.create(WABA, request());
    expect(creationError(() => store.create(WABA, request())).subcode).toBe(2388024);
    expect(store.create(WABA, request('order_update', 'pt_BR')).language).toBe('pt_BR');
  });

  it('deletes one language by hsm_id or every language by name, then blocks reuse for 30 days (2388023)', () => {
    const t = setup();
    const en = t.store.create(WABA, request());
    t.store.create(WABA, request('order_update', 'pt_BR'));
    expect(t.store.delete(WABA, 'order_update', en.id)).toBe(1);
    expect(t.store.findForSend(WABA, 'order_update', 'en_US')).toBeNull();
    expect(t.store.findForSend(WABA, 'order_update', 'pt_BR')).not.toBeNull();
    expect(creationError(() => t.store.create(WABA, request())).subcode).toBe(2388023);
    t.advance(31 * 24 * 3600 * 1000);
    expect(t.store.create(WABA, request()).status).toBe('PENDING');
    expect(t.store.delete(WABA, 'order_update')).toBe(2);
    expect(() => t.store.delete(WABA, 'order_update')).toThrow(
      expect.objectContaining({ code: 100, subcode: 2593002 }),
    );
  });

  it('caps the number of template names per WABA (2388019)', () => {
    const store = new TemplateStore(
      {
        now: () => 0,
        emitChange: () => {},
        later: () => {},
        reviewPolicy: () => ({ mode: 'pending', delay_seconds: 0, rejection_reason: 'NONE' }),
        markChanged: () => {},
      },
      { maxTemplates: 2 },
    );
    store.create(WABA, request('a'));
    store.create(WABA, request('b'));
    store.create(WABA, request('b', 'pt_BR'));
    expect(creationError(() => store.create(WABA, request('c'))).subcode).toBe(2388019);
  });

  it('serialises the error like Meta (message, subcode, user title and message)', () => {
    const { store } = setup();
    const body = creationError(() => store.create(WABA, { ...request(), name: 'Bad Name' })).toBody();
    expect(body.error).toMatchObject({
      message: 'Invalid parameter',
      type: 'OAuthException',
      code: 100,
      is_transient: false,
    });
    expect(body.error).toHaveProperty('error_user_title', 'Invalid template name');
    expect(body.error).not.toHaveProperty('error_subcode');
  });

  it('survives toJSON/load and resumes pending reviews', () => {
    const t = setup();
    const template = t.store.create(WABA, request());
    const copy = setup();
    copy.store.load(JSON.parse(JSON.stringify(t.store.toJSON())));
    expect(copy.store.get(template.id)?.name).toBe('order_update');
    copy.runTimers();
    expect(copy.store.get(template.id)?.status).toBe('APPROVED');
  });

  it('fills in Meta’s fixed authentication texts', () => {
    const { store } = setup();
    const template = store.create(WABA, {
      name: 'login_code',
      language: 'en_US',
      category: 'AUTHENTICATION',
      components: [
        { type: 'BODY', add_security_recommendation: true },
        { type: 'FOOTER', code_expiration_minutes: 5 },
        { type: 'BUTTONS', buttons: [{ type: 'OTP', otp_type: 'COPY_CODE', text: 'Copy code' }] },
      ],
    });
    expect(template.components[0]?.text).toContain('{{1}}');
    expect(template.components[1]?.text).toBe('This code expires in 5 minutes.');
  });
});
