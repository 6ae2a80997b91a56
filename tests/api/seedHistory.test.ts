import { readSeeds } from "@ramme/server/seed/seedFiles.ts";
import { seedDatabase } from "@ramme/server/seed/seedDatabase.ts";
import { describe, expect, it } from "vitest";
import { gql } from "../support/documents.ts";
import { db, query } from "../support/graphql.ts";

describe("the baselines' history", () => {
  it("starts with the transcription from the document, by 'Dokumenterne', as version 1", async () => {
    const data = await query(gql(`{ history(scenarioId: "aftale-2024") { nodes { version kind actor cells { year } } } }`));
    expect(data.history.nodes).toEqual([{ version: 1, kind: "CREATED", actor: "Dokumenterne", cells: [] }]);
  });

  it("records a changed transcription as a new version with exactly the cells that changed, and seeding the same files again changes nothing", async () => {
    const seeds = readSeeds();
    const agreement = seeds.tables.find((table) => table.scenario.id === "aftale-2024")!;
    const vmk = agreement.groups.flatMap((group) => group.lines).find((line) => line.initiativeId === "vmk")!;
    vmk.amounts[1] = "2,7";
    expect(await seedDatabase(db, { ...seeds, contentHash: "changed" })).toBe("seeded");
    const data = await query(gql(`{ history(scenarioId: "aftale-2024") { nodes { version kind cells { initiativeKey year before after } lines { added } } } }`));
    expect(data.history.nodes[0]).toEqual({ version: 2, kind: "IMPORTED", cells: [{ initiativeKey: "vmk", year: 2025, before: "2.5", after: "2.7" }], lines: [] });
    expect(await seedDatabase(db, { ...seeds, contentHash: "changed" })).toBe("unchanged");
  });
});
