/**
 * The cells of the difference view: an amount with its difference to the reference beside it
 * (`3,5  +1,0`, coloured by sign, the amount still readable), and the title of a line added or
 * removed against the reference with its badge, as in the comparison view.
 */
import type { ICellRendererParams } from "ag-grid-community";
import { formatAmount } from "../../app/amounts.ts";
import { useI18n } from "../../i18n/I18n.tsx";
import type { BodyRow, SummaryRow } from "./gridRows.ts";
import { differenceAt, isRemovedRow, type AmountCellParams, type TitleCellParams } from "./gridOverlays.ts";

type Row = BodyRow | SummaryRow;

export function DiffAmountCell(props: ICellRendererParams<Row> & AmountCellParams) {
  const { t, locale } = useI18n();
  const { year, overlay, data, valueFormatted, value } = props;
  const diff = overlay.diff();
  // A removed line's empty years read as a line's do: a dash.
  const shown = isRemovedRow(data) && value === 0n ? "-" : valueFormatted ?? (value === null || value === undefined ? "" : String(value));
  const found = diff ? differenceAt(diff, data, year) : null;
  if (!diff || !found || found.difference === 0n) return <span className="diff-cell"><span className="diff-amount">{shown}</span></span>;
  const difference = formatAmount(found.difference, locale, { signed: true });
  return (
    <span className="diff-cell" title={t("diffCellTitle", { amount: shown || "–", difference, name: diff.referenceName })}>
      <span className="diff-amount">{shown}</span>
      <span className={`diff-delta ${found.difference > 0n ? "diff-pos" : "diff-neg"}${overlay.pending() ? " diff-stale" : ""}`}>{difference}</span>
    </span>
  );
}

export function DiffTitleCell(props: ICellRendererParams<Row> & TitleCellParams) {
  const { t } = useI18n();
  const { data, value, overlay } = props;
  const diff = overlay.diff();
  const removed = isRemovedRow(data);
  const name = diff?.referenceName ?? "";
  const line = data?.kind === "line" ? data : null;
  return (
    <span className="line-title">
      <span className="diff-title-text" title={String(value ?? "")}>{String(value ?? "")}</span>
      {removed ? (
        <span className="badge diff-badge removed" title={t("diffRemovedTitle", { name })}>{t("diffRemoved")}</span>
      ) : (
        <span className="badge diff-badge added" title={t("diffAddedTitle", { name })}>{t("diffAdded")}</span>
      )}
      {line?.isProposal && <span className="badge">{t("newProposal")}</span>}
      {line?.isReserve && <span className="badge">{t("reserve")}</span>}
    </span>
  );
}
