import { describe, expect, it } from 'vitest';
import { CloudApiError, CloudApiNetworkError, CloudApiValidationError } from './cloud-api-error';
import { CLOUD_API_ERROR_CATALOGUE, lookupCloudApiError, TEMPLATE_ERROR_SUBCODES } from './errors.catalogue';
import { isRetryable, retryDelayHint } from './retry';

/**
 * Expected decisions copied from the "Retry?" column of reference/cloud-api.md §3 and its closing
 * guidance ("retry 1, 2, 4, 80007, 130429, 131000, 131016, 131057, 133004"). Y → retried;
 * N and Later → not retried automatically. Written out by hand so the test checks the catalogue
 * against the reference instead of against itself.
 */
const REFERENCE_TABLE: Array<[code: number, httpStatus: number, retried: boolean, note: string]> = [
  [0, 401, false, 'N (new token)'],
  [1, 400, true, 'Y (few)'],
  [2, 503, true, 'Y'],
  [3, 500, false, 'N'],
  [4, 429, true, 'Y (backoff)'],
  [10, 403, false, 'N'],
  [33, 400, false, 'N'],
  [100, 400, false, 'N'],
  [104, 400, false, 'N'],
  [190, 401, false, 'N'],
  [200, 403, false, 'N'],
  [250, 403, false, 'N (200–299 range)'],
  [299, 403, false, 'N (200–299 range)'],
  [368, 403, false, 'Later'],
  [80007, 429, true, 'Y (backoff)'],
  [130429, 429, true, 'Y'],
  [130472, 400, false, 'N'],
  [130497, 403, false, 'N'],
  [131000, 500, true, 'Y'],
  [131005, 403, false, 'N'],
  [131008, 400, false, 'N'],
  [131009, 400, false, 'N'],
  [131016, 503, true, 'Y'],
  [131021, 400, false, 'N'],
  [131026, 400, false, 'N (maybe later)'],
  [131030, 400, false, 'N'],
  [131031, 403, false, 'N'],
  [131037, 400, false, 'N'],
  [131042, 400, false, 'Later'],
  [131045, 400, false, 'N (register)'],
  [131047, 400, false, 'N (use template)'],
  [131048, 429, false, 'Later'],
  [131049, 400, false, 'Later (≥24 h)'],
  [131050, 400, false, 'N'],
  [131051, 400, false, 'N'],
  [131052, 400, false, 'N'],
  [131053, 400, false, 'N'],
  [131056, 429, true, 'Y (wait; other recipients unaffected)'],
  [131057, 500, true, 'Y'],
  [131063, 400, false, 'N'],
  [131064, 429, false, 'Later'],
  [132000, 400, false, 'N'],
  [132001, 404, false, 'N'],
  [132005, 400, false, 'N'],
  [132007, 400, false, 'N'],
  [132008, 400, false, 'N'],
  [132012, 400, false, 'N'],
  [132015, 400, false, 'Later'],
  [132016, 400, false, 'N'],
  [132018, 400, false, 'N'],
  [132068, 400, false, 'N'],
  [132069, 400, false, 'Later (≤1 h)'],
  [133000, 500, false, 'N (deregister again)'],
  [133004, 503, true, 'Y'],
  [133005, 400, false, 'N'],
  [133006, 400, false, 'N'],
  [133008, 400, false, 'Later'],
  [133009, 400, false, 'Later'],
  [133010, 400, false, 'N (register)'],
  [133015, 400, true, 'Y (5 min)'],
  [133016, 429, false, 'Later'],
  [134011, 400, false, 'N'],
  [135000, 400, false, 'N'],
  [137000, 400, false, 'N'],
  [139000, 400, false, 'Flows API'],
  [139001, 400, false, 'Flows API'],
  [139002, 400, false, 'Flows API'],
  [139003, 400, false, 'Flows API'],
  [139004, 400, false, 'Flows API'],
];

const graphError = (
  httpStatus: number,
  code: number | null,
  extra: { subcode?: number; isTransient?: boolean } = {},
) => new CloudApiError({ httpStatus, code, title: 'x', raw: {}, ...extra });

