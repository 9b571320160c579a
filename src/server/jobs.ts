import { downloadInboundMediaJob, markReadJob, sendPendingMessagesJob } from './features/inbox/outbox.jobs';
import { processContactEventsJob } from './ingress/process-events.jobs';
import type { JobDefinition } from './queue/job';

/** Every background job of the product. Their queues are created at start (see Queue.declare). */
export const allJobs: Array<JobDefinition<any>> = [
  processContactEventsJob,
  sendPendingMessagesJob,
  downloadInboundMediaJob,
  markReadJob,
];
