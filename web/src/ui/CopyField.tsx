import { useEffect, useId, useRef, useState } from 'react';
import { Button } from './Button';

interface CopyFieldProps {
  label: string;
  value: string;
  /** Shown under the field. */
  hint?: string;
  /** Focus the Copy button when the field appears (for a value just created). */
  autoFocus?: boolean;
}

/** A read-only value with a Copy button; falls back to selecting the text when the clipboard is blocked. */
export function CopyField({ label, value, hint, autoFocus = false }: CopyFieldProps) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<'idle' | 'copied' | 'manual'>('idle');

  useEffect(() => {
    if (state !== 'copied') return;
    const timer = window.setTimeout(() => setState('idle'), 2000);
    return () => window.clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      inputRef.current?.select();
      setState('manual');
    }
  }

  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <div className="copy-field">
        <input
          ref={inputRef}
          id={id}
          className="input"
          value={value}
          readOnly
          onFocus={(event) => event.currentTarget.select()}
          aria-describedby={hint ? `${id}-hint` : undefined}
        />
        <Button
          autoFocus={autoFocus}
          data-autofocus={autoFocus || undefined}
          variant={state === 'copied' ? 'secondary' : 'primary'}
          icon={state === 'copied' ? 'check' : 'copy'}
          onClick={copy}
        >
          {state === 'copied' ? 'Copied' : 'Copy'}
        </Button>
      </div>
      <span className="visually-hidden" role="status">
        {state === 'copied' ? 'Copied to the clipboard' : ''}
      </span>
      {state === 'manual' ? (
        <div className="field-hint">
          Your browser blocked copying. The text is selected: press Ctrl+C (⌘C on a Mac).
        </div>
      ) : hint ? (
        <div className="field-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
    </div>
  );
}
