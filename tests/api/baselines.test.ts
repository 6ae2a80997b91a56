import { describe, expect, it } from "vitest";
import { gql } from "../support/documents.ts";
import { globalId, query } from "../support/graphql.ts";

const GRID = gql(`
  query Grid($id: ID!) {
    scenario(id: $id) {
      id key name kind locked version
      frame { priceLevel precisionDecimals years { year amount } }
      lines { position initiative { key title theme { key title } } amounts { year amount } total }
      yearTotals {
        year allocated frame headroom statedTotal
        statedTotalCheck { stated printed computed difference explained unexplained status footnotes { marker text } explainedBy { key amount } }
        outsideFrame { key amount basis fromYear toYear }
      }
    }
  }
`);

async function scenarioOf(document: typeof GRID, variables: { id: string }) {
  const { scenario } = await query(document, variables);
  if (!scenario) throw new Error(`no scenario ${variables.id}`);
  return scenario;
}

const proposalId = globalId("Scenario", "regeringens-udspil-2024");
const agreementId = globalId("Scenario", "aftale-2024");

describe("the two baselines from the documents", () => {
  it("lists both as locked baselines, the proposal before the agreement, named as the documents are", async () => {
    const data = await query(gql(`query BaselineList { scenarios { edges { node { key name kind locked parent { key } } } } }`));
    const nodes = data.scenarios.edges.map((edge) => edge.node);
    expect(nodes.map((node) => node.key)).toEqual(["regeringens-udspil-2024", "aftale-2024"]);
    expect(nodes[0]!.name).toMatch(/^Regeringens udspil/);
    expect(nodes[1]!.name).toMatch(/^Aftale/);
    for (const node of nodes) expect(node).toMatchObject({ kind: "BASELINE", locked: true, parent: null });
  });

  it("serves the frame of 100 mio. kr. per year 2024-2027 at 2024 prices", async () => {
    const scenario = await scenarioOf(GRID, { id: agreementId });
    expect(scenario.frame).toEqual({
      priceLevel: "2024-pl",
      precisionDecimals: 1,
      years: [2024, 2025, 2026, 2027].map((year) => ({ year, amount: "100" })),
    });
  });

  it("gives the proposal's 20 lines in printed order, the reserve last, dashes as zero", async () => {
    const scenario = await scenarioOf(GRID, { id: proposalId });
    expect(scenario.lines).toHaveLength(20);
    expect(scenario.lines[0]!.initiative.key).toBe("vmk");
    expect(scenario.lines[0]!.amounts).toEqual([
      { year: 2024, amount: "3.5" },
      { year: 2025, amount: "2.5" },
      { year: 2026, amount: "2.5" },
      { year: 2027, amount: "2.5" },
    ]);
    const reserve = scenario.lines.at(-1)!;
    expect(reserve.initiative.title).toBe("Reserve til yderligere initiativer");
    expect(reserve.amounts.map((cell) => cell.amount)).toEqual(["7.6", "6.1", "7.3", "6.8"]);
    expect(reserve.total).toBe("27.8");
    const ai = scenario.lines.find((line) => line.initiative.key === "kunstig-intelligens")!;
    expect(ai.amounts.map((cell) => cell.amount)).toEqual(["1", "0", "2.5", "2.5"]);
  });

  it("gives the agreement's 25 lines with no reserve, and the lines the parties added", async () => {
    const scenario = await scenarioOf(GRID, { id: agreementId });
    const keys = scenario.lines.map((line) => line.initiative.key);
    expect(keys).toHaveLength(25);
    expect(keys).not.toContain("reserve");
    const proposal = (await scenarioOf(GRID, { id: proposalId })).lines.map((line) => line.initiative.key);
    expect(keys.filter((key) => !proposal.includes(key)).sort()).toEqual([
      "byspildevand",
      "eu-formandskab",
      "gebyrreduktion-medicinsk-udstyr",
      "klinisk-forskning-analyse",
      "life-science-ude-i-landet",
      "sundhedsdata-tillid",
    ]);
  });

  it("computes the proposal's totals from its lines: 99.1 in 2024, explained by the bridge-financing footnote", async () => {
    const scenario = await scenarioOf(GRID, { id: proposalId });
    const y2024 = scenario.yearTotals[0]!;
    const y2025 = scenario.yearTotals[1];
    expect(y2024).toMatchObject({ year: 2024, allocated: "99.1", frame: "100", headroom: "0.9", statedTotal: "100" });
    expect(y2024.statedTotalCheck).toMatchObject({
      printed: "100",
      difference: "0.9",
      explained: "0.9",
      unexplained: "0",
      status: "EXPLAINED",
      explainedBy: [{ key: "brofinansiering-fl24-q1-2024", amount: "0.9" }],
    });
    expect(y2024.statedTotalCheck!.footnotes).toHaveLength(1);
    expect(y2024.statedTotalCheck!.footnotes[0]!.marker).toBe("**");
    expect(y2024.statedTotalCheck!.footnotes[0]!.text).toMatch(/brofinansiering på i alt 0,9 mio\. kr\./);
    expect(y2025).toMatchObject({ allocated: "100", headroom: "0", statedTotalCheck: { status: "MATCHES", difference: "0" } });
  });

  it("shows the agreement's 2024 lines summing to 98.9 against a printed 100, with nothing in the document to explain it", async () => {
    const scenario = await scenarioOf(GRID, { id: agreementId });
    expect(scenario.yearTotals.map((total) => total.allocated)).toEqual(["98.9", "100", "100", "100"]);
    expect(scenario.yearTotals[0]!.statedTotalCheck).toMatchObject({
      stated: "100",
      computed: "98.9",
      difference: "1.1",
      explained: "0",
      unexplained: "1.1",
      status: "UNEXPLAINED",
      footnotes: [],
    });
    for (const total of scenario.yearTotals.slice(1)) expect(total.statedTotalCheck!.status).toBe("MATCHES");
  });

  it("keeps money outside the frame beside the totals, never inside them", async () => {
    const scenario = await scenarioOf(GRID, { id: proposalId });
    const outside2024 = scenario.yearTotals[0]!.outsideFrame.map((entry) => entry.key).sort();
    expect(outside2024).toEqual(["brofinansiering-fl24-q1-2024", "roed-loeber-landdistriktsudspil"]);
    const redCarpet = scenario.yearTotals[0]!.outsideFrame.find((entry) => entry.key === "roed-loeber-landdistriktsudspil");
    expect(redCarpet).toEqual({ key: "roed-loeber-landdistriktsudspil", amount: "102.4", basis: "PERIOD_TOTAL", fromYear: 2024, toYear: 2027 });
    expect(scenario.yearTotals[1]!.outsideFrame.map((entry) => entry.key)).toEqual(["roed-loeber-landdistriktsudspil"]);
  });

  it("sums each line exactly: the agreement's 'Life science ude i landet' totals 7.2 over 2024-2027", async () => {
    const scenario = await scenarioOf(GRID, { id: agreementId });
    const line = scenario.lines.find((entry) => entry.initiative.key === "life-science-ude-i-landet")!;
    expect(line.amounts.map((cell) => cell.amount)).toEqual(["2", "1.1", "1.8", "2.3"]);
    expect(line.total).toBe("7.2");
    expect(line.initiative.theme.key).toBe("produktion-investeringer");
  });
});
