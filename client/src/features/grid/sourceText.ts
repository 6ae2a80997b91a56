/**
 * Where a line comes from, for its tooltip: each source as its document (title and date, never the
 * file name), the section, the strategy's initiative number and the agreement's paragraph.
 */
import { documentName } from "../../app/documentName.ts";
import type { Locale, MessageKey, MessageParams } from "../../i18n/messages.ts";

export interface LineSource {
  section: string;
  paragraph: number | null;
  initiativeNumber: string | null;
  sourceDocument: { title: string; published: string } | null;
}

export function sourceText(sources: readonly LineSource[], t: (key: MessageKey, params?: MessageParams) => string, locale: Locale): string {
  return sources
    .map((source) =>
      [
        source.sourceDocument ? documentName(source.sourceDocument, locale) : null,
        source.section,
        source.initiativeNumber ? t("sourceInitiativeNumber", { number: source.initiativeNumber }) : null,
        source.paragraph ? `§ ${source.paragraph}` : null,
      ]
        .filter(Boolean)
        .join(", "),
    )
    .join("; ");
}
