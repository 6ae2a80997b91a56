/** Someone else saved first: their changes and yours side by side, and the choice is the user's — never a silent overwrite. */
import { Dialog } from "../../app/Dialog.tsx";
import { formatAmount, fromApi } from "../../app/amounts.ts";
import { ShortTitle } from "../../app/ShortTitle.tsx";
import { useI18n } from "../../i18n/I18n.tsx";
import type { PastedCell } from "./pasteBlock.ts";

export interface Conflict {
  current: number;
  theirs: Array<{ initiative: { key: string; title: string }; year: number; before: string | null; after: string | null }>;
  changes: Array<{ version: number; actor: string; at: string; kind: string }>;
  mine: PastedCell[];
}

/** `lineTitle`: an initiative's title by its key, for the user's own cells (people read titles, not keys). */
export function ConflictDialog({ conflict, lineTitle, onKeepTheirs, onApplyMine }: { conflict: Conflict; lineTitle: (initiativeKey: string) => string; onKeepTheirs: () => void; onApplyMine: () => void }) {
  const { t, locale } = useI18n();
  const amount = (text: string | null) => (text === null ? "–" : formatAmount(fromApi(text), locale));
  const when = new Intl.DateTimeFormat(locale === "da" ? "da-DK" : "en-GB", { timeStyle: "short" });
  return (
    <Dialog
      title={t("conflictTitle")}
      onClose={onKeepTheirs}
      actions={
        <>
          <button type="button" onClick={onKeepTheirs}>{t("conflictKeepTheirs")}</button>
          <button type="button" className="primary" onClick={onApplyMine}>{t("conflictApplyMine")}</button>
        </>
      }
    >
      <p>{t("conflictIntro", { current: conflict.current })}</p>
      <h3>{t("conflictTheirs")}</h3>
      <p className="muted small">{conflict.changes.map((change) => t("conflictBy", { who: change.actor, when: when.format(new Date(change.at)) })).join(" · ")}</p>
      <ul>
        {conflict.theirs.map((cell) => (
          <li key={`${cell.initiative.key}:${cell.year}`}>
            <ShortTitle title={cell.initiative.title} /> {cell.year}: {amount(cell.before)} → <strong>{amount(cell.after)}</strong>
          </li>
        ))}
      </ul>
      <h3>{t("conflictYours")}</h3>
      <ul>
        {conflict.mine.map((cell) => (
          <li key={`${cell.initiativeKey}:${cell.year}`}>
            <ShortTitle title={lineTitle(cell.initiativeKey)} /> {cell.year}: <strong>{formatAmount(cell.amount, locale)}</strong>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
