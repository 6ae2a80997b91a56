/** A modal dialog on the native <dialog> element: focus moves in and back, Escape closes, screen readers announce its title. */
import { useEffect, useId, useRef, type ReactNode } from "react";
import { useI18n } from "../i18n/I18n.tsx";

export function Dialog({ title, children, onClose, actions }: { title: string; children: ReactNode; onClose: () => void; actions?: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { t } = useI18n();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog ref={ref} aria-labelledby={titleId} onCancel={(event) => { event.preventDefault(); onClose(); }} className="dialog">
      <h2 id={titleId}>{title}</h2>
      <div className="dialog-body">{children}</div>
      <div className="dialog-actions">
        {actions}
        <button type="button" onClick={onClose}>{t("close")}</button>
      </div>
    </dialog>
  );
}
