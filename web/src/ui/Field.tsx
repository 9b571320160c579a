import { createContext, type ReactNode, useContext, useId } from 'react';
import { Icon } from './Icon';

interface FieldControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

const FieldContext = createContext<FieldControlProps | null>(null);

/** Props an input inside a <Field> spreads to be labelled and described by it. */
export function useFieldControl(): FieldControlProps | null {
  return useContext(FieldContext);
}

interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
  /** Shown under the control, in red, and linked to it with aria-describedby. */
  error?: string | null;
  children: ReactNode;
}

export function Field({ label, hint, error, children }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  const control: FieldControlProps = {
    id,
    'aria-describedby': describedBy,
    'aria-invalid': error ? true : undefined,
  };
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <FieldContext.Provider value={control}>{children}</FieldContext.Provider>
      {error ? (
        <div className="field-error" id={errorId}>
          <Icon name="alert" size={14} style={{ marginTop: 2 }} />
          <span>{error}</span>
        </div>
      ) : null}
      {hint ? (
        <div className="field-hint" id={hintId}>
          {hint}
        </div>
      ) : null}
    </div>
  );
}
