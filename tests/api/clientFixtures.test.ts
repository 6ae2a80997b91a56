/**
 * The client tests' recorded answers (tests/client/fixtures/) are what the API answers now, to the
 * client's own fragments: a fixture that drifted from the server fails here, and one that drifted
 * from the fragments fails the type check (each is typed as ResultOf<typeof …> of the fragment).
 *
 * Re-record them all, after changing a fragment or the server's answers:
 *   RAMME_RECORD_FIXTURES=1 npx vitest run --project api api/clientFixtures.test.ts
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ComparisonFields, ThemeFields } from "../../client/src/features/compare/compareRows.ts";
import { graphql, type ResultOf } from "../../client/src/graphql.ts";
import { query } from "../support/graphql.ts";
import { comparison, themes } from "../client/fixtures/comparisonProposalAgreement.ts";

const recording = process.env.RAMME_RECORD_FIXTURES === "1";

/** The government's proposal against the agreement, in Danish, as the compare view and the brief read it. */
const RecordComparison = graphql(
  `
  query RecordComparison($base: ID!, $others: [ID!]!, $language: Language!) {
    compareScenarios(baseId: $base, otherIds: $others) { ...ComparisonFields }
    themes { ...ThemeFields }
  }
`,
  [ComparisonFields, ThemeFields],
);

function fixtureModule({ compareScenarios, themes: recordedThemes }: ResultOf<typeof RecordComparison>): string {
  return `/**
 * The API's answer for the government's proposal (base) against the agreement, in Danish, to the
 * client's ComparisonFields and ThemeFields. Recorded by tests/api/clientFixtures.test.ts; do not edit:
 *   RAMME_RECORD_FIXTURES=1 npx vitest run --project api api/clientFixtures.test.ts
 */
import type { ComparisonFields, ThemeFields } from "../../../client/src/features/compare/compareRows.ts";
import type { ResultOf } from "../../../client/src/graphql.ts";

export const comparison: ResultOf<typeof ComparisonFields> = ${JSON.stringify(compareScenarios, null, 2)};

export const themes: Array<ResultOf<typeof ThemeFields>> = ${JSON.stringify(recordedThemes, null, 2)};
`;
}

describe("the client tests' recorded answers", () => {
  it("fixtures/comparisonProposalAgreement.ts is what the API answers for the proposal against the agreement", async () => {
    const answer = await query(RecordComparison, { base: "regeringens-udspil-2024", others: ["aftale-2024"], language: "DA" });
    if (recording) writeFileSync(path.join(import.meta.dirname, "../client/fixtures/comparisonProposalAgreement.ts"), fixtureModule(answer));
    else expect(answer).toEqual({ compareScenarios: comparison, themes });
  });
});
