import { type ReactNode, useEffect, useId, useRef } from 'react';
import { Icon } from './Icon';

interface DialogProps {
  open: boolean;
  /** Called on Escape, the close button, or a click on the backdrop. */
  onClose: () => void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  /** Prevents closing while something is being saved. */
  dismissable?: boolean;
}

/**
 * A modal built on the native <dialog> element: the browser traps focus, handles Escape and
 * returns focus to the opener when it closes.
 */
export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
  footer,
  dismissable = true,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // showModal() focuses the first focusable element (the close button). Prefer an element
      // marked data-autofocus, else the first field the user can type in.
      const preferred =
        dialog.querySelector<HTMLElement>('[data-autofocus]') ??
        dialog.querySelector<HTMLElement>(
          '.dialog-body :is(input:not([readonly]):not([type=hidden]), select, textarea):not(:disabled)',
        );
      preferred?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  // A click on the backdrop lands on the <dialog> itself (its content is a child): close.
  // Keyboard users close with Escape (the `cancel` event below).
  const closeRef = useRef<(() => void) | null>(onClose);
  closeRef.current = dismissable ? onClose : null;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    function onBackdropClick(event: MouseEvent) {
      if (event.target === dialog) closeRef.current?.();
    }
    dialog.addEventListener('click', onBackdropClick);
    return () => dialog.removeEventListener('click', onBackdropClick);
  }, []);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        event.preventDefault();
        if (dismissable) onClose();
      }}
    >
      {open ? (
        <>
          <div className="dialog-header">
            <div>
              <h2 id={titleId}>{title}</h2>
              {description ? <p id={descriptionId}>{description}</p> : null}
            </div>
            <button
              type="button"
              className="icon-button"
              onClick={onClose}
              disabled={!dismissable}
              aria-label="Close"
            >
              <Icon name="x" />
            </button>
          </div>
          <div className="dialog-body">{children}</div>
          {footer ? <div className="dialog-footer">{footer}</div> : null}
        </>
      ) : null}
    </dialog>
  );
}
