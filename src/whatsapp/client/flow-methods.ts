import {
  createFlowResponseSchema,
  type FlowCategory,
  flowAssetUploadResponseSchema,
  flowListResponseSchema,
  flowSchema,
} from '../schemas/graph/flows';
import { graphSuccessSchema } from '../schemas/graph/paging';
import type { GraphTransport } from './graph-transport';

export interface CreateFlowParams {
  name: string;
  categories: readonly FlowCategory[];
  clone_flow_id?: string;
  endpoint_uri?: string;
  /** Flow JSON, as a string or an object (serialised for you). */
  flow_json?: string | object;
  publish?: boolean;
}

/** Fields asked for by getFlow when none are given (§10.3). */
export const DEFAULT_FLOW_FIELDS = [
  'id',
  'name',
  'status',
  'categories',
  'validation_errors',
  'json_version',
  'data_api_version',
  'endpoint_uri',
] as const;

const asJsonString = (json: string | object) => (typeof json === 'string' ? json : JSON.stringify(json));

/** WhatsApp Flows API (§10.3). */
export function flowMethods(http: GraphTransport) {
  const flowAction = (flowId: string, action: 'publish' | 'deprecate') =>
    http.request(graphSuccessSchema, { method: 'POST', path: [flowId, action] });

  return {
    createFlow(wabaId: string, params: CreateFlowParams) {
      const { flow_json, ...rest } = params;
      return http.request(createFlowResponseSchema, {
        method: 'POST',
        path: [wabaId, 'flows'],
        json: { ...rest, ...(flow_json === undefined ? {} : { flow_json: asJsonString(flow_json) }) },
      });
    },

    /** Uploads flow.json as the FLOW_JSON asset; the answer lists Meta's validation errors (empty when valid). */
    uploadFlowJson(flowId: string, json: string | object) {
      const form = new FormData();
      form.set('name', 'flow.json');
      form.set('asset_type', 'FLOW_JSON');
      form.set('file', new Blob([asJsonString(json)], { type: 'application/json' }), 'flow.json');
      return http.request(flowAssetUploadResponseSchema, { method: 'POST', path: [flowId, 'assets'], form });
    },

    publishFlow: (flowId: string) => flowAction(flowId, 'publish'),
    deprecateFlow: (flowId: string) => flowAction(flowId, 'deprecate'),

    getFlow(flowId: string, fields: readonly string[] = DEFAULT_FLOW_FIELDS) {
      return http.request(flowSchema, { method: 'GET', path: [flowId], query: { fields } });
    },

    listFlows(wabaId: string, params: { fields?: readonly string[]; limit?: number; after?: string } = {}) {
      return http.request(flowListResponseSchema, {
        method: 'GET',
        path: [wabaId, 'flows'],
        query: { ...params },
      });
    },

    /** Only DRAFT flows can be deleted (139004 otherwise). */
    deleteFlow(flowId: string) {
      return http.request(graphSuccessSchema, { method: 'DELETE', path: [flowId] });
    },
  };
}
