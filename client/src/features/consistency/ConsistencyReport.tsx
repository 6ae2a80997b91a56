/**
 * A baseline's consistency report (`#/consistency/<key>`): what its document states about its own
 * money against its table, grouped (printed totals, the text's amounts, split lines, money beside the
 * frame, noted discrepancies), the differences first and coloured, the matching checks folded away,
 * each with its paragraph and the document's words. Printable: it is meant to be handed on.
 */
import { useEffect, useId, useState, type ReactNode } from "react";
import { useQuery } from "urql";
import { graphql, type ResultOf } from "../../graphql.ts";
import { InputProblemsFragment } from "../../app/problemText.ts";
import { formatAmount, fromApi } from "../../app/amounts.ts";
import { failureText } from "../../app/failures.ts";
import { documentName } from "../../app/documentName.ts";
import { hrefOf } from "../../app/route.ts";
import { useI18n } from "../../i18n/I18n.tsx";
import type { MessageKey } from "../../i18n/messages.ts";
import "./consistency.css";

export const ConsistencyReportQuery = graphql(`
  query ConsistencyReport($id: ID!, $language: Language!) {
    consistencyReport(scenarioId: $id) {
      __typename
      ...InputProblems
      ... on ConsistencyReport {
        scenario { key name frame { hasDocuments } }
        printedTable { printedLabel title document { title published } }
        counts { matches explained partlyExplained unexplained notComparable }
        differences
        checks {
          kind status reason fromYear toYear stated computed difference
          initiatives { key title }
          source { section paragraph quote sourceDocument { title published } }
          footnotes { marker text }
          note
          explanation(language: $language)
        }
        discrepancies { position location textQuote tableQuote explanation source { paragraph section sourceDocument { title published } } }
      }
    }
  }
`, [InputProblemsFragment]);

type Answer = ResultOf<typeof ConsistencyReportQuery>["consistencyReport"];
type Report = Extract<Answer, { __typename: "ConsistencyReport" }>;
type Check = Report["checks"][number];
type Discrepancy = Report["discrepancies"][number];
type Source = Pick<Check["source"], "section" | "paragraph" | "sourceDocument">;

/** The report's groups and the kinds each holds, in the order they are shown. */
const GROUPS: Array<{ title: MessageKey; kinds: Array<Check["kind"]> }> = [
  { title: "consistencyGroupTotals", kinds: ["STATED_TOTAL"] },
  { title: "consistencyGroupText", kinds: ["TEXT_FRAME", "TEXT_PER_YEAR", "TEXT_PERIOD_TOTAL", "TEXT_UNSTATED_YEAR"] },
  { title: "consistencyGroupSplit", kinds: ["TEXT_SPLIT", "TEXT_OF_WHICH"] },
  { title: "consistencyGroupOutside", kinds: ["OUTSIDE_FRAME"] },
];

const isDifference = (check: Check) => check.status !== "MATCHES" && check.status !== "NOT_COMPARABLE";

export function ConsistencyReport({ scenarioKey }: { scenarioKey: string }) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const [{ data, error, fetching }] = useQuery({
    query: ConsistencyReportQuery,
    variables: { id: scenarioKey, language: locale === "da" ? "DA" : "EN" },
  });
  const answer = data?.consistencyReport;
  const report = answer?.__typename === "ConsistencyReport" ? answer : null;

  return (
    <section className="consistency-view" aria-labelledby={headingId}>
      <div className="toolbar consistency-toolbar">
        <a href={hrefOf(report ? { view: "scenario", key: report.scenario.key } : { view: "list" })}>← {report ? t("consistencyBack", { name: report.scenario.name }) : t("navScenarios")}</a>
        <h2 id={headingId}>
          {t("consistencyTitle")}
          {report && `: ${report.scenario.name}`}
        </h2>
        <span className="spacer" />
        {report && <button type="button" onClick={() => window.print()}>{t("consistencyPrint")}</button>}
      </div>
      {error && <p role="alert" className="error">{t("consistencyFailed", { message: failureText(t, null, error) })}</p>}
      {answer?.__typename === "InvalidInputError" && (
        <p role="alert" className="error">
          {answer.inputProblems.some((problem) => problem.code === "NOT_A_BASELINE") ? t("consistencyNotBaseline", { key: scenarioKey }) : t("consistencyUnknown", { key: scenarioKey })}
        </p>
      )}
      {!data && fetching && <p role="status">{t("loading")}</p>}
      {report && <ReportBody report={report} />}
    </section>
  );
}

