import { test } from "vitest";
import { parseAgreementTable, parseProposalTable, readDocument, DOCUMENT_FILES } from "./seedFiles.ts";
test("dump", () => {
  for (const t of [parseProposalTable(readDocument(DOCUMENT_FILES.strategy2024)), parseAgreementTable(readDocument(DOCUMENT_FILES.agreement2024))]) {
    console.log(t.header, t.total, JSON.stringify(t.footnotes));
    for (const r of t.rows) console.log(`${r.heading.slice(0,25)} | ${r.title} | ${r.cells.join(" ")} | ${r.markers}`);
  }
});
