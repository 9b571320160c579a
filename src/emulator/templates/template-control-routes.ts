import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ControlError } from '../control/control-errors';
import type { EmulatorContext } from '../core/context';
import type { TemplateStore } from './template-store';
import { REJECTED_REASONS } from './template-types';
import { TEMPLATE_FIELDS, templateView } from './template-view';

const patchSchema = z
  .strictObject({
    status: z
      .enum([
        'APPROVED',
        'REJECTED',
        'PENDING',
        'PAUSED',
        'DISABLED',
        'IN_APPEAL',
        'FLAGGED',
        'REINSTATED',
        'LIMIT_EXCEEDED',
        'ARCHIVED',
        'UNARCHIVED',
        'LOCKED',
      ])
      .optional(),
    /** REJECTED: one of Meta's rejected reasons (default INVALID_FORMAT); PAUSED/DISABLED: free text. */
    reason: z.string().min(1).optional(),
    quality_score: z.enum(['GREEN', 'YELLOW', 'RED', 'UNKNOWN']).optional(),
  })
  .refine(
    (body) => body.status !== undefined || body.quality_score !== undefined,
    'give status and/or quality_score',
  );

/**
 * Control API for templates: `GET /_sandbox/templates` (every template, all fields) and
 * `PATCH /_sandbox/templates/:id {status?, reason?, quality_score?}` (review by hand, pause,
 * disable, change quality) — each change sends its webhook.
 */
export function templateControlRoutes(
  app: FastifyInstance,
  ctx: EmulatorContext,
  store: TemplateStore,
): void {
  app.get('/templates', async () => ({
    data: store.list(ctx.state.wabaId).map((t) => templateView(t, TEMPLATE_FIELDS)),
  }));

  app.patch('/templates/:id', async (request) => {
    const { id } = request.params as { id: string };
    const body = patchSchema.parse(request.body ?? {});
    if (!store.get(id)) throw new ControlError(404, 'not_found', `No template with id ${id}`);
    if (body.status) {
      let reason = body.reason ?? 'NONE';
      if (body.status === 'REJECTED') {
        reason = body.reason ?? 'INVALID_FORMAT';
        if (!(REJECTED_REASONS as readonly string[]).includes(reason))
          throw new ControlError(
            400,
            'invalid_request',
            `reason must be one of ${REJECTED_REASONS.join(', ')}`,
          );
      }
      store.setStatus(id, body.status, reason);
    }
    if (body.quality_score) store.setQuality(id, body.quality_score);
    return templateView(store.get(id)!, TEMPLATE_FIELDS);
  });
}
