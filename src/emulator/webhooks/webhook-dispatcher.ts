import type { FastifyBaseLogger } from 'fastify';
import type { EmulatorClock } from '../core/clock';
import { challenge, prefixedId } from '../core/ids';
import type { EmulatorState } from '../state/emulator-state';
import type { BusinessPhoneNumber } from '../state/models';
import { DeliveryLog, type DeliveryRecord } from './delivery-log';
import { buildEnvelope, type MessagesChangeValue, metadataFor } from './envelope';
import { createAgents, sendRequest } from './http-post';
import { signatureHeader } from './sign';

export interface WebhookDeliveryOptions {
  /** Retry schedule: initialDelayMs × factor^(attempt-1), at most maxAttempts attempts in all. */
  retry: { initialDelayMs: number; factor: number; maxAttempts: number; maxDelayMs: number };
  /** Concurrent POSTs in flight. */
  concurrency: number;
  timeoutMs: number;
  /** Deliveries kept for `GET /_sandbox/webhook-deliveries`. */
  logSize: number;
}

export const DEFAULT_DELIVERY_OPTIONS: WebhookDeliveryOptions = {
  retry: { initialDelayMs: 1000, factor: 2, maxAttempts: 6, maxDelayMs: 60_000 },
  concurrency: 16,
  timeoutMs: 5000,
  logSize: 1000,
};

export interface VerificationResult {
  url: string;
  ok: boolean;
  status_code: number | null;
  error?: string;
  at: string;
}

interface Job {
  record: DeliveryRecord;
  body: string;
  /** Deliveries with the same key go out one at a time, in order (per business number + user). */
  key: string;
}

/** Ordering key of a change: business number + user for `messages`, else the field. */
function orderingKey(field: string, value: Record<string, unknown>): string {
  if (field !== 'messages') return field;
  const phoneId = (value.metadata as { phone_number_id?: string } | undefined)?.phone_number_id ?? '';
  const status = (value.statuses as Array<{ recipient_id?: string }> | undefined)?.[0];
  const contact = (value.contacts as Array<{ wa_id?: string }> | undefined)?.[0];
  const waId = status?.recipient_id ?? contact?.wa_id;
  return (value.statuses as unknown[] | undefined)?.length === 1 || !status
    ? `${phoneId}:${waId ?? ''}`
    : phoneId;
}

/**
 * Signed webhook delivery: a queue drained with bounded concurrency over keep-alive sockets,
 * exponential-backoff retries on non-2xx/timeout, a bounded delivery log, optional duplicate and
 * out-of-order faults, and the GET verification handshake before the first POST to a URL.
 */
export class WebhookDispatcher {
  /** Per-key FIFO lanes; `ready` lists keys whose head job may start. */
  private readonly lanes = new Map<string, Job[]>();
  private readonly ready: string[] = [];
  private queued = 0;
  private inFlight = 0;
  private verification: Promise<unknown> | undefined;
  private scheduled = 0;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly log: DeliveryLog;
  private readonly agents;
  private readonly idleWaiters: Array<() => void> = [];
  private readonly batches = new Map<
    string,
    { phone: BusinessPhoneNumber; statuses: Record<string, unknown>[] }
  >();
  private batchFlushScheduled = false;
  private verifiedUrl: string | null = null;
  lastVerification: VerificationResult | null = null;
  private closed = false;

  constructor(
    private readonly deps: {
      state: EmulatorState;
      clock: EmulatorClock;
      logger: FastifyBaseLogger;
      options: WebhookDeliveryOptions;
      random: () => number;
    },
  ) {
    this.log = new DeliveryLog(deps.options.logSize);
    this.agents = createAgents(deps.options.concurrency);
  }

  /** Emit any webhook `field` change for the WABA (templates, account updates, …). */
  emitChange(field: string, value: Record<string, unknown>): string {
    return this.enqueue(field, value);
  }

  /** Emit a `messages` change (inbound messages, statuses, errors) for a business number. */
  emitMessages(
    phone: BusinessPhoneNumber,
    value: Omit<MessagesChangeValue, 'messaging_product' | 'metadata'>,
  ): string {
    return this.enqueue('messages', {
      messaging_product: 'whatsapp',
      metadata: metadataFor(phone),
      ...value,
    });
  }

  /** Emit one status; batched with others of the same number when `webhook.batch` is on. */
  emitStatus(phone: BusinessPhoneNumber, status: Record<string, unknown>): void {
    const config = this.deps.state.config.webhook;
    if (!config.batch) {
      this.emitMessages(phone, { statuses: [status] });
      return;
    }
    let batch = this.batches.get(phone.id);
    if (!batch) {
      batch = { phone, statuses: [] };
      this.batches.set(phone.id, batch);
    }
    batch.statuses.push(status);
    if (batch.statuses.length >= config.batch_max_items) {
      this.batches.delete(phone.id);
      this.emitMessages(phone, { statuses: batch.statuses });
    } else if (!this.batchFlushScheduled) {
      this.batchFlushScheduled = true;
      this.scheduled++;
      setImmediate(() => {
        this.scheduled--;
        this.batchFlushScheduled = false;
        for (const pending of this.batches.values())
          this.emitMessages(pending.phone, { statuses: pending.statuses });
        this.batches.clear();
        this.maybeIdle();
      });
    }
  }

  deliveries(): DeliveryRecord[] {
    return this.log.list();
  }

  clearDeliveries(): void {
    this.log.clear();
  }

