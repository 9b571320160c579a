import type { z } from 'zod';
import { CloudApiError, CloudApiNetworkError } from '../errors/cloud-api-error';

/** Meta's Graph host. The product passes its own base URL (e.g. the emulator) from config. */
export const DEFAULT_GRAPH_BASE_URL = 'https://graph.facebook.com';
/** Graph version used when none is configured (whatsapp-api-js's default in 2026; §1.1). */
export const DEFAULT_GRAPH_API_VERSION = 'v24.0';
export const DEFAULT_TIMEOUT_MS = 30_000;

export interface CloudApiClientConfig {
  /** Scheme and host (and optional path prefix), without the version. Default DEFAULT_GRAPH_BASE_URL. */
  baseUrl?: string;
  /** "v24.0" or "24.0". Default DEFAULT_GRAPH_API_VERSION. */
  apiVersion?: string;
  /** Sent as `Authorization: Bearer …`. Optional only for calls that need none (exchangeCode). */
  accessToken?: string;
  /** Defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Per-request timeout, including reading the body. Default 30 s. */
  timeoutMs?: number;
}

type QueryValue = string | number | boolean | readonly string[] | undefined;
export type Query = Record<string, QueryValue>;

export interface GraphRequest {
  method: 'GET' | 'POST' | 'DELETE';
  /** Path under the version, e.g. ["123", "messages"]; segments are URL-encoded. */
  path: readonly string[];
  query?: Query;
  json?: unknown;
  form?: FormData;
  /** Bearer token for this call: defaults to the configured one; false sends none. */
  token?: string | false;
}

export interface GraphTransport {
  /** Calls the Graph API and validates the 2xx answer with `schema`; throws Cloud API errors. */
  request<S extends z.ZodType>(schema: S, req: GraphRequest): Promise<z.output<S>>;
  /** GET an absolute URL (media download) with the Bearer token; returns the raw response body. */
  download(url: string): Promise<{ data: Buffer; mimeType: string }>;
}

function normaliseVersion(version: string): string {
  const trimmed = version.trim().replace(/^\/+|\/+$/g, '');
  return trimmed.startsWith('v') ? trimmed : `v${trimmed}`;
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A URL safe to put in an error message: no query string (it may hold client_secret). */
function redact(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

export function createGraphTransport(config: CloudApiClientConfig): GraphTransport {
  const base = (config.baseUrl ?? DEFAULT_GRAPH_BASE_URL).replace(/\/+$/, '');
  const version = normaliseVersion(config.apiVersion ?? DEFAULT_GRAPH_API_VERSION);
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const doFetch = config.fetch ?? globalThis.fetch;

  function buildUrl(path: readonly string[], query: Query = {}): URL {
    const url = new URL(`${base}/${version}/${path.map(encodeURIComponent).join('/')}`);
    for (const [key, value] of Object.entries(query)) {
      if (value === undefined) continue;
      url.searchParams.set(key, Array.isArray(value) ? value.join(',') : String(value));
    }
    return url;
  }

  /** Sends the request and reads the whole body, mapping transport failures to CloudApiNetworkError. */
  async function exchange(
    method: string,
    url: URL,
    init: RequestInit,
  ): Promise<{ res: Response; body: Buffer }> {
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const res = await doFetch(url, { ...init, method, signal });
      const body = Buffer.from(await res.arrayBuffer());
      return { res, body };
    } catch (cause) {
      throw new CloudApiNetworkError(signal.aborted ? 'timeout' : 'network', method, redact(url), { cause });
    }
  }

  function authHeaders(token: string | false | undefined): Record<string, string> {
    const value = token === undefined ? config.accessToken : token;
    return value ? { authorization: `Bearer ${value}` } : {};
  }

  return {
    async request(schema, req) {
      const url = buildUrl(req.path, req.query);
      const headers: Record<string, string> = { accept: 'application/json', ...authHeaders(req.token) };
      let body: BodyInit | undefined;
      if (req.form) body = req.form;
      else if (req.json !== undefined) {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(req.json);
      }
      const { res, body: raw } = await exchange(req.method, url, { headers, body });
      const parsedBody = parseBody(raw.toString('utf8'));
      if (!res.ok) throw CloudApiError.fromResponse(res.status, parsedBody);
      const result = schema.safeParse(parsedBody);
      if (!result.success) {
        throw new CloudApiError({
          httpStatus: res.status,
          code: null,
          title: `Unexpected response to ${req.method} ${redact(url)}: ${result.error.issues[0]?.message ?? 'invalid'}`,
          raw: parsedBody,
        });
      }
      return result.data;
    },

    async download(rawUrl) {
      const url = new URL(rawUrl);
      const { res, body } = await exchange('GET', url, { headers: authHeaders(undefined) });
      if (!res.ok) throw CloudApiError.fromResponse(res.status, parseBody(body.toString('utf8')));
      const mimeType = res.headers.get('content-type')?.trim() || 'application/octet-stream';
      return { data: body, mimeType };
    },
  };
}
