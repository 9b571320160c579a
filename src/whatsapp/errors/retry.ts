import { CloudApiError, CloudApiNetworkError } from './cloud-api-error';
import { lookupCloudApiError } from './errors.catalogue';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Code 1 ("API Unknown") is retried only a few times (reference §3: "Y (few)"). */
const UNKNOWN_ERROR_MAX_RETRIES = 3;

/** Anything carrying a Cloud API code: a CloudApiError, or an error object from a webhook (`{code}`). */
interface HasCode {
  code: number | null;
  httpStatus?: number;
  isTransient?: boolean | undefined;
}

function hasCode(error: unknown): error is HasCode {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    (typeof error.code === 'number' || error.code === null)
  );
}

/**
 * THE retry decision for Cloud API failures: true when sending the same request again, after a
 * back-off, can succeed without anyone changing anything. Network failures and timeouts, 5xx and
 * 429 answers with unknown codes, and the codes the catalogue marks `yes` (1, 2, 4, 80007, 130429,
 * 131000, 131016, 131056, 131057, 133004, 133015) are retryable. `later` codes (policy blocks,
 * payment, paused templates …) and everything else are final for an automatic retry.
 * Accepts a CloudApiError, a CloudApiNetworkError, or a webhook error object `{code}`.
 */
export function isRetryable(error: unknown): boolean {
  if (error instanceof CloudApiNetworkError) return true;
  if (!hasCode(error)) return false;
  const subcode = error instanceof CloudApiError ? error.subcode : undefined;
  const info = error.code === null ? undefined : lookupCloudApiError(error.code, subcode);
  if (info) return info.retry === 'yes';
  const status = error.httpStatus;
  if (status !== undefined && (status >= 500 || status === 429)) return true;
  return error.isTransient === true;
}

/**
 * How long to wait before retry number `attempt` (0 = the first retry), in milliseconds, or null
 * when the error should not be retried (any more). Deterministic: the queue adds its own jitter.
 */
export function retryDelayHint(error: unknown, attempt: number): number | null {
  if (!isRetryable(error)) return null;
  const code = hasCode(error) ? error.code : null;
  const n = Math.max(0, Math.floor(attempt));
  const exponential = (base: number, cap: number) => Math.min(cap, base * 2 ** n);
  switch (code) {
    case 1:
      return n < UNKNOWN_ERROR_MAX_RETRIES ? exponential(2 * SECOND, MINUTE) : null;
    case 131056:
      // Pair rate limit: Meta's guidance is to wait 4^X seconds, X = 0, 1, 2 … (§8.2).
      return Math.min(HOUR, 4 ** n * SECOND);
    case 130429:
      return exponential(SECOND, MINUTE);
    case 4:
    case 80007:
      // App / WABA call quotas are per hour: back off in minutes.
      return exponential(MINUTE, HOUR);
    case 131057:
      // Maintenance such as a throughput upgrade takes up to a minute (§8.1).
      return exponential(30 * SECOND, 10 * MINUTE);
    case 133015:
      // Wait about 5 minutes after a number was deleted (§3).
      return 5 * MINUTE;
    default:
      return exponential(SECOND, 5 * MINUTE);
  }
}
