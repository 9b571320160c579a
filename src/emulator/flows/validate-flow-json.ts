import {
  ACTION_NAMES,
  DATA_API_VERSIONS,
  DATA_SOURCE_TEXT,
  DROPDOWN_MAX_ITEMS,
  FLOW_COMPONENTS,
  FLOW_JSON_VERSIONS,
  MAX_COMPONENTS_PER_SCREEN,
  NAVIGATION_LIST_MAX_ITEMS,
} from './flow-component-rules';
import { type JsonLocations, type JsonRange, locateJson } from './locate-json';

/** One entry of `validation_errors`, shaped like Meta's (reference §10.3). */
export interface FlowValidationError extends Partial<JsonRange> {
  error: string;
  error_type: 'FLOW_JSON_ERROR' | 'JSON_SCHEMA_ERROR';
  message: string;
  pointers?: Array<JsonRange & { path: string }>;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const SCREEN_ID = /^[A-Za-z_]+$/;

function versionAtLeast(version: string, min: number): boolean {
  return Number(version) >= min;
}

/**
 * Validate Flow JSON text (reference §10.1–10.2): version, screens and ids, terminal screens with
 * one Footer, components and their limits, navigation targets and the routing model.
 */
export function validateFlowJson(text: string): FlowValidationError[] {
  let parsed: { value: unknown; locations: JsonLocations };
  try {
    parsed = locateJson(text);
  } catch (error) {
    const at = error as { line?: number; column?: number; message: string };
    return [
      {
        error: 'INVALID_JSON',
        error_type: 'JSON_SCHEMA_ERROR',
        message: `Flow JSON is not valid JSON: ${at.message}`,
        ...(at.line
          ? { line_start: at.line, line_end: at.line, column_start: at.column, column_end: at.column }
          : {}),
      },
    ];
  }
  const errors: FlowValidationError[] = [];
  const report = (error: string, message: string, path: string) => {
    const range =
      parsed.locations.get(path) ??
      parsed.locations.get(path.replace(/\.[^.[\]]+$/, '')) ??
      parsed.locations.get('');
    errors.push({
      error,
      error_type: 'FLOW_JSON_ERROR',
      message,
      ...range,
      ...(range ? { pointers: [{ ...range, path }] } : {}),
    });
  };
  const flow = parsed.value;
  if (!isObj(flow)) {
    report('INVALID_PROPERTY_VALUE', 'Flow JSON must be an object.', '');
    return errors;
  }
  const version = flow.version;
  if (version === undefined) report('MISSING_REQUIRED_PROPERTY', "Missing required property 'version'.", '');
  else if (typeof version !== 'string' || !FLOW_JSON_VERSIONS.includes(version))
    report(
      'INVALID_PROPERTY_VALUE',
      `Invalid value found for property 'version': supported versions are ${FLOW_JSON_VERSIONS.join(', ')}.`,
      'version',
    );
  const jsonVersion = typeof version === 'string' ? version : '7.3';
  if (flow.data_api_version !== undefined && !DATA_API_VERSIONS.includes(String(flow.data_api_version)))
    report(
      'INVALID_PROPERTY_VALUE',
      `Invalid value found for property 'data_api_version'.`,
      'data_api_version',
    );
  const screens = flow.screens;
  if (!Array.isArray(screens) || screens.length === 0) {
    report(
      'MISSING_REQUIRED_PROPERTY',
      "Missing required property 'screens' (at least one screen).",
      'screens',
    );
    return errors;
  }
  const ids = screens.map((s) => (isObj(s) && typeof s.id === 'string' ? s.id : ''));
  const terminal = new Set<string>();
  screens.forEach((screen, index) => {
    const path = `screens[${index}]`;
    if (!isObj(screen)) {
      report('INVALID_PROPERTY_VALUE', 'A screen must be an object.', path);
      return;
    }
    const id = ids[index]!;
    if (!id) report('MISSING_REQUIRED_PROPERTY', `Missing required property 'id' at '${path}'.`, path);
    else if (id === 'SUCCESS')
      report('INVALID_PROPERTY_VALUE', "Screen id 'SUCCESS' is reserved.", `${path}.id`);
    else if (!SCREEN_ID.test(id))
      report(
        'INVALID_PROPERTY_VALUE',
        `Screen id '${id}' may contain only letters and underscores.`,
        `${path}.id`,
      );
    else if (ids.indexOf(id) !== index)
      report('DUPLICATE_SCREEN_ID', `Duplicate screen id '${id}'.`, `${path}.id`);
    if (screen.terminal === true) terminal.add(id);
    const layout = screen.layout;
    if (!isObj(layout) || layout.type !== 'SingleColumnLayout' || !Array.isArray(layout.children)) {
      report(
        'INVALID_PROPERTY_VALUE',
        `'${path}.layout' must be a SingleColumnLayout with children.`,
        `${path}.layout`,
      );
      return;
    }
    validateScreenComponents(
      layout.children,
      `${path}.layout.children`,
      screen.terminal === true,
      jsonVersion,
      ids,
      report,
    );
  });
  if (terminal.size === 0)
    report('MISSING_TERMINAL_SCREEN', 'A flow needs at least one terminal screen.', 'screens');
  validateRoutingModel(flow, ids, terminal, report);
  return errors;
}

type Report = (error: string, message: string, path: string) => void;

function validateScreenComponents(
  children: unknown[],
  base: string,
  isTerminal: boolean,
  version: string,
  screenIds: string[],
  report: Report,
) {
  const counts = new Map<string, number>();
  let total = 0;
  const walk = (list: unknown[], path: string, inForm: boolean) => {
    list.forEach((component, i) => {
      const at = `${path}[${i}]`;
      if (!isObj(component) || typeof component.type !== 'string') {
        report('MISSING_REQUIRED_PROPERTY', `Missing required property 'type' at '${at}'.`, at);
        return;
      }
      const rule = FLOW_COMPONENTS[component.type];
      if (!rule) {
        report(
          'INVALID_PROPERTY_VALUE',
          `Invalid value found for property 'type' at '${at}': unknown component ${component.type}.`,
          `${at}.type`,
        );
        return;
      }
      total++;
      counts.set(component.type, (counts.get(component.type) ?? 0) + 1);
      for (const prop of rule.required)
        if (component[prop] === undefined)
          report('MISSING_REQUIRED_PROPERTY', `Missing required property '${prop}' at '${at}'.`, at);
      for (const [prop, max] of Object.entries(rule.text ?? {})) {
        const value = component[prop];
        if (typeof value === 'string' && !value.includes('${') && [...value].length > max)
          report(
            'MAX_LENGTH_EXCEEDED',
            `Property '${prop}' at '${at}' exceeds the maximum length of ${max}.`,
            `${at}.${prop}`,
          );
      }
      if (rule.input && !inForm && !versionAtLeast(version, 4))
        report(
          'INVALID_PROPERTY_VALUE',
          `${component.type} at '${at}' must be inside a Form before Flow JSON 4.0.`,
          at,
        );
      validateDataSource(component, at, report);
      validateAction(component['on-click-action'], `${at}.on-click-action`, isTerminal, screenIds, report);
      if (Array.isArray(component.children))
        walk(component.children, `${at}.children`, inForm || component.type === 'Form');
      if (component.type === 'If') {
        if (Array.isArray(component.then)) walk(component.then, `${at}.then`, inForm);
        if (Array.isArray(component.else)) walk(component.else, `${at}.else`, inForm);
      }
    });
  };
  walk(children, base, false);
  if (total > MAX_COMPONENTS_PER_SCREEN)
    report('TOO_MANY_COMPONENTS', `A screen can have at most ${MAX_COMPONENTS_PER_SCREEN} components.`, base);
  for (const [type, count] of counts) {
    const max = FLOW_COMPONENTS[type]?.perScreen;
    if (max !== undefined && count > max)
      report('TOO_MANY_COMPONENTS', `A screen can have at most ${max} ${type} components.`, base);
  }
  const footers = counts.get('Footer') ?? 0;
  if (isTerminal && footers === 0) report('MISSING_FOOTER', 'A terminal screen must contain a Footer.', base);
  if (footers > 1 && !counts.has('If'))
    report('TOO_MANY_COMPONENTS', 'A screen can have only one Footer.', base);
}

function validateDataSource(component: Obj, at: string, report: Report) {
  for (const key of ['data-source', 'list-items']) {
    const items = component[key];
    if (!Array.isArray(items)) continue;
    const max =
      component.type === 'Dropdown'
        ? DROPDOWN_MAX_ITEMS
        : component.type === 'NavigationList'
          ? NAVIGATION_LIST_MAX_ITEMS
          : Number.POSITIVE_INFINITY;
    if (items.length === 0 || items.length > max)
      report('INVALID_PROPERTY_VALUE', `'${key}' at '${at}' needs 1–${max} items.`, `${at}.${key}`);
    items.forEach((item, i) => {
      if (!isObj(item) || typeof item.id !== 'string') {
        report(
          'MISSING_REQUIRED_PROPERTY',
          `Missing required property 'id' at '${at}.${key}[${i}]'.`,
          `${at}.${key}[${i}]`,
        );
        return;
      }
      if (component.type === 'NavigationList') return;
      for (const [prop, limit] of Object.entries(DATA_SOURCE_TEXT))
        if (typeof item[prop] === 'string' && (item[prop] as string).length > limit)
          report(
            'MAX_LENGTH_EXCEEDED',
            `Property '${prop}' at '${at}.${key}[${i}]' exceeds the maximum length of ${limit}.`,
            `${at}.${key}[${i}].${prop}`,
          );
    });
  }
}

function validateAction(
  action: unknown,
  at: string,
  isTerminal: boolean,
  screenIds: string[],
  report: Report,
) {
  if (action === undefined) return;
  if (!isObj(action) || typeof action.name !== 'string' || !ACTION_NAMES.includes(action.name))
    return report(
      'INVALID_PROPERTY_VALUE',
      `Invalid on-click-action at '${at}': name must be one of ${ACTION_NAMES.join(', ')}.`,
      `${at}.name`,
    );
  if (action.name === 'navigate') {
    const next = isObj(action.next) ? action.next.name : undefined;
    if (typeof next !== 'string' || !screenIds.includes(next))
      report(
        'INVALID_PROPERTY_VALUE',
        `navigate at '${at}' points to unknown screen '${String(next)}'.`,
        `${at}.next`,
      );
  }
  if (action.name === 'complete' && !isTerminal)
    report(
      'INVALID_PROPERTY_VALUE',
      `'complete' at '${at}' is only allowed on a terminal screen.`,
      `${at}.name`,
    );
}

function validateRoutingModel(flow: Obj, ids: string[], terminal: Set<string>, report: Report) {
  const model = flow.routing_model;
  if (model === undefined) {
    if (flow.data_api_version !== undefined)
      report(
        'MISSING_REQUIRED_PROPERTY',
        "Missing required property 'routing_model' (needed with data_api_version).",
        '',
      );
    return;
  }
  if (!isObj(model)) {
    report('INVALID_ROUTING_MODEL', "'routing_model' must be an object.", 'routing_model');
    return;
  }
  for (const [from, targets] of Object.entries(model)) {
    if (!ids.includes(from))
      report(
        'INVALID_ROUTING_MODEL',
        `routing_model refers to unknown screen '${from}'.`,
        `routing_model.${from}`,
      );
    if (!Array.isArray(targets)) {
      report(
        'INVALID_ROUTING_MODEL',
        `routing_model.${from} must be an array of screen ids.`,
        `routing_model.${from}`,
      );
      continue;
    }
    for (const to of targets) {
      if (typeof to !== 'string' || !ids.includes(to))
        report(
          'INVALID_ROUTING_MODEL',
          `routing_model.${from} points to unknown screen '${String(to)}'.`,
          `routing_model.${from}`,
        );
      if (to === from)
        report('INVALID_ROUTING_MODEL', `Screen '${from}' cannot route to itself.`, `routing_model.${from}`);
    }
    if (terminal.has(from) && targets.length > 0)
      report(
        'INVALID_ROUTING_MODEL',
        `Terminal screen '${from}' cannot route to other screens.`,
        `routing_model.${from}`,
      );
  }
}
