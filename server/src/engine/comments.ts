/**
 * Comments: the reasons behind the numbers. A comment never changes the allocation, so it makes no
 * new version and is allowed on locked scenarios and baselines too (staff annotate the documents).
 */
import { writeTransaction } from "../db.ts";
import type { Comment } from "../generated/prisma/client.ts";
import { ProblemList, TEXT_LIMITS } from "./input.ts";
import { findScenarioForWrite, throwWithUnknownScenarios } from "./scenarioAccess.ts";

export interface AddCommentInput {
  scenarioId: string;
  initiativeId?: string | null;
  year?: number | null;
  text: string;
}

export async function addComment(input: AddCommentInput, author: string): Promise<Comment> {
  const problems = new ProblemList();
  const scenarioId = problems.id("input.scenarioId", input.scenarioId, "Scenario");
  const initiativeId = input.initiativeId ? problems.id("input.initiativeId", input.initiativeId, "Initiative") : null;
  const text = problems.text("input.text", input.text, { max: TEXT_LIMITS.comment, required: true });
  if (input.year !== null && input.year !== undefined && !input.initiativeId) {
    problems.add("input.year", "REQUIRED", "a comment on a cell names its line (initiativeId) as well as its year.", String(input.year));
  }
  await throwWithUnknownScenarios(problems, [{ field: "input.scenarioId", key: scenarioId }]);

  return writeTransaction(async (tx) => {
    const scenario = await findScenarioForWrite(tx, scenarioId!, "input.scenarioId");
    if (initiativeId) {
      const line = await tx.scenarioLine.findUnique({ where: { scenarioId_initiativeId: { scenarioId: scenario.id, initiativeId } } });
      if (!line) {
        const initiative = await tx.initiative.findUnique({ where: { id: initiativeId }, select: { title: true } });
        problems.add("input.initiativeId", "NOT_IN_SCENARIO", `${initiative ? `“${initiative.title}”` : JSON.stringify(initiativeId)} is not a line of this scenario.`, initiativeId);
      }
    }
    const years = scenario.frame.years.map((entry) => entry.year);
    if (input.year !== null && input.year !== undefined && !years.includes(input.year)) {
      problems.add("input.year", "YEAR_OUTSIDE_FRAME", `${input.year} is not a year of the frame (${years.join(", ")}).`, String(input.year));
    }
    problems.throwIfAny();
    return tx.comment.create({
      data: { scenarioId: scenario.id, initiativeId, year: input.year ?? null, version: scenario.version, author, text: text! },
    });
  });
}
