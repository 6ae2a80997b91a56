/**
 * Sharing a what-if with another organisation, READ or EDIT, and taking a share back. Who may do
 * it (the owning organisation's editors and admins) is checked before this runs (auth/access.ts);
 * here the input is checked and the share and its audit entry are written in one transaction.
 */
import type { ShareAccess } from "../auth/access.ts";
import { writeTransaction, type Transaction } from "../db.ts";
import { ProblemList } from "./input.ts";
import { findScenarioForWrite, throwWithUnknownScenarios } from "./scenarioAccess.ts";

export interface ShareInput {
  scenarioId: string;
  /** The organisation's key ("venstre") or ID. */
  organisation: string;
}

/** The input, checked before anything is read: the scenario's key, and the problems so far. */
async function checked(input: ShareInput): Promise<{ scenarioKey: string; problems: ProblemList }> {
  const problems = new ProblemList();
  const scenarioKey = problems.id("input.scenarioId", input.scenarioId, "Scenario");
  problems.text("input.organisation", input.organisation, { max: 200, required: true });
  await throwWithUnknownScenarios(problems, [{ field: "input.scenarioId", key: scenarioKey }]);
  return { scenarioKey: scenarioKey!, problems };
}

/** Finds the what-if and the organisation, refusing a baseline and the owner itself. */
async function sharingParties(tx: Transaction, input: ShareInput, { scenarioKey, problems }: Awaited<ReturnType<typeof checked>>) {
  const scenario = await findScenarioForWrite(tx, scenarioKey, "input.scenarioId");
  const organisation = await tx.organisation.findFirst({ where: { OR: [{ key: input.organisation }, { id: input.organisation }] }, select: { id: true } });
  if (scenario.kind === "BASELINE") problems.add("input.scenarioId", "NOT_A_WHAT_IF", "a baseline is read by every signed-in user already.", input.scenarioId);
  if (!organisation) problems.add("input.organisation", "UNKNOWN_ORGANISATION", `there is no organisation ${JSON.stringify(input.organisation)}.`, input.organisation);
  else if (organisation.id === scenario.organisationId) problems.add("input.organisation", "OWN_ORGANISATION", "the scenario belongs to this organisation already.", input.organisation);
  problems.throwIfAny();
  return { scenarioId: scenario.id, organisationId: organisation!.id };
}

/** Shares the what-if with the organisation, or changes the access it has; the same access again changes nothing. Returns the scenario's key. */
export async function shareScenario(input: ShareInput & { access: ShareAccess }, actor: string): Promise<string> {
  const checkedInput = await checked(input);
  return writeTransaction(async (tx) => {
    const { scenarioId, organisationId } = await sharingParties(tx, input, checkedInput);
    const existing = await tx.scenarioShare.findUnique({ where: { scenarioId_organisationId: { scenarioId, organisationId } } });
    if (existing?.access === input.access) return scenarioId;
    await tx.scenarioShare.upsert({
      where: { scenarioId_organisationId: { scenarioId, organisationId } },
      create: { scenarioId, organisationId, access: input.access, sharedBy: actor },
      update: { access: input.access, sharedBy: actor, sharedAt: new Date() },
    });
    await tx.scenarioShareChange.create({ data: { scenarioId, organisationId, before: existing?.access ?? null, after: input.access, actor } });
    return scenarioId;
  });
}

/** Takes the organisation's share back: from its next request on, the what-if is hidden from it. Not shared: nothing changes. */
export async function unshareScenario(input: ShareInput, actor: string): Promise<string> {
  const checkedInput = await checked(input);
  return writeTransaction(async (tx) => {
    const { scenarioId, organisationId } = await sharingParties(tx, input, checkedInput);
    const existing = await tx.scenarioShare.findUnique({ where: { scenarioId_organisationId: { scenarioId, organisationId } } });
    if (!existing) return scenarioId;
    await tx.scenarioShare.delete({ where: { scenarioId_organisationId: { scenarioId, organisationId } } });
    await tx.scenarioShareChange.create({ data: { scenarioId, organisationId, before: existing.access, after: null, actor } });
    return scenarioId;
  });
}
