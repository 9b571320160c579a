import type { InputHTMLAttributes, Ref } from 'react';
import { useFieldControl } from './Field';

interface InputProps extends InputHTMLAttributes<HTMLInputElement> {
  ref?: Ref<HTMLInputElement>;
}

/** A text input; inside a <Field> it picks up the label, hint and error wiring automatically. */
export function Input({ className, ...rest }: InputProps) {
  const control = useFieldControl();
  return <input className={['input', className].filter(Boolean).join(' ')} {...control} {...rest} />;
}
