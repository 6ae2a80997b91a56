/**
 * The merge's conflicts, one row per cell changed differently on both sides: the value when the
 * what-if was created, and a choice of mine, theirs or a typed value — checked as the grid checks a
 * typed amount, with the reason shown at the field.
 */
import { useId } from "react";
import { formatAmount, fromApi } from "../../app/amounts.ts";
import { useI18n } from "../../i18n/I18n.tsx";
import { REASONS } from "../grid/gridStatus.ts";
import { cellKeyOf, resolutionOf, type Choice } from "./resolutions.ts";

export interface ConflictRow {
  initiative: { key: string; title: string };
  year: number;
  base: string | null;
  source: string | null;
  target: string | null;
}

export function ConflictTable(props: {
  conflicts: readonly ConflictRow[];
  sourceName: string;
  targetName: string;
  choices: ReadonlyMap<string, Choice>;
  maxDecimals: number;
  onChoose: (key: string, choice: Choice) => void;
}) {
  const { t, locale } = useI18n();
  const name = useId();
  const amount = (text: string | null) => (text === null ? t("mergeAbsent") : formatAmount(fromApi(text), locale));
  return (
    <table className="data-table merge-conflicts">
      <caption>
        {t("mergeConflictsCaption")}
        <span className="merge-conflicts-intro">{t("mergeConflictsIntro", { source: props.sourceName, target: props.targetName })}</span>
      </caption>
      <thead>
        <tr>
          <th scope="col">{t("mergeColumnLine")}</th>
          <th scope="col">{t("year")}</th>
          <th scope="col" className="amount">{t("mergeColumnBase")}</th>
          <th scope="col">{t("mergeColumnChoice", { target: props.targetName })}</th>
        </tr>
      </thead>
      <tbody>
        {props.conflicts.map((conflict) => {
          const key = cellKeyOf(conflict.initiative.key, conflict.year);
          const choice = props.choices.get(key);
          const typed = choice?.take === "VALUE" ? choice.text : "";
          const checked = choice?.take === "VALUE" ? resolutionOf(conflict.initiative.key, conflict.year, choice, props.maxDecimals) : null;
          const error = checked && !checked.ok && typed.trim() !== "" ? t(REASONS[checked.error.code], { decimals: props.maxDecimals }) : null;
          const group = `${name}-${key}`;
          return (
            <tr key={key} data-cell={key}>
              <th scope="row">{conflict.initiative.title}</th>
              <td>{conflict.year}</td>
              <td className="amount">{amount(conflict.base)}</td>
              <td>
                <fieldset className="merge-choice">
                  <legend className="visually-hidden">{`${conflict.initiative.title} ${conflict.year}`}</legend>
                  <label className="inline">
                    <input type="radio" name={group} checked={choice?.take === "SOURCE"} onChange={() => props.onChoose(key, { take: "SOURCE" })} />
                    {t("mergeMine", { amount: amount(conflict.source) })}
                  </label>
                  <label className="inline">
                    <input type="radio" name={group} checked={choice?.take === "TARGET"} onChange={() => props.onChoose(key, { take: "TARGET" })} />
                    {t("mergeTheirs", { amount: amount(conflict.target) })}
                  </label>
                  <span className="merge-typed-option">
                    <label className="inline">
                      <input type="radio" name={group} checked={choice?.take === "VALUE"} onChange={() => props.onChoose(key, { take: "VALUE", text: typed })} />
                      {t("mergeTyped")}
                    </label>
                    <input
                      type="text"
                      inputMode="decimal"
                      className="merge-typed"
                      aria-label={t("mergeTypedLabel", { title: conflict.initiative.title, year: conflict.year })}
                      aria-invalid={error !== null}
                      value={typed}
                      onChange={(event) => props.onChoose(key, { take: "VALUE", text: event.target.value })}
                    />
                  </span>
                  {error && <span className="error merge-typed-error" role="alert">{error}</span>}
                </fieldset>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
