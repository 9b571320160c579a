import { GraphError, invalidParam } from '../graph/graph-error';
import type { EmulatorState } from '../state/emulator-state';
import type { TemplateForSend } from '../state/extensions';
import type { InteractiveInfo } from './validate/interactive';
import { checkTemplateParameters, checkTemplateStatus, type TemplateRequest } from './validate/template';

/** Synchronous template checks (reference §2.9): unknown → 132001 (HTTP 404), then status and parameters. */
export function resolveTemplate(state: EmulatorState, request: TemplateRequest): TemplateForSend {
  const template = state.templates?.findForSend(state.wabaId, request.name, request.language) ?? null;
  if (!template) {
    throw new GraphError(132001, {
      details: `template name (${request.name}) does not exist in ${request.language}`,
    });
  }
  checkTemplateStatus(template, request);
  if (state.templates?.checkSendParameters) state.templates.checkSendParameters(template, request.components);
  else checkTemplateParameters(template, request);
  return template;
}

/** Synchronous flow checks (reference §2.8, §10.3), when a flows module is registered. */
export function checkFlowSend(
  state: EmulatorState,
  flow: NonNullable<InteractiveInfo['flow']>,
): string | undefined {
  if (!state.flows) return undefined;
  const found = state.flows.findForSend(state.wabaId, flow);
  if (!found) throw invalidParam(`Flow ${flow.flowId ?? flow.flowName} does not exist.`);
  switch (found.status) {
    case 'DRAFT':
      if (flow.mode !== 'draft') throw invalidParam('Flow is in DRAFT status: send it with "mode": "draft".');
      break;
    case 'DEPRECATED':
      throw invalidParam('Flow is deprecated and cannot be sent.');
    case 'BLOCKED':
      throw new GraphError(132068);
    case 'THROTTLED':
      if ((state.flows.sendsInLastHour?.(found.id) ?? 10) >= 10) throw new GraphError(132069);
      break;
  }
  return found.id;
}
