import { GraphError, invalidParam } from '../../graph/graph-error';
import type { TemplateForSend } from '../../state/extensions';
import { isObject, type Json, requireObject, requireString, sub } from './fields';

export interface TemplateRequest {
  name: string;
  language: string;
  components: Json[];
}

/** Structural check of `template` in a send body (reference §2.9). */
export function readTemplateRequest(body: Json): TemplateRequest {
  const template = requireObject(body, 'template', '');
  const name = requireString(template, 'name', 'template', { max: 512 });
  const language = requireString(
    requireObject(template, 'language', 'template'),
    'code',
    sub('template', 'language'),
  );
  const raw = template.components ?? [];
  if (!Array.isArray(raw)) throw invalidParam("Param template['components'] must be an array.");
  raw.forEach((component, index) => {
    const path = sub(sub('template', 'components'), index);
    if (!isObject(component)) throw invalidParam(`Param ${path} must be a JSON object.`);
    requireString(component, 'type', path);
    if (component.parameters !== undefined && !Array.isArray(component.parameters)) {
      throw invalidParam(`Param ${sub(path, 'parameters')} must be an array.`);
    }
  });
  return { name, language, components: raw as Json[] };
}

const SENDABLE = new Set(['APPROVED', 'REINSTATED', 'UNARCHIVED', 'FLAGGED']);
const MEDIA_FORMATS = new Set(['IMAGE', 'VIDEO', 'DOCUMENT', 'GIF', 'LOCATION']);
const BAD_PARAM_TEXT = /[\n\t]| {5,}/;

/** Variables in a template text: positional `{{1}}` or named `{{first_name}}` (distinct). */
export function templateVariables(text: string | undefined): string[] {
  if (!text) return [];
  return [...new Set([...text.matchAll(/\{\{\s*([a-z0-9_]+)\s*\}\}/gi)].map((match) => match[1]!))];
}

function paramsOf(components: Json[], type: string, index?: number): Json[] {
  const component = components.find(
    (c) => String(c.type).toLowerCase() === type && (index === undefined || Number(c.index) === index),
  );
  return (component?.parameters as Json[] | undefined) ?? [];
}

function mismatch(where: string, got: number, expected: number): GraphError {
  return new GraphError(132000, {
    details: `${where}: number of localizable_params (${got}) does not match the expected number of params (${expected})`,
  });
}

/** Status check of a found template: paused → 132015, disabled → 132016, not approved → 132001. */
export function checkTemplateStatus(template: TemplateForSend, request: TemplateRequest): void {
  if (template.status === 'PAUSED') throw new GraphError(132015);
  if (template.status === 'DISABLED') throw new GraphError(132016);
  if (!SENDABLE.has(template.status)) {
    throw new GraphError(132001, {
      details: `template name (${request.name}) does not exist in ${request.language}`,
    });
  }
}

/** Parameter checks: counts (132000), media header type (132012), text rules (132018), length (132005). */
export function checkTemplateParameters(template: TemplateForSend, request: TemplateRequest): void {
  const named = template.parameterFormat === 'NAMED';
  let hydratedBody = '';
  for (const definition of template.components) {
    const type = String(definition.type).toUpperCase();
    if (type === 'HEADER') {
      const params = paramsOf(request.components, 'header');
      const format = String(definition.format ?? 'TEXT').toUpperCase();
      const expected = MEDIA_FORMATS.has(format) ? 1 : templateVariables(definition.text).length;
      if (params.length !== expected) throw mismatch('header', params.length, expected);
      if (MEDIA_FORMATS.has(format)) {
        const param = params[0]!;
        const wanted = format === 'GIF' ? 'gif' : format.toLowerCase();
        if (param.type !== wanted && !(format === 'GIF' && param.type === 'video')) {
          throw new GraphError(132012, { details: `header: parameter type must be ${wanted}` });
        }
      }
      checkTextParams(params, named, templateVariables(definition.text), 'header');
    } else if (type === 'BODY') {
      const params = paramsOf(request.components, 'body');
      const variables = templateVariables(definition.text);
      if (params.length !== variables.length) throw mismatch('body', params.length, variables.length);
      checkTextParams(params, named, variables, 'body');
      hydratedBody = hydrate(definition.text ?? '', params, named);
    } else if (type === 'BUTTONS') {
      (definition.buttons ?? []).forEach((button, index) => {
        const buttonType = String(button.type).toUpperCase();
        const dynamic =
          (buttonType === 'URL' && /\{\{.+?\}\}/.test(button.url ?? '')) ||
          buttonType === 'OTP' ||
          buttonType === 'COPY_CODE';
        if (!dynamic) return;
        const params = paramsOf(request.components, 'button', index);
        if (params.length !== 1) throw mismatch(`button[${index}]`, params.length, 1);
      });
    }
  }
  if (hydratedBody.length > 1024) throw new GraphError(132005);
}

function checkTextParams(params: Json[], named: boolean, variables: string[], where: string): void {
  for (const param of params) {
    if (param.type === 'text') {
      if (typeof param.text !== 'string')
        throw new GraphError(131008, { details: `${where}: text parameter is missing its text` });
      if (BAD_PARAM_TEXT.test(param.text)) throw new GraphError(132018);
    }
    if (named && param.type === 'text') {
      const name = param.parameter_name;
      if (typeof name !== 'string' || !variables.includes(name)) {
        throw new GraphError(132000, {
          details: `${where}: parameter_name (${String(name)}) does not match the template's named parameters`,
        });
      }
    }
  }
}

function paramText(param: Json | undefined): string {
  if (!param) return '';
  if (param.type === 'text') return String(param.text ?? '');
  const object = param[String(param.type)];
  return isObject(object) && typeof object.fallback_value === 'string' ? object.fallback_value : '';
}

function hydrate(text: string, params: Json[], named: boolean): string {
  return text.replace(/\{\{\s*([a-z0-9_]+)\s*\}\}/gi, (_, name: string) => {
    const param = named ? params.find((p) => p.parameter_name === name) : params[Number(name) - 1];
    return paramText(param);
  });
}
