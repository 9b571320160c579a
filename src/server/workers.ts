import type { AppContext } from './context';
import { registerWebhookWorkers } from './ingress/process-events.jobs';

/** Every feature's background workers, started by `chatsyncs start` and `chatsyncs worker`. */
const featureWorkers: Array<(ctx: AppContext) => Promise<void>> = [registerWebhookWorkers];

export async function registerWorkers(ctx: AppContext): Promise<void> {
  for (const register of featureWorkers) await register(ctx);
}