  /** GET handshake: `hub.mode=subscribe&hub.verify_token=…&hub.challenge=…`; 200 + echoed challenge = ok. */
  async verifyCallback(): Promise<VerificationResult | null> {
    const { url, verify_token } = this.deps.state.config.webhook;
    if (!url) return null;
    const value = challenge();
    const target = new URL(url);
    target.searchParams.set('hub.mode', 'subscribe');
    target.searchParams.set('hub.verify_token', verify_token);
    target.searchParams.set('hub.challenge', value);
    const answer = await sendRequest(
      'GET',
      target.toString(),
      undefined,
      {},
      this.deps.options.timeoutMs,
      this.agents,
    );
    const ok = answer.status === 200 && answer.body.trim() === value;
    this.lastVerification = {
      url,
      ok,
      status_code: answer.status,
      ...(answer.error
        ? { error: answer.error }
        : ok
          ? {}
          : { error: 'the endpoint did not echo hub.challenge' }),
      at: new Date(this.deps.clock.now()).toISOString(),
    };
    this.verifiedUrl = url;
    if (!ok) this.deps.logger.warn({ url, status: answer.status }, 'webhook verification handshake failed');
    return this.lastVerification;
  }

  /** Resolves when nothing is queued, in flight, batched or waiting for a retry. */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.lanes.clear();
    this.ready.length = 0;
    this.queued = 0;
    this.agents.http.destroy();
    this.agents.https.destroy();
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  // ---- internals --------------------------------------------------------------------------

  private enqueue(field: string, value: Record<string, unknown>): string {
    const { state, clock, random } = this.deps;
    const envelope = buildEnvelope(state.wabaId, field, value, clock.now());
    const url = state.config.webhook.url;
    const record = this.newRecord(field, url, envelope, false);
    const body = JSON.stringify(envelope);
    if (!url || this.closed) {
      record.state = 'skipped';
      return record.id;
    }
    const faults = state.config.faults;
    const key = orderingKey(field, value);
    const job: Job = { record, body, key };
    if (faults.webhook_reorder_rate > 0 && random() < faults.webhook_reorder_rate) {
      record.delayed = true;
      this.later(faults.webhook_reorder_delay_ms, () => this.push(job));
    } else {
      this.push(job);
    }
    if (faults.webhook_duplicate_rate > 0 && random() < faults.webhook_duplicate_rate) {
      this.push({ record: this.newRecord(field, url, envelope, true), body, key });
    }
    return record.id;
  }

  private newRecord(field: string, url: string | null, payload: unknown, duplicate: boolean): DeliveryRecord {
    const record: DeliveryRecord = {
      id: prefixedId('whd'),
      field,
      url,
      created_at: new Date(this.deps.clock.now()).toISOString(),
      state: 'pending',
      response_status: null,
      attempts: [],
      duplicate,
      delayed: false,
      payload,
    };
    this.log.add(record);
    return record;
  }

  private push(job: Job): void {
    if (this.closed) return;
    this.queued++;
    const lane = this.lanes.get(job.key);
    if (lane) {
      lane.push(job);
    } else {
      this.lanes.set(job.key, [job]);
      this.ready.push(job.key);
    }
    this.pump();
  }

  private later(ms: number, fn: () => void): void {
    this.scheduled++;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.scheduled--;
      fn();
      this.maybeIdle();
    }, ms);
    this.timers.add(timer);
  }

  private pump(): void {
    while (this.inFlight < this.deps.options.concurrency && this.ready.length > 0) {
      const key = this.ready.shift()!;
      const lane = this.lanes.get(key);
      const job = lane?.[0];
      if (!lane || !job) continue;
      this.inFlight++;
      void this.attempt(job).then((retryInMs) => {
        this.inFlight--;
        const release = () => {
          if (this.closed) return;
          if (retryInMs === undefined) {
            lane.shift();
            this.queued--;
          }
          if (lane.length > 0) this.ready.push(key);
          else this.lanes.delete(key);
          this.pump();
        };
        // A failing delivery keeps the head of its lane: later events for that user wait behind it.
        if (retryInMs === undefined) release();
        else this.later(retryInMs, release);
        this.maybeIdle();
      });
    }
  }

  /** One POST; resolves with the delay before a retry, or undefined when the job is finished. */
  private async attempt(job: Job): Promise<number | undefined> {
    const { state, options, logger } = this.deps;
    const url = job.record.url!;
    if (this.verifiedUrl !== url) {
      this.verification ??= this.verifyCallback()
        .catch(() => undefined)
        .finally(() => {
          this.verification = undefined;
        });
      await this.verification;
    }
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'facebookexternalua',
      'x-hub-signature-256': signatureHeader(state.config.webhook.app_secret, job.body),
    };
    const result = await sendRequest('POST', url, job.body, headers, options.timeoutMs, this.agents);
    const { record } = job;
    record.attempts.push({
      at: new Date(this.deps.clock.now()).toISOString(),
      status_code: result.status,
      ...(result.error ? { error: result.error } : {}),
      duration_ms: result.durationMs,
    });
    record.response_status = result.status;
    if (result.status !== null && result.status >= 200 && result.status < 300) {
      record.state = 'delivered';
      return undefined;
    }
    const { retry } = options;
    if (record.attempts.length >= retry.maxAttempts || this.closed) {
      record.state = 'failed';
      logger.warn({ delivery: record.id, url, status: result.status }, 'webhook delivery gave up');
      return undefined;
    }
    record.state = 'retrying';
    return Math.min(retry.maxDelayMs, retry.initialDelayMs * retry.factor ** (record.attempts.length - 1));
  }

  isIdle(): boolean {
    return this.queued === 0 && this.inFlight === 0 && this.scheduled === 0;
  }

  private maybeIdle(): void {
    if (!this.isIdle()) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}
