import { numericId } from '../core/ids';
import { GraphError } from '../graph/graph-error';
import type { FlowLookup, FlowStatus, PersistentStore } from '../state/extensions';
import { type FlowValidationError, validateFlowJson } from './validate-flow-json';

export const FLOW_CATEGORIES = [
  'SIGN_UP',
  'SIGN_IN',
  'APPOINTMENT_BOOKING',
  'LEAD_GENERATION',
  'CONTACT_US',
  'CUSTOMER_SUPPORT',
  'SURVEY',
  'OTHER',
];
const HOUR = 60 * 60 * 1000;

export interface StoredFlow {
  id: string;
  wabaId: string;
  name: string;
  categories: string[];
  status: FlowStatus;
  flowJson?: string;
  validationErrors: FlowValidationError[];
  jsonVersion?: string;
  dataApiVersion?: string;
  endpointUri?: string;
  /** Send times (emulator clock) in the last hour, for THROTTLED. */
  sends: number[];
  createdAt: number;
  updatedAt: number;
}

/** Flows API errors (reference §10.3). */
const flowError = (code: 139001 | 139002 | 139003 | 139004, title: string, details: string) =>
  new GraphError(code, { message: `(#${code}) ${title}`, details });

export interface FlowStoreDeps {
  now(): number;
  emitChange(field: string, value: Record<string, unknown>): void;
  markChanged(): void;
}

/** Flows of every WABA: lifecycle DRAFT → PUBLISHED → DEPRECATED (+ THROTTLED/BLOCKED health). */
export class FlowStore implements FlowLookup, PersistentStore {
  private readonly flows = new Map<string, StoredFlow>();

  constructor(private readonly deps: FlowStoreDeps) {}

  create(wabaId: string, input: Record<string, unknown>): StoredFlow {
    const { name, categories } = input;
    if (typeof name !== 'string' || name.trim() === '')
      throw new GraphError(100, { details: 'The parameter name is required.' });
    if (this.list(wabaId).some((f) => f.name === name))
      throw new GraphError(100, {
        details: `Flow name is not unique: a flow named "${name}" already exists in this WhatsApp Business Account.`,
      });
    const cats = this.categories(categories);
    const now = this.deps.now();
    const clone = typeof input.clone_flow_id === 'string' ? this.flows.get(input.clone_flow_id) : undefined;
    const flow: StoredFlow = {
      id: numericId(16),
      wabaId,
      name,
      categories: cats,
      status: 'DRAFT',
      validationErrors: [],
      sends: [],
      createdAt: now,
      updatedAt: now,
    };
    if (typeof input.endpoint_uri === 'string') flow.endpointUri = input.endpoint_uri;
    this.flows.set(flow.id, flow);
    const json = input.flow_json ?? clone?.flowJson;
    if (json !== undefined) this.setJson(flow, typeof json === 'string' ? json : JSON.stringify(json));
    if (input.publish === true && flow.validationErrors.length === 0 && flow.flowJson) this.publish(flow.id);
    this.deps.markChanged();
    return flow;
  }

  private categories(value: unknown): string[] {
    const list = typeof value === 'string' ? value.split(',').map((c) => c.trim()) : value;
    if (
      !Array.isArray(list) ||
      list.length === 0 ||
      !list.every((c) => typeof c === 'string' && FLOW_CATEGORIES.includes(c))
    )
      throw new GraphError(100, {
        details: `categories must be a non-empty list of ${FLOW_CATEGORIES.join(', ')}.`,
      });
    return list as string[];
  }

  private setJson(flow: StoredFlow, text: string): void {
    flow.flowJson = text;
    flow.validationErrors = validateFlowJson(text);
    try {
      const parsed = JSON.parse(text) as { version?: unknown; data_api_version?: unknown };
      flow.jsonVersion = typeof parsed.version === 'string' ? parsed.version : undefined;
      flow.dataApiVersion = typeof parsed.data_api_version === 'string' ? parsed.data_api_version : undefined;
    } catch {
      flow.jsonVersion = undefined;
    }
    flow.updatedAt = this.deps.now();
  }

  private require(id: string): StoredFlow {
    const flow = this.flows.get(id);
    if (!flow) throw new Error(`unknown flow ${id}`);
    return flow;
  }

  /** `POST /{flow-id}/assets` with flow.json. Published flows cannot change (139001). */
  uploadJson(id: string, text: string): FlowValidationError[] {
    const flow = this.require(id);
    if (flow.status !== 'DRAFT')
      throw flowError(
        139001,
        'Error while updating Flow',
        'A published flow cannot be edited; clone it instead.',
      );
    this.setJson(flow, text);
    this.deps.markChanged();
    return flow.validationErrors;
  }

