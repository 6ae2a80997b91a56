/**
 * The comparison's choice of scenarios: a base and the scenarios held against it, kept in the URL
 * (`#/compare?base=…&others=…`), the others in the list's order whatever order they were ticked in.
 */
import { useMemo } from "react";
import { useQuery } from "urql";
import { failureText } from "../../app/failures.ts";
import { navigate } from "../../app/route.ts";
import { graphql, type ResultOf } from "../../graphql.ts";
import { useI18n } from "../../i18n/I18n.tsx";
import { useFrame } from "../frames/FrameContext.tsx";

const CompareScenarioListQuery = graphql(`
  query CompareScenarioList($frameId: ID) {
    scenarios(first: 200, frameId: $frameId) { nodes { key name kind } }
  }
`);

/** A scenario to choose; `kind` null for a key in the URL that the scenario list does not have. */
type ListedScenario = ResultOf<typeof CompareScenarioListQuery>["scenarios"]["nodes"][number];
type ScenarioOption = Omit<ListedScenario, "kind"> & { kind: ListedScenario["kind"] | null };

/** `named`: the scenarios the comparison shown names, so a key the list lacks still shows its name. */
export function ScenarioPicker({ base, others, named }: { base: string | null; others: string[]; named: ReadonlyArray<{ key: string; name: string }> }) {
  const { t } = useI18n();
  const { frameKey } = useFrame();
  const [{ data: listData, error: listError }] = useQuery({ query: CompareScenarioListQuery, variables: { frameId: frameKey }, pause: frameKey === null });
  const scenarios = listData?.scenarios.nodes ?? [];

  function choose(nextBase: string | null, nextOthers: readonly string[]) {
    const order = scenarios.map((scenario) => scenario.key);
    const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
    const cleaned = [...new Set(nextOthers)].filter((key) => key !== nextBase).sort((a, b) => rank(a) - rank(b));
    navigate({ view: "compare", base: nextBase, others: cleaned });
  }

  // Keys in the URL the list does not show (an archived scenario, a mistyped key) stay choosable.
  const options: ScenarioOption[] = useMemo(() => {
    const known = new Set(scenarios.map((scenario) => scenario.key));
    const names = new Map(named.map((scenario) => [scenario.key, scenario.name]));
    const extra = [base, ...others]
      .filter((key): key is string => key !== null && !known.has(key))
      .map((key) => ({ key, name: names.get(key) ?? key, kind: null }));
    return [...scenarios, ...extra.filter((entry, index) => extra.findIndex((other) => other.key === entry.key) === index)];
  }, [scenarios, named, base, others]);

  return (
    <>
      {listError && <p role="alert" className="compare-error">{t("loadError", { message: failureText(t, null, listError) })}</p>}
      <form className="compare-picker" aria-label={t("comparePickerLabel")} onSubmit={(event) => event.preventDefault()}>
        <label className="compare-base-picker">
          <span className="compare-field-label">{t("compareBaseLabel")}</span>
          <select value={base ?? ""} onChange={(event) => choose(event.target.value || null, others)}>
            <option value="" disabled>{t("compareBasePlaceholder")}</option>
            {(["BASELINE", "WHAT_IF"] as const).map((kind) => {
              const ofKind = options.filter((scenario) => scenario.kind === kind);
              return ofKind.length === 0 ? null : (
                <optgroup key={kind} label={kind === "BASELINE" ? t("compareKindBaselines") : t("compareKindWhatIfs")}>
                  {ofKind.map((scenario) => <option key={scenario.key} value={scenario.key}>{scenario.name}</option>)}
                </optgroup>
              );
            })}
            {options.filter((scenario) => scenario.kind === null).map((scenario) => <option key={scenario.key} value={scenario.key}>{scenario.name}</option>)}
          </select>
        </label>
        <fieldset className="compare-others-picker">
          <legend className="compare-field-label">{t("compareOthersLegend")}</legend>
          {listData && options.filter((scenario) => scenario.key !== base).length === 0 && <p className="compare-muted">{t("compareNoOtherScenarios")}</p>}
          <div className="compare-chips">
            {options
              .filter((scenario) => scenario.key !== base)
              .map((scenario) => (
                <label key={scenario.key} className={others.includes(scenario.key) ? "compare-chip checked" : "compare-chip"}>
                  <input
                    type="checkbox"
                    checked={others.includes(scenario.key)}
                    onChange={(event) => choose(base, event.target.checked ? [...others, scenario.key] : others.filter((key) => key !== scenario.key))}
                  />
                  <span>{scenario.name}</span>
                  {scenario.kind && <span className="compare-kind">{scenario.kind === "BASELINE" ? t("baseline") : t("whatIf")}</span>}
                </label>
              ))}
          </div>
        </fieldset>
      </form>
    </>
  );
}
