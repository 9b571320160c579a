/** The subset of WhatsApp Flow JSON the simulated phone renders: one screen's form. */

export interface FlowOption {
  id: string;
  title: string;
  description?: string;
}

export type FlowField =
  | { kind: 'heading' | 'subheading' | 'body' | 'caption'; text: string }
  | {
      kind: 'text' | 'textarea';
      name: string;
      label: string;
      inputType: string;
      required: boolean;
      helper?: string;
      initial: string;
    }
  | { kind: 'dropdown'; name: string; label: string; required: boolean; options: FlowOption[] }
  | { kind: 'radio' | 'checkboxes'; name: string; label: string; required: boolean; options: FlowOption[] }
  | { kind: 'date'; name: string; label: string; required: boolean; helper?: string }
  | { kind: 'optin'; name: string; label: string; required: boolean };

export interface FlowScreenModel {
  id: string;
  title: string;
  fields: FlowField[];
  footer: { label: string; payload: Record<string, unknown> | null; completes: boolean } | null;
  /** Components the simulator does not draw (their type), shown as a note. */
  skipped: string[];
}

export type FlowValue = string | string[] | boolean;

// biome-ignore lint/suspicious/noExplicitAny: Flow JSON is walked loosely, every value is checked
type Json = Record<string, any>;

/** `${data.x}` from the data the business sent to the screen; other dynamic values stay empty. */
function resolve(value: unknown, data: Json): unknown {
  if (typeof value !== 'string') return value;
  const whole = /^\$\{data\.([\w.]+)\}$/.exec(value);
  if (whole) return data[whole[1]!];
  return value.replace(/\$\{data\.([\w.]+)\}/g, (_, key: string) => String(data[key] ?? ''));
}
const text = (value: unknown, data: Json) => {
  const resolved = resolve(value, data);
  return typeof resolved === 'string' ? resolved : resolved == null ? '' : String(resolved);
};

function options(source: unknown, data: Json): FlowOption[] {
  const list = resolve(source, data);
  return (Array.isArray(list) ? list : [])
    .filter((o): o is Json => Boolean(o) && typeof o === 'object' && o.enabled !== false)
    .map((o) => ({
      id: String(o.id),
      title: text(o.title, data),
      ...(o.description ? { description: text(o.description, data) } : {}),
    }));
}

/** Layout children, with the children of (older) Form components flattened in. */
function children(list: unknown): Json[] {
  const out: Json[] = [];
  for (const c of Array.isArray(list) ? list : []) {
    if (!c || typeof c !== 'object') continue;
    if (c.type === 'Form') out.push(...children(c.children));
    else out.push(c);
  }
  return out;
}

const textKinds: Record<string, 'heading' | 'subheading' | 'body' | 'caption'> = {
  TextHeading: 'heading',
  TextSubheading: 'subheading',
  TextBody: 'body',
  TextCaption: 'caption',
};

/** The screen the flow opens on (`flow_action_payload.screen`, else the first), as form fields. */
export function flowScreen(flowJson: Json, screenId: string | undefined, data: Json): FlowScreenModel | null {
  const screens: Json[] = Array.isArray(flowJson.screens) ? flowJson.screens : [];
  const screen = screens.find((s) => s.id === screenId) ?? screens[0];
  if (!screen) return null;
  const model: FlowScreenModel = {
    id: String(screen.id),
    title: text(screen.title, data) || String(screen.id),
    fields: [],
    footer: null,
    skipped: [],
  };
  for (const c of children(screen.layout?.children)) {
    const name = String(c.name ?? '');
    const label = text(c.label, data);
    const required = resolve(c.required, data) === true;
    const visible = resolve(c.visible, data);
    if (visible === false) continue;
    if (textKinds[c.type]) {
      model.fields.push({ kind: textKinds[c.type]!, text: text(c.text, data) });
    } else if (c.type === 'TextInput' || c.type === 'TextArea') {
      model.fields.push({
        kind: c.type === 'TextArea' ? 'textarea' : 'text',
        name,
        label,
        inputType: String(c['input-type'] ?? 'text'),
        required,
        ...(c['helper-text'] ? { helper: text(c['helper-text'], data) } : {}),
        initial: text(c['init-value'], data),
      });
    } else if (c.type === 'Dropdown') {
      model.fields.push({
        kind: 'dropdown',
        name,
        label,
        required,
        options: options(c['data-source'], data),
      });
    } else if (c.type === 'RadioButtonsGroup' || c.type === 'CheckboxGroup') {
      model.fields.push({
        kind: c.type === 'CheckboxGroup' ? 'checkboxes' : 'radio',
        name,
        label,
        required,
        options: options(c['data-source'], data),
      });
    } else if (c.type === 'DatePicker' || c.type === 'CalendarPicker') {
      model.fields.push({
        kind: 'date',
        name,
        label,
        required,
        ...(c['helper-text'] ? { helper: text(c['helper-text'], data) } : {}),
      });
    } else if (c.type === 'OptIn') {
      model.fields.push({ kind: 'optin', name, label, required });
    } else if (c.type === 'Footer') {
      const action = (c['on-click-action'] ?? {}) as Json;
      model.footer = {
        label: label || 'Continue',
        completes: action.name === 'complete',
        payload: action.payload && typeof action.payload === 'object' ? action.payload : null,
      };
    } else if (c.type) {
      model.skipped.push(String(c.type));
    }
  }
  return model;
}

export function initialValues(screen: FlowScreenModel): Record<string, FlowValue> {
  const values: Record<string, FlowValue> = {};
  for (const f of screen.fields) {
    if (!('name' in f) || !f.name) continue;
    values[f.name] =
      f.kind === 'checkboxes' ? [] : f.kind === 'optin' ? false : 'initial' in f ? f.initial : '';
  }
  return values;
}

/** Errors by field name for required fields left empty, in plain words. */
export function missingRequired(screen: FlowScreenModel, values: Record<string, FlowValue>) {
  const errors: Record<string, string> = {};
  for (const f of screen.fields) {
    if (!('name' in f) || !f.required) continue;
    const v = values[f.name];
    const empty = Array.isArray(v) ? v.length === 0 : v === false || v === '' || v === undefined;
    if (!empty) continue;
    errors[f.name] =
      f.kind === 'optin'
        ? 'Tick this box to continue.'
        : f.kind === 'text' || f.kind === 'textarea'
          ? `Fill in “${f.label}”.`
          : `Choose “${f.label}”.`;
  }
  return errors;
}

/**
 * The flow's response, keyed by component name. WhatsApp sends the Footer's `complete` payload, so
 * when it maps fields (`${form.name}`) those keys are used; the flow_token is added by the sandbox.
 */
export function flowResponse(
  screen: FlowScreenModel,
  values: Record<string, FlowValue>,
  data: Json,
): Record<string, unknown> {
  const payload = screen.footer?.completes ? screen.footer.payload : null;
  if (!payload) return { ...values };
  const response: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(payload)) {
    const form = typeof value === 'string' ? /^\$\{form\.(\w+)\}$/.exec(value) : null;
    response[key] = form ? (values[form[1]!] ?? null) : resolve(value, data);
  }
  return response;
}