  /** `POST /{flow-id}`: name, categories, endpoint_uri. */
  updateMetadata(id: string, input: Record<string, unknown>): void {
    const flow = this.require(id);
    if (flow.status !== 'DRAFT' && (input.name !== undefined || input.endpoint_uri !== undefined))
      throw flowError(139001, 'Error while updating Flow', 'A published flow cannot be edited.');
    if (typeof input.name === 'string' && input.name !== '') flow.name = input.name;
    if (input.categories !== undefined) flow.categories = this.categories(input.categories);
    if (typeof input.endpoint_uri === 'string') {
      if (flow.jsonVersion && Number(flow.jsonVersion) < 3)
        throw flowError(
          139001,
          'Error while updating Flow',
          'endpoint_uri needs Flow JSON version 3.0 or later.',
        );
      flow.endpointUri = input.endpoint_uri;
    }
    flow.updatedAt = this.deps.now();
    this.deps.markChanged();
  }

  publish(id: string): void {
    const flow = this.require(id);
    if (flow.status !== 'DRAFT')
      throw flowError(
        139002,
        'Publishing Flow in invalid state',
        `Only DRAFT flows can be published; this flow is ${flow.status}.`,
      );
    if (!flow.flowJson)
      throw flowError(139002, 'Publishing Flow in invalid state', 'Upload Flow JSON before publishing.');
    if (flow.validationErrors.length > 0)
      throw flowError(
        139002,
        'Publishing Flow in invalid state',
        'You need to verify that the flow has valid Flow JSON before publishing.',
      );
    if (flow.dataApiVersion && !flow.endpointUri)
      throw flowError(
        139002,
        'Publishing Flow in invalid state',
        'Flows using data_api_version need an endpoint_uri.',
      );
    this.setStatus(id, 'PUBLISHED');
  }

  deprecate(id: string): void {
    const flow = this.require(id);
    if (flow.status === 'DRAFT' || flow.status === 'DEPRECATED')
      throw flowError(139003, 'Deprecate Flow failed', `A ${flow.status} flow cannot be deprecated.`);
    this.setStatus(id, 'DEPRECATED');
  }

  delete(id: string): void {
    const flow = this.require(id);
    if (flow.status !== 'DRAFT')
      throw flowError(
        139004,
        'Delete Flow failed',
        'Only DRAFT flows can be deleted; deprecate published flows.',
      );
    this.flows.delete(id);
    this.deps.markChanged();
  }

  /** Status change with the `flows` FLOW_STATUS_CHANGE webhook. */
  setStatus(id: string, status: FlowStatus): void {
    const flow = this.require(id);
    const old = flow.status;
    if (old === status) return;
    flow.status = status;
    flow.updatedAt = this.deps.now();
    this.deps.markChanged();
    this.deps.emitChange('flows', {
      event: 'FLOW_STATUS_CHANGE',
      message: `Flow ${flow.name} changed status from ${old} to ${status}`,
      flow_id: flow.id,
      old_status: old,
      new_status: status,
    });
  }

  get(id: string): StoredFlow | undefined {
    return this.flows.get(id);
  }

  list(wabaId: string): StoredFlow[] {
    return [...this.flows.values()]
      .filter((f) => f.wabaId === wabaId)
      .sort((a, b) => b.createdAt - a.createdAt);
  }

  findForSend(
    wabaId: string,
    ref: { flowId?: string; flowName?: string },
  ): { id: string; status: FlowStatus } | null {
    const flow = this.list(wabaId).find((f) => (ref.flowId ? f.id === ref.flowId : f.name === ref.flowName));
    return flow ? { id: flow.id, status: flow.status } : null;
  }

  sendsInLastHour(flowId: string): number {
    const flow = this.flows.get(flowId);
    const since = this.deps.now() - HOUR;
    return flow ? flow.sends.filter((at) => at > since).length : 0;
  }

  onSent(flowId: string): void {
    const flow = this.flows.get(flowId);
    if (!flow) return;
    const since = this.deps.now() - HOUR;
    flow.sends = [...flow.sends.filter((at) => at > since), this.deps.now()];
  }

  toJSON(): StoredFlow[] {
    return [...this.flows.values()];
  }

  load(data: unknown): void {
    this.flows.clear();
    for (const flow of (data as StoredFlow[] | undefined) ?? []) this.flows.set(flow.id, flow);
  }
}
