/** A modal dialog on the native <dialog> element: focus moves in and back to what opened it, Escape closes, screen readers announce its title. */
import { useEffect, useId, useRef, type ReactNode } from "react";
import { useI18n } from "../i18n/I18n.tsx";

/** `className`: more classes for the <dialog> (e.g. a wider one). */
export function Dialog({ title, children, onClose, actions, className }: { title: string; children: ReactNode; onClose: () => void; actions?: ReactNode; className?: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { t } = useI18n();
  useEffect(() => {
    const dialog = ref.current;
    // The dialog is removed from the page rather than closed, which would not hand the focus back: do it here.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return (
    <dialog ref={ref} aria-labelledby={titleId} onCancel={(event) => { event.preventDefault(); onClose(); }} className={className ? `dialog ${className}` : "dialog"}>
      <h2 id={titleId}>{title}</h2>
      <div className="dialog-body">{children}</div>
      <div className="dialog-actions">
        {actions}
        <button type="button" onClick={onClose}>{t("close")}</button>
      </div>
    </dialog>
  );
}