describe('isRetryable — reference §3 table', () => {
  it.each(REFERENCE_TABLE)('code %i (HTTP %i) retried=%s — %s', (code, httpStatus, retried) => {
    expect(isRetryable(graphError(httpStatus, code))).toBe(retried);
  });

  it.each(REFERENCE_TABLE)(
    'code %i as an async webhook error object gives the same answer',
    (code, _s, retried) => {
      expect(isRetryable({ code, title: 'x', error_data: { details: 'y' } })).toBe(retried);
    },
  );

  it('the catalogue holds every code of the reference table, with its HTTP status', () => {
    for (const [code, httpStatus] of REFERENCE_TABLE) {
      const info = lookupCloudApiError(code);
      expect(info, `code ${code}`).toBeDefined();
      expect(info?.httpStatus, `code ${code}`).toBe(httpStatus);
      expect(info?.explanation.length, `code ${code}`).toBeGreaterThan(20);
    }
    const catalogued = [...CLOUD_API_ERROR_CATALOGUE.keys()].filter((c) => c !== 2500 && c !== 2635);
    const listed = new Set(REFERENCE_TABLE.map(([c]) => c));
    expect(catalogued.filter((c) => !listed.has(c))).toEqual([]);
  });

  it('marks the async-only codes of §1.3 as delivered by webhook', () => {
    for (const code of [131047, 131026, 131049, 131050, 130472]) {
      expect(lookupCloudApiError(code)?.delivery).toBe('async');
    }
    expect(lookupCloudApiError(131053)?.delivery).toBe('both');
  });

  it('knows the template-creation subcodes and prefers them over code 100', () => {
    for (const sub of [2388019, 2388023, 2388024, 2388040, 2388047, 2388072, 2388073, 2388293, 2388299]) {
      expect(TEMPLATE_ERROR_SUBCODES.get(sub)?.kind).toBe('subcode');
    }
    expect(lookupCloudApiError(100, 2388299)?.title).toBe('Variable at start or end');
    expect(lookupCloudApiError(100, 999)?.title).toBe('Invalid parameter');
    expect(isRetryable(graphError(400, 100, { subcode: 2388019 }))).toBe(false);
  });
});

describe('isRetryable — outside the catalogue', () => {
  it('retries network failures and timeouts', () => {
    expect(isRetryable(new CloudApiNetworkError('network', 'POST', 'http://x/v24.0/1/messages'))).toBe(true);
    expect(isRetryable(new CloudApiNetworkError('timeout', 'POST', 'http://x/v24.0/1/messages'))).toBe(true);
  });

  it('retries 5xx and 429 answers that carry no known code (proxy pages, new codes)', () => {
    expect(isRetryable(graphError(502, null))).toBe(true);
    expect(isRetryable(graphError(503, 999_999))).toBe(true);
    expect(isRetryable(graphError(429, 999_999))).toBe(true);
  });

  it('does not retry unknown 4xx codes unless Meta flags them transient', () => {
    expect(isRetryable(graphError(400, 999_999))).toBe(false);
    expect(isRetryable(graphError(400, null))).toBe(false);
    expect(isRetryable(graphError(400, 999_999, { isTransient: true }))).toBe(true);
  });

  it('never retries a local validation failure or a non-error', () => {
    expect(isRetryable(new CloudApiValidationError([]))).toBe(false);
    expect(isRetryable(new Error('boom'))).toBe(false);
    expect(isRetryable(undefined)).toBe(false);
    expect(isRetryable('131000')).toBe(false);
  });
});

describe('retryDelayHint', () => {
  it('follows Meta’s 4^X seconds guidance for the pair rate limit', () => {
    const e = graphError(429, 131056);
    expect([0, 1, 2, 3].map((n) => retryDelayHint(e, n))).toEqual([1_000, 4_000, 16_000, 64_000]);
    expect(retryDelayHint(e, 20)).toBe(3_600_000);
  });

  it('retries code 1 only a few times', () => {
    const e = graphError(400, 1);
    expect(retryDelayHint(e, 0)).toBeGreaterThan(0);
    expect(retryDelayHint(e, 2)).toBeGreaterThan(0);
    expect(retryDelayHint(e, 3)).toBeNull();
  });

  it('waits about 5 minutes after a number was deleted (133015)', () => {
    expect(retryDelayHint(graphError(400, 133015), 0)).toBe(300_000);
  });

  it('backs off in minutes for per-hour app and WABA quotas', () => {
    expect(retryDelayHint(graphError(429, 80007), 0)).toBe(60_000);
    expect(retryDelayHint(graphError(429, 4), 10)).toBe(3_600_000);
  });

  it('grows exponentially with a cap for other transient errors', () => {
    const e = new CloudApiNetworkError('timeout', 'GET', 'http://x');
    const delays = [0, 1, 2, 3, 30].map((n) => retryDelayHint(e, n));
    expect(delays.slice(0, 4)).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(delays[4]).toBe(300_000);
  });

  it('gives no delay for final errors', () => {
    expect(retryDelayHint(graphError(400, 131047), 0)).toBeNull();
    expect(retryDelayHint(graphError(401, 190), 0)).toBeNull();
  });
});
