import { Spinner } from '../ui/Spinner';

export function FullPageLoading() {
  return (
    <div className="full-page-center" role="status" aria-live="polite">
      <div className="row muted">
        <Spinner size={18} />
        <span>Loading ChatSyncs…</span>
      </div>
    </div>
  );
}
