import type { AppContext } from './context';
import { registerOutboxWorkers } from './features/inbox/outbox.jobs';
import { registerWebhookWorkers } from './ingress/process-events.jobs';

/** Every feature's background workers, started by `chatsyncs start` and `chatsyncs worker`. */
const featureWorkers: Array<(ctx: AppContext) => Promise<void>> = [
  registerWebhookWorkers,
  registerOutboxWorkers,
];

export async function registerWorkers(ctx: AppContext): Promise<void> {
  for (const register of featureWorkers) await register(ctx);
}
