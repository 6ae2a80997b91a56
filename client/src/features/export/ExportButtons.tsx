/** Export what is on screen — a scenario or a comparison, in the price level shown — as CSV (Danish numbers) or XLSX, in the UI's language. */
import { useState } from "react";
import { useClient } from "urql";
import { graphql } from "../../graphql.ts";
import { useI18n } from "../../i18n/I18n.tsx";
import { failureText } from "../../app/failures.ts";

const ExportScenario = graphql(`
  query ExportScenario($id: ID!, $format: FileFormat!, $language: Language, $priceLevel: Int) {
    exportScenario(scenarioId: $id, format: $format, language: $language, priceLevel: $priceLevel) { ... on ExportFile { fileName contentType base64 } ... on Error { message } }
  }
`);
const ExportComparison = graphql(`
  query ExportComparison($base: ID!, $others: [ID!]!, $format: FileFormat!, $language: Language, $priceLevel: Int) {
    exportComparison(baseId: $base, otherIds: $others, format: $format, language: $language, priceLevel: $priceLevel) { ... on ExportFile { fileName contentType base64 } ... on Error { message } }
  }
`);

export type ExportTarget = { kind: "scenario"; scenarioKey: string } | { kind: "comparison"; baseKey: string; otherKeys: string[] };

interface ExportFileResult {
  fileName?: string;
  contentType?: string;
  base64?: string;
  message?: string;
}

/** Saves a file from its base64 content through a temporary link (no server round trip for the download itself). */
export function saveFile(file: { fileName: string; contentType: string; base64: string }): void {
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
    const response =
      target.kind === "scenario"
        ? await client.query(ExportScenario, { id: target.scenarioKey, format, language, priceLevel }).toPromise()
        : await client.query(ExportComparison, { base: target.baseKey, others: target.otherKeys, format, language, priceLevel }).toPromise();
    const file = (response.data ? Object.values(response.data)[0] : undefined) as ExportFileResult | undefined;
    if (file?.base64 && file.fileName && file.contentType) saveFile({ fileName: file.fileName, contentType: file.contentType, base64: file.base64 });
    else setFailure(t("exportFailed", { message: failureText(t, file, response.error) }));
  }
  return (
    <span className="export-buttons">
      <button type="button" onClick={() => run("CSV")}>{t("exportCsv")}</button>
      <button type="button" onClick={() => run("XLSX")}>{t("exportXlsx")}</button>
      {failure && <span role="alert" className="error">{failure}</span>}
    </span>
  );
}
