/**
 * After a form fails validation, moves keyboard focus to its first invalid control, so keyboard
 * and screen-reader users land on the error (runs after React has rendered the error state).
 */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => {
    form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  });
}
