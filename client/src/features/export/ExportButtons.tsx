/** Export what is on screen — a scenario or a comparison, in the price level shown — as CSV (Danish numbers) or XLSX, in the UI's language. */
import { useState } from "react";
import { useClient } from "urql";
import { graphql, type ResultOf } from "../../graphql.ts";
import { InputProblemsFragment } from "../../app/problemText.ts";
import { useI18n } from "../../i18n/I18n.tsx";
import { failureText } from "../../app/failures.ts";

/** The file an export answers, or why there is none. */
const ExportedFile = graphql(`
  fragment ExportedFile on ExportFile @_unmask { fileName contentType base64 }
`);
const ExportScenario = graphql(
  `
  query ExportScenario($id: ID!, $format: FileFormat!, $language: Language, $priceLevel: Int) {
    exportScenario(scenarioId: $id, format: $format, language: $language, priceLevel: $priceLevel) { __typename ...ExportedFile ...InputProblems ... on Error { message } }
  }
`,
  [ExportedFile, InputProblemsFragment],
);
const ExportComparison = graphql(
  `
  query ExportComparison($base: ID!, $others: [ID!]!, $format: FileFormat!, $language: Language, $priceLevel: Int) {
    exportComparison(baseId: $base, otherIds: $others, format: $format, language: $language, priceLevel: $priceLevel) { __typename ...ExportedFile ...InputProblems ... on Error { message } }
  }
`,
  [ExportedFile, InputProblemsFragment],
);

export type ExportTarget = { kind: "scenario"; scenarioKey: string } | { kind: "comparison"; baseKey: string; otherKeys: string[] };

/** Saves a file from its base64 content through a temporary link (no server round trip for the download itself). */
export function saveFile(file: ResultOf<typeof ExportedFile>): void {
  const bytes = Uint8Array.from(atob(file.base64), (character) => character.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.contentType }));
  const link = document.createElement("a");
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ExportButtons({ target, priceLevel = null }: { target: ExportTarget; priceLevel?: number | null }) {
  const { t, locale } = useI18n();
  const client = useClient();
  const [failure, setFailure] = useState<string | null>(null);
  async function run(format: "CSV" | "XLSX") {
    setFailure(null);
    const language = locale === "da" ? "DA" : "EN";
    const { file, error } =
      target.kind === "scenario"
        ? await client
            .query(ExportScenario, { id: target.scenarioKey, format, language, priceLevel })
            .toPromise()
            .then((response) => ({ file: response.data?.exportScenario, error: response.error }))
        : await client
            .query(ExportComparison, { base: target.baseKey, others: target.otherKeys, format, language, priceLevel })
            .toPromise()
            .then((response) => ({ file: response.data?.exportComparison, error: response.error }));
    if (file?.__typename === "ExportFile") saveFile(file);
    else setFailure(t("exportFailed", { message: failureText(t, file, error) }));
  }
  return (
    <span className="export-buttons">
      <button type="button" onClick={() => run("CSV")}>{t("exportCsv")}</button>
      <button type="button" onClick={() => run("XLSX")}>{t("exportXlsx")}</button>
      {failure && <span role="alert" className="error">{failure}</span>}
    </span>
  );
}
