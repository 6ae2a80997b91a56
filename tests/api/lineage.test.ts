/**
 * The negotiation's lineage: the fork tree with who, when and what each scenario did against the
 * state it was forked from, and what changed since a version or a moment across a scenario and
 * its descendants. Expected figures are hand arithmetic on the agreement's printed table:
 * VMK 2025 = 2,5; Trial Nation 2026 = 4,7; EU-formandskabet 2,8 in 2024 and nothing after;
 * the agreement's totals are 98,9 in 2024 and exactly 100 in 2025–2027.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { gql, type ResultOf, type VariablesOf } from "../support/documents.ts";
import { globalId, graphql, query, recordSql } from "../support/graphql.ts";
import { mutate } from "../support/scenarios.ts";

const LINEAGE = gql(`
  query Lineage($rootId: ID, $language: Language) {
    scenarioLineage(rootId: $rootId, language: $language) {
      __typename
      ... on ScenarioLineage {
        nodes { key name kind parentKey parentName depth createdBy forkedFromVersion version archived fitsFrame yearsOverFrame summary lastChange { version actor comment } }
      }
      ... on InvalidInputError { problems { field code } }
    }
  }
`);

const CHANGES_SINCE = gql(`
  query ChangesSince($id: ID!, $version: Int, $since: DateTime, $includeDescendants: Boolean, $language: Language) {
    changesSince(scenarioId: $id, version: $version, since: $since, includeDescendants: $includeDescendants, language: $language) {
      __typename
      ... on ChangesSinceReport {
        scenarioKey version at
        scenarios {
          key depth parentKey fromVersion version createdSince
          changes { version kind actor comment cells { initiativeKey year before after } lines { initiative { key } added } }
          difference { headline counts { added removed changed } lines { initiativeKey status totalDifference cells { year base other difference } } years { year baseAllocated otherAllocated net } summary }
        }
      }
      ... on InvalidInputError { problems { field code } }
    }
  }
`);

/** The lineage's nodes; a refusal fails the test, naming it. */
function nodesOf(answer: ResultOf<typeof LINEAGE>["scenarioLineage"]) {
  if (answer.__typename !== "ScenarioLineage") throw new Error(`expected a lineage: ${JSON.stringify(answer)}`);
  return answer.nodes;
}

/** The report; a refusal fails the test, naming it. */
function reportOf(answer: ResultOf<typeof CHANGES_SINCE>["changesSince"]) {
  if (answer.__typename !== "ChangesSinceReport") throw new Error(`expected a report: ${JSON.stringify(answer)}`);
  return answer;
}

async function edit(name: string, inputType: string, input: Record<string, unknown>, actor: string) {
  const result = await mutate(name, inputType, input, { actor });
  if (result.__typename !== "ScenarioEdit") throw new Error(`${name} failed: ${JSON.stringify(result)}`);
  return result;
}

const forkAs = async (actor: string, sourceId: string, name: string) => (await edit("forkScenario", "ForkScenarioInput", { sourceId, name }, actor)).scenario.key;

/** The what-if (W, Anna's), its fork (G, Bo's), an archived fork of the agreement (A, Carl's), and a moment between their edits. */
let W: string;
let G: string;
let A: string;
let between: Date;

beforeAll(async () => {
  W = await forkAs("Anna", "aftale-2024", "Mere til VMK");
  await edit("setAllocation", "SetAllocationInput", { scenarioId: W, initiativeId: "vmk", year: 2025, amount: "4,5", notation: "DANISH", expectedVersion: 1, comment: "VMK skal have mere" }, "Anna");
  G = await forkAs("Bo", W, "Bos bud");
  await edit("removeInitiative", "RemoveInitiativeInput", { scenarioId: G, initiativeId: "eu-formandskab", expectedVersion: 1, comment: "EU-formandskabet dækkes andetsteds" }, "Bo");
  // A moment strictly after G's version 2 and before W's version 3.
  await sleep(20);
  between = new Date();
  await sleep(20);
  await edit("setAllocation", "SetAllocationInput", { scenarioId: W, initiativeId: "trial-nation", year: 2026, amount: "3,7", notation: "DANISH", expectedVersion: 2, comment: "Trial Nation kan vente et år" }, "Anna");
  await edit("setAllocation", "SetAllocationInput", { scenarioId: G, initiativeId: "vmk", year: 2025, amount: "5,0", notation: "DANISH", expectedVersion: 2, comment: "Lidt mere til VMK" }, "Bo");
  A = await forkAs("Carl", "aftale-2024", "Gammelt forslag");
  await edit("archiveScenario", "ScenarioStatusInput", { scenarioId: A, expectedVersion: 1 }, "Carl");
});

