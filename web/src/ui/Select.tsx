import type { SelectHTMLAttributes } from 'react';
import { useFieldControl } from './Field';

interface SelectProps extends SelectHTMLAttributes<HTMLSelectElement> {
  size?: never;
  compact?: boolean;
}

/** A native select (keyboard and screen-reader friendly); inside a <Field> it is labelled by it. */
export function Select({ className, compact = false, ...rest }: SelectProps) {
  const control = useFieldControl();
  return (
    <select
      className={['select', compact ? 'select-sm' : '', className].filter(Boolean).join(' ')}
      {...control}
      {...rest}
    />
  );
}
