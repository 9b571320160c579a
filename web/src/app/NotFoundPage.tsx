import { Link } from 'react-router-dom';
import { BrandMark } from '../ui/BrandMark';
import { buttonClass } from '../ui/Button';
import { EmptyState } from '../ui/EmptyState';

/** Unknown address. `embedded` renders inside the workspace layout instead of a full page. */
export function NotFoundPage({ embedded = false }: { embedded?: boolean }) {
  const content = (
    <EmptyState
      icon="info"
      title="This page doesn't exist"
      action={
        <Link className={buttonClass('secondary')} to="/">
          Go to the dashboard
        </Link>
      }
    >
      The link may be mistyped, or the page may have moved.
    </EmptyState>
  );
  if (embedded) return content;
  return (
    <main className="auth">
      <title>Page not found · ChatSyncs</title>
      <BrandMark />
      <div style={{ width: 'min(480px, 100%)' }}>{content}</div>
    </main>
  );
}
