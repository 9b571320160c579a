import { useState } from 'react';
import { Field, useFieldControl } from '../../ui/Field';
import { Input } from '../../ui/Input';

function JsonArea({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const control = useFieldControl();
  return (
    <textarea
      {...control}
      className="input textarea mono"
      rows={8}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

export interface ManualResponse {
  asJson: boolean;
  fields: Record<string, string>;
  json: string;
}

export function manualInitial(data: Record<string, unknown>): ManualResponse {
  const entries = Object.entries(data).map(
    ([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)] as const,
  );
  return {
    asJson: entries.length === 0,
    fields: Object.fromEntries(entries),
    json: JSON.stringify(Object.fromEntries(entries), null, 2),
  };
}

/** The response as JSON, or null (with the reason) when it isn't a JSON object. */
export function manualResponse(state: ManualResponse): Record<string, unknown> | null {
  if (!state.asJson) return state.fields;
  try {
    const parsed = JSON.parse(state.json);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/** When the flow's screens can't be read: the fields of the data sent to the screen, or raw JSON. */
export function FlowManual({
  state,
  onChange,
  jsonError,
}: {
  state: ManualResponse;
  onChange: (state: ManualResponse) => void;
  jsonError: string | null;
}) {
  const [keys] = useState(() => Object.keys(state.fields));
  if (state.asJson)
    return (
      <Field
        label="Response (JSON)"
        error={jsonError}
        hint="Becomes the nfm_reply the business receives, with the flow_token added."
      >
        <JsonArea value={state.json} onChange={(json) => onChange({ ...state, json })} />
      </Field>
    );
  if (keys.length === 0)
    return <p className="muted">No fields known for this form. Use “Edit as JSON” to write the response.</p>;
  return (
    <>
      {keys.map((key) => (
        <Field key={key} label={key}>
          <Input
            value={state.fields[key] ?? ''}
            onChange={(e) => onChange({ ...state, fields: { ...state.fields, [key]: e.target.value } })}
          />
        </Field>
      ))}
    </>
  );
}
