import type { CSSProperties } from 'react';

interface SpinnerProps {
  size?: number;
  /** Announced to screen readers; omit when a visible text already says what is loading. */
  label?: string;
}

export function Spinner({ size = 16, label }: SpinnerProps) {
  const style = { '--spinner-size': `${size}px` } as CSSProperties;
  return (
    <span role={label ? 'status' : undefined} className="row" style={{ display: 'inline-flex' }}>
      <span className="spinner" style={style} aria-hidden="true" />
      {label ? <span className="visually-hidden">{label}</span> : null}
    </span>
  );
}
