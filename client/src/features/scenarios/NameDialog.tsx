import { useState } from "react";
import { Dialog } from "../../app/Dialog.tsx";
import { useI18n } from "../../i18n/I18n.tsx";

/** What the dialog names: a fork of a scenario (a new name, proposed from the source's) or a rename of one. */
export interface NameEditing {
  kind: "fork" | "rename";
  scenario: { name: string; description: string | null };
}

/** Asks for a scenario's name and description, for a fork or a rename; the list and the grid both use it. */
/** `failure`: why the last submit was refused, shown in the dialog. */
export function NameDialog({ editing, onClose, onSubmit, failure }: { editing: NameEditing; onClose: () => void; onSubmit: (name: string, description: string) => void; failure?: string | null }) {
  const { t } = useI18n();
  const [name, setName] = useState(editing.kind === "fork" ? t("forkDefaultName", { name: editing.scenario.name }) : editing.scenario.name);
  const [description, setDescription] = useState(editing.kind === "fork" ? "" : (editing.scenario.description ?? ""));
  const title = editing.kind === "fork" ? t("forkTitle", { name: editing.scenario.name }) : t("renameTitle", { name: editing.scenario.name });
  return (
    <Dialog
      title={title}
      onClose={onClose}
      actions={
        <button type="submit" form="name-form" className="primary">
          {editing.kind === "fork" ? t("fork") : t("save")}
        </button>
      }
    >
      <form id="name-form" onSubmit={(event) => { event.preventDefault(); onSubmit(name, description); }}>
        <label>
          {t("forkName")}
          <input value={name} onChange={(event) => setName(event.target.value)} required maxLength={200} autoFocus />
        </label>
        <label>
          {t("forkDescription")}
          <textarea value={description} onChange={(event) => setDescription(event.target.value)} maxLength={4000} rows={3} />
        </label>
      </form>
      {failure && <p className="status error" role="alert">{failure}</p>}
    </Dialog>
  );
}
