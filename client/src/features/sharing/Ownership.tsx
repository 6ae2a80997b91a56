/** The ownership note beside a scenario's name: "Delt af Finansministeriet · kun læse", or "Delt med 2" on one's own. */
import { useI18n } from "../../i18n/I18n.tsx";
import type { OwnershipNote } from "./ownership.ts";
import "./sharing.css";

export function Ownership({ note }: { note: OwnershipNote }) {
  const { t } = useI18n();
  if (note.kind === "none") return null;
  if (note.kind === "sharedByUs") {
    return (
      <span className="badge shared-by-us" title={t("sharedWithTitle", { organisations: note.organisations.join(", ") })}>
        {t("sharedWithCount", { count: note.organisations.length })}
      </span>
    );
  }
  return (
    <span className="ownership-note">
      {t("ownedBy", { organisation: note.ownerName })} · {t(note.access === "EDIT" ? "ownedByEdit" : "ownedByRead")}
    </span>
  );
}
