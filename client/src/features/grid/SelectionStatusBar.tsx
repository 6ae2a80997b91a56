/** Under the grid, as Excel's status bar: the sum, count and average of the selected amount cells, exact, in the UI's number format. */
import { useMemo, useSyncExternalStore } from "react";
import type { Oere } from "@ramme/domain";
import { formatAmount } from "../../app/amounts.ts";
import { useI18n } from "../../i18n/I18n.tsx";
import { blockBounds, type Block } from "./selection.ts";
import { summarizeSelection } from "./selectionStatus.ts";
import type { SelectionSignal } from "./selectionSignal.ts";

export function SelectionStatusBar({ block, lineKeys, years, amountOf, decimals, selection }: {
  /** The block as it is now (read when the signal fires). */
  block: () => Block | null;
  lineKeys: readonly string[];
  years: readonly number[];
  amountOf: (initiativeKey: string, year: number) => Oere;
  /** The frame's decimals: the average is rounded to two more. */
  decimals: number;
  /** Fires whenever the block changes (the block itself is held in a ref). */
  selection: SelectionSignal;
}) {
  const { t, locale } = useI18n();
  const revision = useSyncExternalStore(selection.subscribe, selection.revision);
  const summary = useMemo(() => {
    const current = block();
    const bounds = current ? blockBounds(current, lineKeys, years) : null;
    return bounds ? summarizeSelection(bounds, lineKeys, years, amountOf, decimals + 2) : null;
    // `revision` stands for the block, which is replaced in its ref.
  }, [block, lineKeys, years, amountOf, decimals, revision]); // eslint-disable-line react-hooks/exhaustive-deps
  const count = new Intl.NumberFormat(locale === "da" ? "da-DK" : "en-GB").format(summary?.count ?? 0);
  return (
    <div className="selection-status" tabIndex={-1} data-after-grid role="group" aria-label={t("selectionStatusLabel")} data-testid="selection-status">
      {summary && summary.count > 0 ? (
        <>
          <span>{t("selectionSum", { sum: formatAmount(summary.sum, locale) })}</span>
          <span>{t("selectionCount", { count })}</span>
          <span>{t(summary.averageRounded ? "selectionAverageRounded" : "selectionAverage", { average: formatAmount(summary.average, locale) })}</span>
        </>
      ) : (
        " "
      )}
    </div>
  );
}
