/**
 * Which price level to show amounts in: the stored one (the frame's, the default) or any year with
 * an index in the table. Choosing another level makes the view read-only: it is a conversion.
 * `compact`: in a line of text (the grid's unit line), without its visible label.
 */
import { useQuery } from "urql";
import { useI18n } from "../../i18n/I18n.tsx";
import { type FragmentOf, graphql, readFragment } from "../../graphql.ts";
import { indexText, PriceIndicesQuery } from "./priceLevelQueries.ts";
import "./priceLevels.css";

export function PriceLevelSelect({ value, onChange, compact = false }: { value: number | null; onChange: (year: number | null) => void; compact?: boolean }) {
  const { t } = useI18n();
  const [{ data }] = useQuery({ query: PriceIndicesQuery });
  const rows = data?.priceIndices ?? [];
  return (
    <label className={compact ? "price-level-select inline compact" : "price-level-select inline"}>
      {!compact && <span aria-hidden="true">{t("priceLevelSelectLabel")}</span>}
      <select aria-label={t("priceLevelSelectLabel")} value={value ?? ""} onChange={(event) => onChange(event.target.value === "" ? null : Number(event.target.value))}>
        {rows.map((row) => (
          <option key={row.year} value={row.isBase ? "" : row.year}>
            {row.isBase ? t("priceLevelSelectStored", { label: row.label }) : row.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** What the banner says of a price level; every priced answer (a priced scenario, a comparison) spreads it. */
export const PriceLevelBannerFields = graphql(`
  fragment PriceLevelBannerFields on PriceLevel { year index baseIndex baseLabel source }
`);

/** The label over figures shown in another price level: which, from what, and how they were converted. */
export function PriceLevelBanner(props: { level: FragmentOf<typeof PriceLevelBannerFields> }) {
  const { t, locale } = useI18n();
  const level = readFragment(PriceLevelBannerFields, props.level);
  return (
    <p className="price-level-banner" role="note">
      <strong>{t("priceLevelShownIn", { year: level.year, base: level.baseLabel })}</strong>{" "}
      <span>{t("priceLevelShownInDetail", { index: indexText(level.index, locale), baseIndex: indexText(level.baseIndex, locale), year: level.year, source: level.source })}</span>
    </p>
  );
}
