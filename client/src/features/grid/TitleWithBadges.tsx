/** The title cell of a line: its title, with badges for a new proposal and a reserve. */
import { useI18n } from "../../i18n/I18n.tsx";
import type { BodyRow, SummaryRow } from "./gridRows.ts";

export function TitleWithBadges({ data, value }: { data?: BodyRow | SummaryRow; value: string }) {
  const { t } = useI18n();
  if (data?.kind !== "line") return <>{value}</>;
  return (
    <span className="line-title">
      {value}
      {data.isProposal && <span className="badge">{t("newProposal")}</span>}
      {data.isReserve && <span className="badge">{t("reserve")}</span>}
    </span>
  );
}
