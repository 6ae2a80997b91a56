/**
 * Search and filter, then paste: with lines hidden by a filter, a pasted block goes down the lines
 * the user sees, never into a hidden line between them (checked through the API).
 */
import { expect, test } from "vitest";
import { clientOperationOverHttp } from "../support/graphqlHttp.ts";
import { changedCells, focusCell, forkAndOpen, pasteText, scenarioId, storedCells } from "./support/grid.ts";
import { useE2E } from "./support/suite.ts";
import { AddCellComment } from "./support/clientOperations.ts";

const e2e = useE2E();

test("with a filter on, a pasted column lands in the shown lines and skips the hidden ones between them", async () => {
  const { page, key, before, lineKeys, errors } = await forkAndOpen(e2e, "Filter og indsæt");
  // Comments on the first and the fourth line: the comments chip then shows those two, hiding the two between.
  const [first, , , fourth] = lineKeys;
  for (const line of [first!, fourth!]) {
    const answer = await clientOperationOverHttp(e2e.app.baseUrl, AddCellComment, { input: { scenarioId: scenarioId(key), initiativeId: line, year: 2024, text: "Se her" } });
    expect(answer.addComment.__typename).not.toMatch(/Error$/);
  }
  await page.reload();
  await page.locator(`.ag-row[row-id="${first}"]`).waitFor();
  await page.getByRole("button", { name: "Med kommentarer" }).click();
  await expect.poll(() => page.locator(`.ag-row[row-id="${lineKeys[1]}"]`).count()).toBe(0);

  await focusCell(page, first!, "y2024");
  await pasteText(page, "7,5\n8,5");
  await expect.poll(async () => changedCells(before, await storedCells(e2e.app.baseUrl, key))).toEqual([`${first}:2024`, `${fourth}:2024`].sort());
  const after = await storedCells(e2e.app.baseUrl, key);
  expect([after.get(`${first}:2024`), after.get(`${fourth}:2024`)]).toEqual(["7.5", "8.5"]);
  expect(errors).toEqual([]);
});
