/**
 * The price index table (#/price-levels): every year's index with its source and who entered it,
 * a form to enter or correct one, removal, and the table's change log. The base year is fixed.
 * Only admins change the table (the server refuses anyone else); others see it without the controls.
 */
import { useId, useState } from "react";
import { useMutation, useQuery } from "urql";
import { graphql, type ResultOf } from "../../graphql.ts";
import { failureText } from "../../app/failures.ts";
import { InputProblemsFragment, problemMessage, problemsOf, type ProblemParts, type SpecialisedProblems } from "../../app/problemText.ts";
import { oneOf } from "../../app/oneOf.ts";
import { useI18n } from "../../i18n/I18n.tsx";
import { message, type MessageKey } from "../../i18n/messages.ts";
import { indexText, PriceIndicesQuery } from "./priceLevelQueries.ts";
import "./priceLevels.css";

const PriceIndexChangesQuery = graphql(`
  query PriceIndexChanges {
    priceIndexChanges { year before after source actor at }
  }
`);

/** What a change of the table answers: the index as stored, or the refused fields. */
const PriceIndexSaved = graphql(`
  fragment PriceIndexSaved on PriceIndex @_unmask { year value }
`);
const SetPriceIndex = graphql(
  `
  mutation SetPriceIndex($input: SetPriceIndexInput!) {
    setPriceIndex(input: $input) { __typename ...PriceIndexSaved ...InputProblems }
  }
`,
  [PriceIndexSaved, InputProblemsFragment],
);
const RemovePriceIndex = graphql(
  `
  mutation RemovePriceIndex($input: RemovePriceIndexInput!) {
    removePriceIndex(input: $input) { __typename ...PriceIndexSaved ...InputProblems }
  }
`,
  [PriceIndexSaved, InputProblemsFragment],
);

type Result = ResultOf<typeof SetPriceIndex>["setPriceIndex"] | ResultOf<typeof RemovePriceIndex>["removePriceIndex"];
type Change = ResultOf<typeof PriceIndexChangesQuery>["priceIndexChanges"][number];

const FIELDS = ["year", "value", "source"] as const;
type Field = (typeof FIELDS)[number];

/** The Danish/English text for a refused field, by the API's problem code. */
const withYear = (key: MessageKey) => (problem: ProblemParts) => message(key, { year: problem.value ?? "" });
const PRICE_INDEX_PROBLEMS: SpecialisedProblems = {
  BASE_PRICE_LEVEL: withYear("priceLevelProblemBase"),
  YEAR_OUT_OF_RANGE: "priceLevelProblemYear",
  NO_PRICE_INDEX: withYear("priceLevelProblemMissing"),
  REQUIRED: "priceLevelProblemSource",
  TOO_LONG: "priceLevelProblemSource",
  NOT_A_NUMBER: "priceLevelProblemValue",
  AMBIGUOUS: "priceLevelProblemValue",
  NOT_POSITIVE: "priceLevelProblemValue",
  NEGATIVE: "priceLevelProblemValue",
  TOO_PRECISE: "priceLevelProblemValue",
  TOO_LARGE: "priceLevelProblemValue",
  EMPTY: "priceLevelProblemValue",
};