function ReportBody({ report }: { report: Report }) {
  const { t, locale } = useI18n();
  // Printing hands on the whole proof: every folded list opens for the printout and closes after.
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    const before = () => setPrinting(true);
    const after = () => setPrinting(false);
    window.addEventListener("beforeprint", before);
    window.addEventListener("afterprint", after);
    return () => {
      window.removeEventListener("beforeprint", before);
      window.removeEventListener("afterprint", after);
    };
  }, []);
  const { document } = report.printedTable;
  const quoted = locale === "da" ? `»${report.printedTable.title}«` : `“${report.printedTable.title}”`;
  const table = [report.printedTable.printedLabel, quoted].filter(Boolean).join(" ");
  // Red while anything is unexplained; blue when every difference is accounted for by the document.
  const tone = report.counts.unexplained + report.counts.partlyExplained > 0 ? "unexplained" : report.differences > 0 ? "explained" : "matches";
  return (
    <>
      <p className="consistency-intro">{t("consistencyIntro", { document: documentName(document, locale), table })}</p>
      {!report.scenario.frame.hasDocuments && <p className="muted">{t("frameNoDocumentText")}</p>}
      <p className={`consistency-summary ${tone}`} role="status">
        {report.differences === 0 && report.discrepancies.length === 0
          ? t("consistencyNoDifferences")
          : t("consistencyCounts", {
              differences: report.differences,
              matches: report.counts.matches,
              notComparable: report.counts.notComparable,
              notes: report.discrepancies.length,
            })}
      </p>
      {GROUPS.map((group) => {
        const checks = report.checks.filter((check) => group.kinds.includes(check.kind));
        return checks.length === 0 ? null : <CheckGroup key={group.title} title={t(group.title)} checks={checks} printing={printing} />;
      })}
      {report.discrepancies.length > 0 && <NotesGroup notes={report.discrepancies} />}
    </>
  );
}

function CheckGroup({ title, checks, printing }: { title: string; checks: Check[]; printing: boolean }) {
  const { t } = useI18n();
  const headingId = useId();
  const differences = checks.filter(isDifference);
  const notCompared = checks.filter((check) => check.status === "NOT_COMPARABLE");
  const matching = checks.filter((check) => check.status === "MATCHES");
  return (
    <section className="consistency-group" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {title} <span className="consistency-group-count">({t("consistencyGroupCount", { differences: differences.length, count: checks.length })})</span>
      </h3>
      {differences.length === 0 && <p className="muted consistency-empty">{t("consistencyGroupEmpty")}</p>}
      {differences.map((check, index) => (
        <DifferenceCard key={index} check={check} />
      ))}
      {notCompared.length > 0 && (
        <Folded summary={t("consistencyNotComparableList", { count: notCompared.length })} printing={printing} className="not-comparable">
          <CheckTable checks={notCompared} withExplanation />
        </Folded>
      )}
      {matching.length > 0 && (
        <Folded summary={t("consistencyMatching", { count: matching.length })} printing={printing} className="matching">
          <CheckTable checks={matching} />
        </Folded>
      )}
    </section>
  );
}

/** A <details> that is open while printing; otherwise the reader opens and closes it. */
function Folded({ summary, printing, className, children }: { summary: string; printing: boolean; className: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <details className={`consistency-folded ${className}`} open={open || printing} onToggle={(event) => !printing && setOpen(event.currentTarget.open)}>
      <summary>{summary}</summary>
      {children}
    </details>
  );
}

function useFigures() {
  const { t, locale } = useI18n();
  const amount = (text: string | null, signed = false) => (text === null ? "–" : formatAmount(fromApi(text), locale, { signed }));
  const years = (check: Check) => (check.fromYear === null ? "–" : check.fromYear === check.toYear ? `${check.fromYear}` : `${check.fromYear}–${check.toYear}`);
  /** Where in which document (named by title and date, never by file name). */
  const where = (source: Source) =>
    [source.sourceDocument ? documentName(source.sourceDocument, locale) : null, source.paragraph === null ? null : t("consistencyParagraph", { number: source.paragraph }), source.section].filter(Boolean).join(" · ");
  /** The document and section, for a tooltip. */
  const fullWhere = (source: Source) => [source.sourceDocument ? documentName(source.sourceDocument, locale) : null, source.section].filter(Boolean).join(" · ");
  const lines = (check: Check) => (check.initiatives.length === 0 ? (check.kind === "OUTSIDE_FRAME" ? "–" : t("consistencyWholeTable")) : check.initiatives.map((line) => line.title).join(" + "));
  /** For a table row: the paragraph alone, the section in its tooltip. */
  const shortWhere = (source: { section: string; paragraph: number | null }) =>
    source.paragraph === null ? source.section : t("consistencyParagraph", { number: source.paragraph });
  return { t, amount, years, where, fullWhere, shortWhere, lines };
}

