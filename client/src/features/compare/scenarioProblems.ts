/** A comparison's own text for a scenario in the address that is not there: it names the key the address gave. */
import type { ProblemParts, SpecialisedProblems } from "../../app/problemText.ts";
import { message } from "../../i18n/messages.ts";

const unknownScenario = (problem: ProblemParts) => message("compareUnknownScenario", { key: problem.value ?? "?" });

export const COMPARED_SCENARIO_PROBLEMS: SpecialisedProblems = { UNKNOWN_SCENARIO: unknownScenario, MALFORMED_ID: unknownScenario };
