import { Spinner } from './Spinner';

/** A centred spinner with a visible caption, for a page or section whose data is loading. */
export function LoadingBlock({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="loading-block" role="status" aria-live="polite">
      <Spinner size={18} />
      <span>{label}</span>
    </div>
  );
}
