import { invalidParam, missingParam } from '../../graph/graph-error';
import { validateMediaObject } from './basic-types';
import {
  containsEmoji,
  isHttpUrl,
  isObject,
  type Json,
  optionalObject,
  optionalString,
  requireArray,
  requireObject,
  requireString,
  sub,
} from './fields';

/** Limits from reference §2.8. */
export const INTERACTIVE_LIMITS = {
  body: 1024,
  /** Reference §11.7: 1024 vs 4096 for lists is uncertain; the emulator accepts 4096 for lists. */
  listBody: 4096,
  header: 60,
  footer: 60,
  buttonsMax: 3,
  buttonId: 256,
  buttonTitle: 20,
  listButton: 20,
  sectionsMax: 10,
  rowsMax: 10,
  sectionTitle: 24,
  rowId: 200,
  rowTitle: 24,
  rowDescription: 72,
  ctaDisplayText: 20,
  flowCta: 20,
} as const;

const SUPPORTED = [
  'button',
  'list',
  'cta_url',
  'flow',
  'location_request_message',
  'product',
  'product_list',
  'catalog_message',
  'call_permission_request',
];

export interface InteractiveInfo {
  kind: string;
  mediaIds: string[];
  flow?: { flowId?: string; flowName?: string; mode: 'published' | 'draft' };
}

const P = 'interactive';

function validateHeader(interactive: Json, kind: string, mediaIds: string[]): void {
  const header = optionalObject(interactive, 'header', P);
  if (!header) return;
  if (kind === 'location_request_message' || kind === 'call_permission_request') {
    throw invalidParam(`Param interactive['header'] is not allowed for interactive type ${kind}.`);
  }
  const type = requireString(header, 'type', sub(P, 'header'));
  if (type === 'text') {
    requireString(header, 'text', sub(P, 'header'), { max: INTERACTIVE_LIMITS.header });
    return;
  }
  if (kind === 'list' || kind === 'product_list') {
    throw invalidParam(
      `Header type ${type} is not supported for interactive type ${kind}. Only text headers are allowed.`,
    );
  }
  if (type !== 'image' && type !== 'video' && type !== 'document') {
    throw invalidParam(`Param interactive['header']['type'] must be one of text, image, video, document.`);
  }
  const id = validateMediaObject(
    requireObject(header, type, sub(P, 'header')),
    sub(sub(P, 'header'), type),
    type,
  );
  if (id) mediaIds.push(id);
}

function validateButtons(action: Json): void {
  const buttons = requireArray(action, 'buttons', sub(P, 'action'));
  if (buttons.length < 1 || buttons.length > INTERACTIVE_LIMITS.buttonsMax) {
    throw invalidParam(
      `Invalid buttons count. Min allowed buttons: 1, Max allowed buttons: ${INTERACTIVE_LIMITS.buttonsMax}`,
    );
  }
  const ids = new Set<string>();
  const titles = new Set<string>();
  buttons.forEach((button, index) => {
    const path = sub(sub(sub(P, 'action'), 'buttons'), index);
    if (!isObject(button)) throw invalidParam(`Param ${path} must be a JSON object.`);
    if (button.type !== 'reply') throw invalidParam(`Param ${sub(path, 'type')} must be reply.`);
    const reply = requireObject(button, 'reply', path);
    const id = requireString(reply, 'id', sub(path, 'reply'), { max: INTERACTIVE_LIMITS.buttonId });
    if (id.trim() !== id) throw invalidParam('Button id cannot have leading or trailing spaces.');
    const title = requireString(reply, 'title', sub(path, 'reply'), {
      max: INTERACTIVE_LIMITS.buttonTitle,
      label: 'Button title',
    });
    if (ids.has(id)) throw invalidParam(`Duplicate button id: ${id}. Button ids must be unique.`);
    if (titles.has(title))
      throw invalidParam(`Duplicate button title: ${title}. Button titles must be unique.`);
    ids.add(id);
    titles.add(title);
  });
}

function validateList(action: Json): void {
  const actionPath = sub(P, 'action');
  requireString(action, 'button', actionPath, { max: INTERACTIVE_LIMITS.listButton, label: 'Button text' });
  const sections = requireArray(action, 'sections', actionPath);
  if (sections.length < 1 || sections.length > INTERACTIVE_LIMITS.sectionsMax) {
    throw invalidParam(
      `Invalid sections count. Min allowed sections: 1, Max allowed sections: ${INTERACTIVE_LIMITS.sectionsMax}`,
    );
  }
  const rowIds = new Set<string>();
  let rowCount = 0;
  sections.forEach((section, index) => {
    const path = sub(sub(actionPath, 'sections'), index);
    if (!isObject(section)) throw invalidParam(`Param ${path} must be a JSON object.`);
    if (sections.length > 1) requireString(section, 'title', path, { max: INTERACTIVE_LIMITS.sectionTitle });
    else optionalString(section, 'title', path, { max: INTERACTIVE_LIMITS.sectionTitle });
    const rows = requireArray(section, 'rows', path);
    if (rows.length < 1) throw invalidParam(`Invalid rows count in ${path}. Min allowed rows: 1`);
    rows.forEach((row, rowIndex) => {
      const rowPath = sub(sub(path, 'rows'), rowIndex);
      if (!isObject(row)) throw invalidParam(`Param ${rowPath} must be a JSON object.`);
      const id = requireString(row, 'id', rowPath, { max: INTERACTIVE_LIMITS.rowId });
      requireString(row, 'title', rowPath, { max: INTERACTIVE_LIMITS.rowTitle, label: 'Row title' });
      optionalString(row, 'description', rowPath, {
        max: INTERACTIVE_LIMITS.rowDescription,
        label: 'Row description',
      });
      if (rowIds.has(id))
        throw invalidParam(`Duplicate row id: ${id}. Row ids must be unique across sections.`);
      rowIds.add(id);
      rowCount++;
    });
  });
  if (rowCount > INTERACTIVE_LIMITS.rowsMax) {
    throw invalidParam(`Total row count exceed max allowed count: ${INTERACTIVE_LIMITS.rowsMax}`);
  }
}

