/**
 * "What changed since": choose a scenario and a version of it or a moment; see, for it and every
 * what-if forked from it, the changes made after that point (who, when, why, cells before → after)
 * and the net difference between then and now, line by line and year by year.
 */
import { useState } from "react";
import { useQuery } from "urql";
import { graphql, type ResultOf, type VariablesOf } from "../../graphql.ts";
import { formatAmount, fromApi } from "../../app/amounts.ts";
import { failureText } from "../../app/failures.ts";
import { useI18n } from "../../i18n/I18n.tsx";
import type { MessageKey } from "../../i18n/messages.ts";
import type { LineageNode } from "./lineageQuery.ts";

const ChangesSinceQuery = graphql(`
  query ChangesSince($id: ID!, $version: Int, $since: DateTime, $includeDescendants: Boolean!, $language: Language!) {
    changesSince(scenarioId: $id, version: $version, since: $since, includeDescendants: $includeDescendants, language: $language) {
      __typename
      ... on ChangesSinceReport {
        at
        scenarios {
          key name depth fromVersion version createdSince createdBy
          changes {
            version kind actor at comment restoredVersion revertedVersion
            cells { initiative { key title } year before after }
            lines { initiative { key title } added }
          }
          difference { headline lines { initiative { key } title status totalDifference cells { year difference } } }
        }
      }
      ... on InvalidInputError { message problems { code } }
    }
  }
`);

type Report = Extract<ResultOf<typeof ChangesSinceQuery>["changesSince"], { __typename: "ChangesSinceReport" }>;
type Change = Report["scenarios"][number]["changes"][number];

const PROBLEM_TEXTS: Record<string, MessageKey> = {
  UNKNOWN_VERSION: "changesSinceUnknownVersion",
  IN_THE_FUTURE: "changesSinceInTheFuture",
  REQUIRED: "changesSinceRequired",
};

/** What the person asked for; the language follows the page. */
type Asked = Omit<VariablesOf<typeof ChangesSinceQuery>, "language">;
const NOT_ASKED: Asked = { id: "", version: null, since: null, includeDescendants: false };