export function PriceLevelsPage({ canEdit }: { canEdit: boolean }) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const [{ data, error }] = useQuery({ query: PriceIndicesQuery });
  const [{ data: changeData }, refetchChanges] = useQuery({ query: PriceIndexChangesQuery });
  const [, setIndex] = useMutation(SetPriceIndex);
  const [, removeIndex] = useMutation(RemovePriceIndex);
  const [form, setForm] = useState({ year: "", value: "", source: "" });
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const [status, setStatus] = useState<{ text: string; tone: "info" | "error" } | null>(null);
  const rows = data?.priceIndices ?? [];
  const base = rows.find((row) => row.isBase);
  const when = new Intl.DateTimeFormat(locale === "da" ? "da-DK" : "en-GB", { dateStyle: "medium", timeStyle: "short" });

  function answered(result: Result | undefined, failure: Parameters<typeof failureText>[2], done: string): boolean {
    if (result?.__typename === "PriceIndex") {
      setProblems({});
      setStatus({ text: done, tone: "info" });
      refetchChanges({ requestPolicy: "network-only" });
      return true;
    }
    const byField: Partial<Record<Field, string>> = {};
    for (const problem of problemsOf(result)) {
      const field = oneOf(FIELDS, problem.field.replace(/^input\./, ""));
      if (field) {
        const { key, params } = problemMessage(problem, PRICE_INDEX_PROBLEMS);
        byField[field] = t(key, params);
      }
    }
    setProblems(byField);
    setStatus({ text: failureText(t, result, failure, PRICE_INDEX_PROBLEMS), tone: "error" });
    return false;
  }

  async function save(event: React.FormEvent) {
    event.preventDefault();
    const year = Number(form.year);
    const response = await setIndex({ input: { year: Number.isInteger(year) && form.year.trim() !== "" ? year : 0, value: form.value, source: form.source } });
    const result = response.data?.setPriceIndex;
    if (answered(result, response.error, t("priceLevelSaved", { year: form.year, value: indexText(result?.__typename === "PriceIndex" ? result.value : "", locale) }))) setForm({ year: "", value: "", source: "" });
  }

  async function remove(year: number) {
    const response = await removeIndex({ input: { year } });
    answered(response.data?.removePriceIndex, response.error, t("priceLevelRemovedStatus", { year }));
  }

  const changeText = (change: Change) => {
    const params = { who: change.actor, year: change.year, before: indexText(change.before ?? "", locale), after: indexText(change.after ?? "", locale), when: when.format(new Date(change.at)) };
    if (change.after === null) return t("priceLevelChangeRemoved", params);
    return change.before === null ? t("priceLevelChangeSet", params) : t("priceLevelChangeCorrected", params);
  };

  return (
    <section className="price-levels" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("priceLevelsTitle")}</h2>
      <p className="muted">{t("priceLevelsIntro", { base: base?.label ?? "2024-pl", baseYear: base?.year ?? 2024 })}</p>
      <p className="muted small">{t(canEdit ? "priceLevelsAccess" : "priceLevelsReadOnly")}</p>
      {error && <p role="alert" className="error">{t("loadError", { message: failureText(t, null, error) })}</p>}
      <table className="price-index-table">
        <thead>
          <tr>
            <th scope="col">{t("priceLevelColumnYear")}</th>
            <th scope="col">{t("priceLevelColumnLevel")}</th>
            <th scope="col" className="number">{t("priceLevelColumnIndex")}</th>
            <th scope="col">{t("priceLevelColumnSource")}</th>
            <th scope="col">{t("priceLevelColumnUpdated")}</th>
            {canEdit && <th scope="col"><span className="visually-hidden">{t("priceLevelRemove")}</span></th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.year}>
              <th scope="row">{row.year}</th>
              <td className="level">{row.label}{row.isBase && <span className="badge">{t("priceLevelBaseBadge")}</span>}</td>
              <td className="number">{indexText(row.value, locale)}</td>
              <td className="source">{row.source}</td>
              <td className="muted">{row.updatedBy}, {when.format(new Date(row.updatedAt))}</td>
              {canEdit && (
                <td>
                  {!row.isBase && (
                    <button type="button" onClick={() => remove(row.year)} aria-label={t("priceLevelRemoveLabel", { year: row.year })}>{t("priceLevelRemove")}</button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>

      {canEdit && <form className="price-index-form" onSubmit={save} aria-label={t("priceLevelFormTitle")} noValidate>
        <h3>{t("priceLevelFormTitle")}</h3>
        <label>
          <span>{t("priceLevelFormYear")}</span>
          <input inputMode="numeric" size={6} value={form.year} onChange={(event) => setForm({ ...form, year: event.target.value })} aria-invalid={!!problems.year} />
          {problems.year && <small className="error">{problems.year}</small>}
        </label>
        <label>
          <span>{t("priceLevelFormValue", { baseYear: base?.year ?? 2024 })}</span>
          <input inputMode="decimal" size={10} value={form.value} onChange={(event) => setForm({ ...form, value: event.target.value })} aria-invalid={!!problems.value} />
          {problems.value && <small className="error">{problems.value}</small>}
        </label>
        <label className="wide">
          <span>{t("priceLevelFormSource")}</span>
          <input value={form.source} placeholder={t("priceLevelFormSourcePlaceholder")} onChange={(event) => setForm({ ...form, source: event.target.value })} aria-invalid={!!problems.source} />
          {problems.source && <small className="error">{problems.source}</small>}
        </label>
        <button type="submit" className="primary">{t("priceLevelFormSave")}</button>
      </form>}
      <p className={`status ${status?.tone ?? ""}`} role="status" aria-live="polite">{status?.text ?? ""}</p>

      {(changeData?.priceIndexChanges.length ?? 0) > 0 && (
        <section className="price-index-changes">
          <h3>{t("priceLevelChangesTitle")}</h3>
          <ul>
            {changeData!.priceIndexChanges.map((change, index) => <li key={index} title={change.source}>{changeText(change)}</li>)}
          </ul>
        </section>
      )}
    </section>
  );
}