function validateCtaUrl(action: Json): void {
  const actionPath = sub(P, 'action');
  if (requireString(action, 'name', actionPath) !== 'cta_url')
    throw invalidParam("Param interactive['action']['name'] must be cta_url.");
  const parameters = requireObject(action, 'parameters', actionPath);
  const path = sub(actionPath, 'parameters');
  requireString(parameters, 'display_text', path, { max: INTERACTIVE_LIMITS.ctaDisplayText });
  const url = requireString(parameters, 'url', path, { max: 2000 });
  if (!isHttpUrl(url)) throw invalidParam(`Param ${sub(path, 'url')} must be a valid http(s) URL.`);
}

function validateFlow(action: Json): NonNullable<InteractiveInfo['flow']> {
  const actionPath = sub(P, 'action');
  if (requireString(action, 'name', actionPath) !== 'flow')
    throw invalidParam("Param interactive['action']['name'] must be flow.");
  const parameters = requireObject(action, 'parameters', actionPath);
  const path = sub(actionPath, 'parameters');
  if (requireString(parameters, 'flow_message_version', path) !== '3') {
    throw invalidParam(`Param ${sub(path, 'flow_message_version')} must be 3.`);
  }
  const flowId = optionalString(parameters, 'flow_id', path);
  const flowName = optionalString(parameters, 'flow_name', path);
  if (!flowId && !flowName) throw missingParam(`${sub(path, 'flow_id')} or ${sub(path, 'flow_name')}`);
  if (flowId && flowName) throw invalidParam('Params flow_id and flow_name are mutually exclusive.');
  optionalString(parameters, 'flow_token', path);
  const cta = requireString(parameters, 'flow_cta', path, { max: INTERACTIVE_LIMITS.flowCta });
  if (containsEmoji(cta)) throw invalidParam(`Param ${sub(path, 'flow_cta')} cannot contain emoji.`);
  const mode = optionalString(parameters, 'mode', path) ?? 'published';
  if (mode !== 'published' && mode !== 'draft')
    throw invalidParam(`Param ${sub(path, 'mode')} must be published or draft.`);
  const flowAction = optionalString(parameters, 'flow_action', path) ?? 'navigate';
  if (flowAction !== 'navigate' && flowAction !== 'data_exchange') {
    throw invalidParam(`Param ${sub(path, 'flow_action')} must be navigate or data_exchange.`);
  }
  const payload = parameters.flow_action_payload;
  if (flowAction === 'navigate') {
    const payloadObject = requireObject(parameters, 'flow_action_payload', path);
    requireString(payloadObject, 'screen', sub(path, 'flow_action_payload'));
    const data = payloadObject.data;
    if (data !== undefined && (!isObject(data) || Object.keys(data).length === 0)) {
      throw invalidParam(
        `Param ${sub(sub(path, 'flow_action_payload'), 'data')} must be a non-empty JSON object.`,
      );
    }
  } else if (payload !== undefined) {
    throw invalidParam(
      `Param ${sub(path, 'flow_action_payload')} must be omitted when flow_action is data_exchange.`,
    );
  }
  return { ...(flowId ? { flowId } : {}), ...(flowName ? { flowName } : {}), mode };
}

/** Validate `interactive` (reference §2.8). */
export function validateInteractive(body: Json): InteractiveInfo {
  const interactive = requireObject(body, 'interactive', '');
  const kind = requireString(interactive, 'type', P);
  if (!SUPPORTED.includes(kind))
    throw invalidParam(`Param interactive['type'] must be one of ${SUPPORTED.join(', ')}.`);
  const info: InteractiveInfo = { kind, mediaIds: [] };
  validateHeader(interactive, kind, info.mediaIds);
  const bodyMax = kind === 'list' ? INTERACTIVE_LIMITS.listBody : INTERACTIVE_LIMITS.body;
  if (kind === 'product' || kind === 'catalog_message') {
    const bodyObject = optionalObject(interactive, 'body', P);
    if (bodyObject) requireString(bodyObject, 'text', sub(P, 'body'), { max: bodyMax });
  } else {
    requireString(requireObject(interactive, 'body', P), 'text', sub(P, 'body'), { max: bodyMax });
  }
  const footer = optionalObject(interactive, 'footer', P);
  if (footer) {
    if (kind === 'location_request_message')
      throw invalidParam("Param interactive['footer'] is not allowed for location_request_message.");
    requireString(footer, 'text', sub(P, 'footer'), { max: INTERACTIVE_LIMITS.footer });
  }
  const action = requireObject(interactive, 'action', P);
  if (kind === 'button') validateButtons(action);
  else if (kind === 'list') validateList(action);
  else if (kind === 'cta_url') validateCtaUrl(action);
  else if (kind === 'flow') info.flow = validateFlow(action);
  else if (
    kind === 'location_request_message' &&
    requireString(action, 'name', sub(P, 'action')) !== 'send_location'
  ) {
    throw invalidParam("Param interactive['action']['name'] must be send_location.");
  }
  return info;
}
