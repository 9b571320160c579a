import { Field, useFieldControl } from '../../ui/Field';
import { Input } from '../../ui/Input';
import { Select } from '../../ui/Select';
import type { FlowField, FlowOption, FlowScreenModel, FlowValue } from './flowScreen';

interface Props {
  screen: FlowScreenModel;
  values: Record<string, FlowValue>;
  errors: Record<string, string>;
  onChange: (name: string, value: FlowValue) => void;
}

const inputTypes: Record<string, string> = {
  email: 'email',
  number: 'number',
  phone: 'tel',
  password: 'password',
  passcode: 'password',
};

function TextArea({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const control = useFieldControl();
  return (
    <textarea
      {...control}
      className="input textarea"
      rows={3}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

function Choices({
  field,
  value,
  error,
  onChange,
}: {
  field: { kind: 'radio' | 'checkboxes'; name: string; label: string; options: FlowOption[] };
  value: FlowValue | undefined;
  error?: string;
  onChange: (value: FlowValue) => void;
}) {
  const many = field.kind === 'checkboxes';
  const chosen = many ? (Array.isArray(value) ? value : []) : value;
  return (
    <fieldset className="flow-choices" aria-invalid={error ? true : undefined}>
      <legend className="field-label">{field.label}</legend>
      {field.options.map((o) => (
        <label key={o.id} className="flow-choice">
          <input
            type={many ? 'checkbox' : 'radio'}
            name={field.name}
            checked={many ? (chosen as string[]).includes(o.id) : chosen === o.id}
            onChange={(e) =>
              onChange(
                many
                  ? e.target.checked
                    ? [...(chosen as string[]), o.id]
                    : (chosen as string[]).filter((id) => id !== o.id)
                  : o.id,
              )
            }
          />
          <span>
            {o.title}
            {o.description ? <small>{o.description}</small> : null}
          </span>
        </label>
      ))}
      {error ? <div className="field-error">{error}</div> : null}
    </fieldset>
  );
}

function FieldFor({
  field,
  value,
  error,
  onChange,
}: {
  field: FlowField;
  value: FlowValue | undefined;
  error?: string;
  onChange: (value: FlowValue) => void;
}) {
  switch (field.kind) {
    case 'heading':
      return <h3 className="flow-heading">{field.text}</h3>;
    case 'subheading':
      return <h4 className="flow-subheading">{field.text}</h4>;
    case 'body':
      return <p className="flow-body">{field.text}</p>;
    case 'caption':
      return <p className="flow-caption">{field.text}</p>;
    case 'text':
    case 'textarea':
      return (
        <Field label={field.label} hint={field.helper} error={error}>
          {field.kind === 'textarea' ? (
            <TextArea value={String(value ?? '')} onChange={onChange} />
          ) : (
            <Input
              type={inputTypes[field.inputType] ?? 'text'}
              value={String(value ?? '')}
              onChange={(e) => onChange(e.target.value)}
            />
          )}
        </Field>
      );
    case 'dropdown':
      return (
        <Field label={field.label} error={error}>
          <Select value={String(value ?? '')} onChange={(e) => onChange(e.target.value)}>
            <option value="">Select…</option>
            {field.options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.title}
              </option>
            ))}
          </Select>
        </Field>
      );
    case 'radio':
    case 'checkboxes':
      return <Choices field={field} value={value} error={error} onChange={onChange} />;
    case 'date':
      return (
        <Field label={field.label} hint={field.helper} error={error}>
          <Input type="date" value={String(value ?? '')} onChange={(e) => onChange(e.target.value)} />
        </Field>
      );
    case 'optin':
      return (
        <div className="flow-optin">
          <label className="flow-choice">
            <input type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />
            <span>{field.label}</span>
          </label>
          {error ? <div className="field-error">{error}</div> : null}
        </div>
      );
  }
}

/** One screen of a WhatsApp Flow, drawn from its Flow JSON as the customer's phone would show it. */
export function FlowForm({ screen, values, errors, onChange }: Props) {
  return (
    <div className="flow-form">
      {screen.fields.map((field, index) => (
        <FieldFor
          key={'name' in field ? field.name : `text-${String(index)}`}
          field={field}
          value={'name' in field ? values[field.name] : undefined}
          error={'name' in field ? errors[field.name] : undefined}
          onChange={(value) => 'name' in field && onChange(field.name, value)}
        />
      ))}
      {screen.skipped.length ? (
        <p className="flow-caption">Not shown in the simulator: {[...new Set(screen.skipped)].join(', ')}.</p>
      ) : null}
    </div>
  );
}
