/**
 * Which price level to show amounts in: the stored one (the frame's, the default) or any year with
 * an index in the table. Choosing another level makes the view read-only: it is a conversion.
 * `compact`: in a line of text (the grid's unit line), without its visible label.
 */
import { useQuery } from "urql";
import { useI18n } from "../../i18n/I18n.tsx";
import { type FragmentOf, graphql, readFragment } from "../../graphql.ts";
import { indexText, PriceIndicesQuery } from "./priceLevelQueries.ts";
import { useFrameIfAny } from "../frames/FrameContext.tsx";
import "./priceLevels.css";

export function PriceLevelSelect({ value, onChange, compact = false }: { value: number | null; onChange: (year: number | null) => void; compact?: boolean }) {
  const { t } = useI18n();
  const [{ data }] = useQuery({ query: PriceIndicesQuery });
  const rows = data?.priceIndices ?? [];
  // The stored level is the frame's own (another frame may be in 2025-pl); the index table's base year is then one to convert to.
  const framePriceLevel = useFrameIfAny()?.current?.priceLevel ?? null;
  const storedYear = framePriceLevel === null ? (rows.find((row) => row.isBase)?.year ?? null) : Number.parseInt(framePriceLevel, 10);
  const storedOption = { value: "", label: t("priceLevelSelectStored", { label: rows.find((row) => row.year === storedYear)?.label ?? framePriceLevel ?? "" }) };
  const options = rows.map((row) => (row.year === storedYear ? storedOption : { value: String(row.year), label: row.label }));
  if (!rows.some((row) => row.year === storedYear)) options.unshift(storedOption);
  return (
    <label className={compact ? "price-level-select inline compact" : "price-level-select inline"}>
      {!compact && <span aria-hidden="true">{t("priceLevelSelectLabel")}</span>}
      <select aria-label={t("priceLevelSelectLabel")} value={value ?? ""} onChange={(event) => onChange(event.target.value === "" ? null : Number(event.target.value))}>
        {(rows.length > 0 ? options : []).map((option) => (
          <option key={option.value} value={option.value}>{option.label}</option>
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
