/**
 * The frame every edit of a what-if's lines and cells runs in: the scenario ID and the comment are
 * checked together with what the operation checks up front (every problem collected), then, in one
 * write transaction, the scenario is found (and locked, see lockScenarios) and refused if it cannot
 * be edited, and the operation runs.
 */
import { writeTransaction, type Transaction } from "../db.ts";
import { InvalidInputError } from "./errors.ts";
import { ProblemList, TEXT_LIMITS } from "./input.ts";
import { assertEditable, findScenarioForWrite, throwWithUnknownScenarios, type ScenarioForEdit } from "./scenarioAccess.ts";

export interface EditContext {
  tx: Transaction;
  scenario: ScenarioForEdit;
  /** Problems found in the transaction; the operation throws them before writing. */
  problems: ProblemList;
  comment: string | null;
}

export async function editScenario<T>(
  input: { scenarioId: string; comment?: string | null; expectedVersion?: number | null },
  checkInput: (problems: ProblemList) => void,
  work: (edit: EditContext) => Promise<T>,
  /**
   * What can be checked of the input without the scenario (an amount's form, not its frame's
   * precision): listed beside UNKNOWN_SCENARIO when the scenario does not exist, so one answer
   * names both.
   */
  checkWithoutScenario?: (problems: ProblemList) => void,
): Promise<T> {
  const problems = new ProblemList();
  const scenarioId = problems.id("input.scenarioId", input.scenarioId, "Scenario");
  const comment = problems.text("input.comment", input.comment, { max: TEXT_LIMITS.comment, required: false });
  problems.version("input.expectedVersion", input.expectedVersion);
  checkInput(problems);
  await throwWithUnknownScenarios(problems, [{ field: "input.scenarioId", key: scenarioId }]);
  return writeTransaction(async (tx) => {
    const scenario = await findScenarioForWrite(tx, scenarioId!, "input.scenarioId").catch((error: unknown) => {
      if (error instanceof InvalidInputError && checkWithoutScenario) {
        checkWithoutScenario(problems);
        throw new InvalidInputError([...problems.problems, ...error.problems]);
      }
      throw error;
    });
    assertEditable(scenario);
    return work({ tx, scenario, problems, comment });
  });
}