export function ChangesSincePanel({ nodes, initialKey }: { nodes: readonly LineageNode[]; initialKey: string | null }) {
  const { t, locale } = useI18n();
  const [scenarioKey, setScenarioKey] = useState(initialKey ?? "");
  const [mode, setMode] = useState<"version" | "date">("version");
  const [version, setVersion] = useState("1");
  const [date, setDate] = useState("");
  const [includeDescendants, setIncludeDescendants] = useState(true);
  const [asked, setAsked] = useState<Asked | null>(null);
  const [{ data, error, fetching }] = useQuery({
    query: ChangesSinceQuery,
    variables: { ...(asked ?? NOT_ASKED), language: locale === "da" ? "DA" : "EN" },
    pause: asked === null,
    requestPolicy: "network-only",
  });
  const selected = nodes.find((node) => node.key === scenarioKey);
  const when = new Intl.DateTimeFormat(locale === "da" ? "da-DK" : "en-GB", { dateStyle: "medium", timeStyle: "short" });
  const amount = (text: string) => formatAmount(fromApi(text), locale, { signed: true, zeroAsDash: true });
  const cellValue = (text: string | null) => (text === null ? "–" : formatAmount(fromApi(text), locale));
  const result = asked ? data?.changesSince : undefined;

  return (
    <aside className="changes-since" aria-labelledby="changes-since-title">
      <h3 id="changes-since-title">{t("changesSinceTitle")}</h3>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setAsked({
            id: scenarioKey,
            version: mode === "version" ? Number(version) : null,
            since: mode === "date" && date !== "" ? new Date(date).toISOString() : null,
            includeDescendants,
          });
        }}
      >
        <label>
          {t("changesSinceScenario")}
          <select value={scenarioKey} onChange={(event) => setScenarioKey(event.target.value)}>
            {nodes.map((node) => (
              <option key={node.key} value={node.key}>{`${"\u00a0\u00a0".repeat(node.depth)}${node.name}`}</option>
            ))}
          </select>
        </label>
        <div className="since-point">
          <fieldset className="choice inline-choice">
            <legend>{t("changesSinceBy")}</legend>
            <label className="inline"><input type="radio" name="since-mode" checked={mode === "version"} onChange={() => setMode("version")} /> {t("changesSinceByVersion")}</label>
            <label className="inline"><input type="radio" name="since-mode" checked={mode === "date"} onChange={() => setMode("date")} /> {t("changesSinceByDate")}</label>
          </fieldset>
          {mode === "version" ? (
            <label>
              {t("changesSinceVersion")}
              <input type="number" min={1} max={selected?.version} step={1} value={version} onChange={(event) => setVersion(event.target.value)} required />
            </label>
          ) : (
            <label>
              {t("changesSinceDate")}
              <input type="datetime-local" value={date} onChange={(event) => setDate(event.target.value)} />
            </label>
          )}
        </div>
        <label className="inline">
          <input type="checkbox" checked={includeDescendants} onChange={(event) => setIncludeDescendants(event.target.checked)} /> {t("changesSinceDescendants")}
        </label>
        <button type="submit" className="primary" disabled={scenarioKey === ""}>{t("changesSinceShow")}</button>
      </form>

      {asked && fetching && !data && <p>{t("loading")}</p>}
      {asked && error && <p role="alert" className="error">{failureText(t, null, error)}</p>}
      {result?.__typename === "InvalidInputError" && (
        <p role="alert" className="error">{PROBLEM_TEXTS[result.problems[0]?.code ?? ""] ? t(PROBLEM_TEXTS[result.problems[0]!.code]!) : result.message}</p>
      )}
      {result?.__typename === "ChangesSinceReport" && (
        <div className="since-results">
          <p className="muted small">{t("changesSinceAt", { when: when.format(new Date(result.at)) })}</p>
          {result.scenarios.map((entry) => (
            <section key={entry.key} className="since-entry" style={{ marginLeft: `${entry.depth * 1.25}rem` }} aria-label={entry.name}>
              <h4>
                {entry.name} <span className="muted small">{t("changesSinceFromTo", { from: entry.fromVersion, to: entry.version })}</span>
              </h4>
              {entry.createdSince && <p className="muted small">{t("changesSinceCreatedSince", { who: entry.createdBy ?? "–" })}</p>}
              <p className="since-headline">{entry.difference.headline}</p>
              {entry.difference.lines.length > 0 && (
                <table className="data-table since-net" aria-label={`${t("changesSinceNet")}: ${entry.name}`}>
                  <thead>
                    <tr>
                      <th scope="col">{t("changesSinceInitiative")}</th>
                      {entry.difference.lines[0]!.cells.map((cell) => <th key={cell.year} scope="col" className="number">{cell.year}</th>)}
                      <th scope="col" className="number">{t("total")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {entry.difference.lines.map((line) => (
                      <tr key={line.initiative.key}>
                        <td>
                          {line.title} <span className="badge">{t(`changesSinceStatus${line.status}`)}</span>
                        </td>
                        {line.cells.map((cell) => <td key={cell.year} className={`number ${signClass(cell.difference)}`}>{amount(cell.difference)}</td>)}
                        <td className={`number ${signClass(line.totalDifference)}`}>{amount(line.totalDifference)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {entry.changes.length === 0 ? (
                <p className="muted small">{t("changesSinceNone")}</p>
              ) : (
                <ul className="since-changes" aria-label={`${t("changesSinceChanges")}: ${entry.name}`}>
                  {entry.changes.map((change) => (
                    <li key={change.version}>
                      <div>
                        <strong>{t("historyVersion", { version: change.version })}</strong> · {t(`kind${change.kind}`, { version: change.restoredVersion ?? change.revertedVersion ?? "" })}{" "}
                        <span className="muted small">· {t("changesSinceChangeBy", { who: change.actor, when: when.format(new Date(change.at)) })}</span>
                      </div>
                      {change.comment && <q>{change.comment}</q>}
                      {(change.lines.length > 0 || change.cells.length > 0) && (
                        <ul className="small">
                          {change.lines.map((line) => (
                            <li key={`line:${line.initiative.key}`}>{t(line.added ? "changesSinceLineAdded" : "changesSinceLineRemoved", { title: line.initiative.title })}</li>
                          ))}
                          {cellsOfKeptLines(change).slice(0, 20).map((cell) => (
                            <li key={`${cell.initiative.key}:${cell.year}`}>{`${cell.initiative.title} ${cell.year}: ${cellValue(cell.before)} → ${cellValue(cell.after)}`}</li>
                          ))}
                          {cellsOfKeptLines(change).length > 20 && <li>…</li>}
                        </ul>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))}
        </div>
      )}
    </aside>
  );
}

/** A line added or removed is told once, by name; its cells (from or to nothing) would only repeat it. */
function cellsOfKeptLines(change: Change): Change["cells"] {
  const moved = new Set(change.lines.map((line) => line.initiative.key));
  return change.cells.filter((cell) => !moved.has(cell.initiative.key));
}

function signClass(difference: string): string {
  return difference.startsWith("-") ? "negative" : difference === "0" ? "" : "positive";
}
