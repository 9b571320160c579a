import type { ReactNode } from 'react';
import { Button } from './Button';
import { Dialog } from './Dialog';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** While true the buttons are disabled and the confirm button shows a spinner. */
  pending?: boolean;
  /** Shown inside the dialog when the action failed. */
  error?: ReactNode;
  onConfirm: () => void;
  onClose: () => void;
}

/** "Are you sure?" for destructive actions; the safe choice (Cancel) comes first. */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  pending = false,
  error,
  onConfirm,
  onClose,
}: ConfirmDialogProps) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={title}
      dismissable={!pending}
      footer={
        <>
          <Button onClick={onClose} disabled={pending} data-autofocus>
            Cancel
          </Button>
          <Button variant="danger" onClick={onConfirm} loading={pending}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      <div className="stack">
        {error}
        <p>{children}</p>
      </div>
    </Dialog>
  );
}