function DifferenceCard({ check }: { check: Check }) {
  const { t, amount, years, where, lines } = useFigures();
  return (
    <article className={`consistency-card status-${check.status}`}>
      <header>
        <span className={`consistency-status status-${check.status}`}>{t(`status${check.status}`)}</span>
        <span className="consistency-kind">{t(`checkKind${check.kind}`)}</span>
        <span className="consistency-where">{where(check.source)}</span>
      </header>
      <dl className="consistency-figures">
        <div><dt>{t("consistencyColumnYears")}</dt><dd>{years(check)}</dd></div>
        <div className="wide"><dt>{t("consistencyColumnWhat")}</dt><dd>{lines(check)}</dd></div>
        <div><dt>{t("consistencyColumnStated")}</dt><dd className="amount">{check.stated === null ? t("consistencyNotStated") : amount(check.stated)}</dd></div>
        <div><dt>{t("consistencyColumnTable")}</dt><dd className="amount">{amount(check.computed)}</dd></div>
        <div><dt>{t("consistencyColumnDifference")}</dt><dd className="amount difference">{amount(check.difference, true)}</dd></div>
      </dl>
      <p className="consistency-explanation">{check.explanation}</p>
      {check.source.quote && <blockquote lang="da">{check.source.quote}</blockquote>}
      {check.footnotes.map((note) => (
        <p key={note.marker} className="consistency-footnote">{t("consistencyFootnote", { marker: note.marker, text: note.text })}</p>
      ))}
      {check.note && <p className="consistency-note muted">{t("consistencyTranscriberNote", { note: check.note })}</p>}
    </article>
  );
}

function CheckTable({ checks, withExplanation = false }: { checks: Check[]; withExplanation?: boolean }) {
  const { t, amount, years, shortWhere, fullWhere, lines } = useFigures();
  return (
    <table className="data-table consistency-table">
      <thead>
        <tr>
          <th scope="col">{t("consistencyColumnSource")}</th>
          <th scope="col">{t("consistencyColumnYears")}</th>
          <th scope="col">{withExplanation ? t("consistencyColumnStatus") : t("consistencyColumnWhat")}</th>
          <th scope="col" className="amount">{t("consistencyColumnStated")}</th>
          <th scope="col" className="amount">{t("consistencyColumnTable")}</th>
        </tr>
      </thead>
      <tbody>
        {checks.map((check, index) => (
          <tr key={index} title={check.source.quote ?? undefined}>
            <td title={fullWhere(check.source)}>{shortWhere(check.source)}</td>
            <td>{years(check)}</td>
            <td>{withExplanation ? check.explanation : lines(check)}</td>
            <td className="amount">{check.stated === null ? t("consistencyNotStated") : amount(check.stated)}</td>
            <td className="amount">{amount(check.computed)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function NotesGroup({ notes }: { notes: Discrepancy[] }) {
  const { t, where } = useFigures();
  const headingId = useId();
  return (
    <section className="consistency-group" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t("consistencyGroupNotes")} <span className="consistency-group-count">({notes.length})</span>
      </h3>
      <p className="muted consistency-empty">{t("consistencyGroupNotesHint")}</p>
      {notes.map((note) => (
        <article key={note.position} className="consistency-card consistency-noted">
          <header>
            <span className="consistency-kind">{note.location}</span>
            <span className="consistency-where">{where(note.source)}</span>
          </header>
          <dl className="consistency-quotes">
            <dt>{t("consistencyNoteText")}</dt>
            <dd><blockquote lang="da">{note.textQuote}</blockquote></dd>
            <dt>{t("consistencyNoteTable")}</dt>
            <dd><blockquote lang="da">{note.tableQuote}</blockquote></dd>
            <dt>{t("consistencyNoteExplanation")}</dt>
            <dd lang="en">{note.explanation}</dd>
          </dl>
        </article>
      ))}
    </section>
  );
}