describe("scenarioLineage", () => {
  it("shows both baselines as roots (the agreement is transcribed, not forked from the proposal) and the forks under the agreement, depth first", async () => {
    const data = await query(LINEAGE, {});
    const nodes = nodesOf(data.scenarioLineage);
    expect(nodes.map((node) => [node.key, node.depth, node.parentKey])).toEqual([
      ["regeringens-udspil-2024", 0, null],
      ["aftale-2024", 0, null],
      [W, 1, "aftale-2024"],
      [G, 2, W],
      [A, 1, "aftale-2024"],
    ]);
    expect(nodes[0]).toMatchObject({ kind: "BASELINE", createdBy: "Dokumenterne", summary: null, forkedFromVersion: null, archived: false });
    // The proposal's 2024 lines sum to 99,1 and the agreement's to 98,9: both fit.
    expect(nodes.slice(0, 2).map((node) => node.fitsFrame)).toEqual([true, true]);
  });

  it("tells who forked each scenario, from which version, who changed it last, and what it did against its parent then, in Danish and English", async () => {
    const da = nodesOf((await query(LINEAGE, { rootId: "aftale-2024" })).scenarioLineage);
    expect(da.map((node) => node.key)).toEqual(["aftale-2024", W, G, A]);
    // W: VMK 2025 2,5 → 4,5 (+2,0) and Trial Nation 2026 4,7 → 3,7 (-1,0); 2025 is then 102,0, over the frame.
    expect(da[1]).toMatchObject({
      name: "Mere til VMK", kind: "WHAT_IF", createdBy: "Anna", forkedFromVersion: 1, version: 3, fitsFrame: false, yearsOverFrame: [2025],
      summary: "2 linjer ændret; +2,0 mio. kr. i 2025, -1,0 i 2026",
      lastChange: { version: 3, actor: "Anna", comment: "Trial Nation kan vente et år" },
    });
    // G, against W at version 2 (VMK 2025 = 4,5, Trial Nation untouched): VMK 4,5 → 5,0 (+0,5) and
    // EU-formandskabet's 2,8 in 2024 removed. W's later Trial Nation change is not G's doing.
    expect(da[2]).toMatchObject({
      name: "Bos bud", createdBy: "Bo", forkedFromVersion: 2, version: 3, fitsFrame: false, yearsOverFrame: [2025],
      summary: "1 linje ændret, 1 fjernet; -2,8 mio. kr. i 2024, +0,5 i 2025",
      lastChange: { version: 3, actor: "Bo", comment: "Lidt mere til VMK" },
    });
    expect(da[3]).toMatchObject({ createdBy: "Carl", archived: true, summary: "Ingen ændringer", fitsFrame: true, lastChange: { version: 2, actor: "Carl" } });

    const en = nodesOf((await query(LINEAGE, { rootId: W, language: "EN" })).scenarioLineage);
    // The root's parent is outside this tree; its name comes along all the same.
    expect(en[0]!.parentName).toBe("Aftale om strategi for life science (21. november 2024)");
    expect(en.map((node) => [node.key, node.depth, node.summary])).toEqual([
      [W, 0, "2 lines changed; DKK +2.0 million in 2025, -1.0 in 2026"],
      [G, 1, "1 line changed, 1 removed; DKK -2.8 million in 2024, +0.5 in 2025"],
    ]);
  });

  it("refuses an unknown or malformed root", async () => {
    expect((await query(LINEAGE, { rootId: "findes-ikke" })).scenarioLineage).toEqual({ __typename: "InvalidInputError", problems: [{ field: "rootId", code: "UNKNOWN_SCENARIO" }] });
    const malformed = (await query(LINEAGE, { rootId: globalId("Initiative", "vmk") })).scenarioLineage;
    if (malformed.__typename !== "InvalidInputError") throw new Error(`expected invalid input: ${JSON.stringify(malformed)}`);
    expect(malformed.problems).toEqual([{ field: "rootId", code: "MALFORMED_ID" }]);
  });
});

describe("changesSince", () => {
  it("since a version of W: W's later change, and its fork made after that point taken from the fork", async () => {
    const answer = (await query(CHANGES_SINCE, { id: W, version: 2 })).changesSince;
    expect(answer).toMatchObject({ __typename: "ChangesSinceReport", scenarioKey: W, version: 2 });
    const report = reportOf(answer);
    const w = report.scenarios[0]!;
    const g = report.scenarios[1]!;
    expect(report.scenarios).toHaveLength(2);
    expect(w).toMatchObject({ key: W, depth: 0, fromVersion: 2, version: 3, createdSince: false });
    expect(w.changes).toEqual([
      { version: 3, kind: "CELLS_SET", actor: "Anna", comment: "Trial Nation kan vente et år", cells: [{ initiativeKey: "trial-nation", year: 2026, before: "4.7", after: "3.7" }], lines: [] },
    ]);
    expect(w.difference.headline).toBe("1 linje ændret; -1,0 mio. kr. i 2026");
    expect(w.difference.lines).toEqual([
      {
        initiativeKey: "trial-nation", status: "CHANGED", totalDifference: "-1",
        cells: [
          { year: 2024, base: "4.7", other: "4.7", difference: "0" },
          { year: 2025, base: "4.7", other: "4.7", difference: "0" },
          { year: 2026, base: "4.7", other: "3.7", difference: "-1" },
          { year: 2027, base: "4.7", other: "4.7", difference: "0" },
        ],
      },
    ]);
    // W's 2026 total: 100 → 99.
    expect(w.difference.years[2]).toEqual({ year: 2026, baseAllocated: "100", otherAllocated: "99", net: "-1" });

    // G was forked after W reached version 2: then is its fork point, and both of Bo's changes count.
    expect(g).toMatchObject({ key: G, depth: 1, parentKey: W, fromVersion: 1, createdSince: true });
    expect(g.changes.map((change) => [change.version, change.kind, change.actor, change.comment])).toEqual([
      [2, "LINE_REMOVED", "Bo", "EU-formandskabet dækkes andetsteds"],
      [3, "CELLS_SET", "Bo", "Lidt mere til VMK"],
    ]);
    expect(g.changes[0]!.lines).toEqual([{ initiative: { key: "eu-formandskab" }, added: false }]);
    expect(g.changes[1]!.cells).toEqual([{ initiativeKey: "vmk", year: 2025, before: "4.5", after: "5" }]);
    expect(g.difference.counts).toEqual({ added: 0, removed: 1, changed: 1 });
    expect(g.difference.lines.map((line) => [line.initiativeKey, line.status, line.totalDifference])).toEqual([
      ["vmk", "CHANGED", "0.5"],
      ["eu-formandskab", "REMOVED", "-2.8"],
    ]);
    expect(g.difference.headline).toBe("1 linje ændret, 1 fjernet; -2,8 mio. kr. i 2024, +0,5 i 2025");
  });

  it("since W's last version: nothing more in W, and a fork made before it is taken where it stood at that moment", async () => {
    const [w, g] = reportOf((await query(CHANGES_SINCE, { id: W, version: 3, language: "EN" })).changesSince).scenarios;
    expect(w).toMatchObject({ fromVersion: 3, changes: [], difference: { headline: "No changes", summary: ["No differences."] } });
    // G had made its version 2 (EU-formandskabet removed) before W's version 3; only the VMK raise came after.
    expect(g).toMatchObject({ fromVersion: 2, createdSince: false });
    expect(g!.changes.map((change) => change.version)).toEqual([3]);
    expect(g!.difference.headline).toBe("1 line changed; DKK +0.5 million in 2025");
  });

  it("since a moment, across the agreement and every descendant, archived ones included", async () => {
    const report = reportOf((await query(CHANGES_SINCE, { id: "aftale-2024", since: between.toISOString() })).changesSince);
    expect(report.at).toBe(between.toISOString());
    expect(report.scenarios.map((entry) => [entry.key, entry.depth, entry.fromVersion, entry.createdSince, entry.changes.map((change) => change.version)])).toEqual([
      ["aftale-2024", 0, 1, false, []],
      [W, 1, 2, false, [3]],
      [G, 2, 2, false, [3]],
      [A, 1, 1, true, [2]],
    ]);
    const [agreement, w, g, a] = report.scenarios;
    expect(agreement!.difference.headline).toBe("Ingen ændringer");
    expect(w!.difference.headline).toBe("1 linje ændret; -1,0 mio. kr. i 2026");
    expect(g!.difference.headline).toBe("1 linje ændret; +0,5 mio. kr. i 2025");
    // Archiving changes no amounts.
    expect(a!.changes[0]).toMatchObject({ kind: "ARCHIVED", actor: "Carl", cells: [] });
    expect(a!.difference.headline).toBe("Ingen ændringer");
  });

  it("without descendants: the scenario alone", async () => {
    const report = reportOf((await query(CHANGES_SINCE, { id: W, since: between.toISOString(), includeDescendants: false })).changesSince);
    expect(report.scenarios.map((entry) => entry.key)).toEqual([W]);
  });

  it("refuses an unknown or malformed scenario, a version it never had, a time in the future, and both or neither point", async () => {
    const problems = async (variables: VariablesOf<typeof CHANGES_SINCE>) => {
      const answer = (await query(CHANGES_SINCE, variables)).changesSince;
      if (answer.__typename !== "InvalidInputError") throw new Error(`expected invalid input: ${JSON.stringify(answer)}`);
      return answer.problems;
    };
    expect(await problems({ id: "findes-ikke", version: 1 })).toEqual([{ field: "scenarioId", code: "UNKNOWN_SCENARIO" }]);
    expect(await problems({ id: globalId("Initiative", "vmk"), version: 1 })).toEqual([{ field: "scenarioId", code: "MALFORMED_ID" }]);
    expect(await problems({ id: W, version: 0 })).toEqual([{ field: "version", code: "UNKNOWN_VERSION" }]);
    expect(await problems({ id: W, version: 4 })).toEqual([{ field: "version", code: "UNKNOWN_VERSION" }]);
    expect(await problems({ id: W, since: new Date(Date.now() + 60 * 60_000).toISOString() })).toEqual([{ field: "since", code: "IN_THE_FUTURE" }]);
    expect(await problems({ id: W, version: 2, since: between.toISOString() })).toEqual([{ field: "since", code: "CONFLICTING_FIELDS" }]);
    expect(await problems({ id: W })).toEqual([{ field: "version", code: "REQUIRED" }]);
    // A malformed time never reaches the resolver: the DateTime scalar refuses it.
    const malformedDate = await graphql(CHANGES_SINCE, { id: W, since: "i går" });
    expect(malformedDate.errors).toHaveLength(1);
    expect(malformedDate.data?.changesSince).toBeUndefined();
  });
});

describe("SQL statements", () => {
  it("stay the same number however many scenarios the tree and the report hold", async () => {
    const count = async () => [
      (await recordSql(() => query(LINEAGE, { rootId: "aftale-2024" }))).length,
      (await recordSql(() => query(CHANGES_SINCE, { id: "aftale-2024", since: between.toISOString() }))).length,
    ];
    const before = await count();
    for (const name of ["Ekstra 1", "Ekstra 2", "Ekstra 3"]) {
      const key = await forkAs("Dorte", G, name);
      await edit("setAllocation", "SetAllocationInput", { scenarioId: key, initiativeId: "atmp", year: 2027, amount: "6", expectedVersion: 1 }, "Dorte");
    }
    expect(await count()).toEqual(before);
    expect(before[0]).toBeLessThanOrEqual(10);
    expect(before[1]).toBeLessThanOrEqual(12);
  });
});
