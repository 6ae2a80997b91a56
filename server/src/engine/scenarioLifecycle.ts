/**
 * A scenario's life: forked from another, renamed, marked must-fit, locked and unlocked, archived
 * and brought back. Nothing is ever deleted; every step is a version in the history.
 */
import { randomBytes } from "node:crypto";
import { LOCAL_ORGANISATION, type OrganisationInfo } from "../auth/caller.ts";
import { writeTransaction, type Transaction } from "../db.ts";
import type { ChangeKind } from "./changeKinds.ts";
import { commitChange, type CommittedChange } from "./commitChange.ts";
import { ScenarioLockedError } from "./errors.ts";
import { ProblemList, TEXT_LIMITS } from "./input.ts";
import { assertVersion, findScenario, findScenarioForWrite, scenarioForEdit, throwWithUnknownScenarios, type ScenarioForEdit } from "./scenarioAccess.ts";

/** A readable, unique key: "mere-til-forskning-k3x9fq". */
export function newKey(text: string): string {
  const slug = text
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "oe")
    .replace(/å/g, "aa")
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/, "");
  return `${slug || "x"}-${randomBytes(4).toString("hex")}`;
}

export interface ForkInput {
  sourceId: string;
  name: string;
  description?: string | null;
}

/**
 * A what-if copy of any scenario (baselines included), remembering its parent and the parent's
 * version. It belongs to `owner`, the forking caller's organisation (auth/access.ts): private to it
 * until shared.
 */
export async function forkScenario(input: ForkInput, actor: string, owner: OrganisationInfo): Promise<CommittedChange> {
  const problems = new ProblemList();
  const sourceId = problems.id("input.sourceId", input.sourceId, "Scenario");
  const name = problems.text("input.name", input.name, { max: TEXT_LIMITS.name, required: true });
  const description = problems.text("input.description", input.description, { max: TEXT_LIMITS.description, required: false });
  await throwWithUnknownScenarios(problems, [{ field: "input.sourceId", key: sourceId }]);

  return writeTransaction(async (tx) => {
    // Locked, so the version recorded as forkedFromVersion is the one whose cells are copied.
    const source = await findScenarioForWrite(tx, sourceId!, "input.sourceId");
    // The local single-user's organisation is not made by anyone: it exists from its first fork.
    if (owner.id === LOCAL_ORGANISATION.id) await tx.organisation.upsert({ where: { id: owner.id }, create: owner, update: {} });
    const id = newKey(name!);
    await tx.scenario.create({
      data: {
        id,
        name: name!,
        description,
        kind: "WHAT_IF",
        frameId: source.frameId,
        parentId: source.id,
        forkedFromVersion: source.version,
        createdBy: actor,
        organisationId: owner.id,
        // A fork starts free to explore; whoever wants it held to the frame marks it must-fit.
        mustFit: false,
      },
    });
    // Copy lines and cells in the database: two statements whatever the scenario's size.
    await tx.$executeRaw`INSERT INTO "ScenarioLine" ("scenarioId", "initiativeId", "position")
      SELECT ${id}, "initiativeId", "position" FROM "ScenarioLine" WHERE "scenarioId" = ${source.id}`;
    await tx.$executeRaw`INSERT INTO "Allocation" ("scenarioId", "initiativeId", "year", "amount")
      SELECT ${id}, "initiativeId", "year", "amount" FROM "Allocation" WHERE "scenarioId" = ${source.id}`;
    await copyOutsideFrame(tx, source.id, id);
    await tx.scenarioChange.create({
      data: { scenarioId: id, version: 1, kind: "FORKED", actor, details: { sourceId: source.id, sourceVersion: source.version } },
    });
    const fork = await findScenario(tx, id, "input.sourceId");
    return commitChange(tx, fork, { kind: "FORKED", cells: [] }, actor);
  });
}

/** Outside-frame notes travel with a fork, so the what-if still shows the money beside the frame. */
async function copyOutsideFrame(tx: Transaction, fromScenarioId: string, toScenarioId: string) {
  const notes = await tx.outsideFrameAmount.findMany({ where: { scenarioId: fromScenarioId }, include: { initiatives: true } });
  for (const { initiatives, id, source, ...note } of notes) {
    const copyId = `${toScenarioId}/${id.includes("/") ? id.slice(id.indexOf("/") + 1) : id}`;
    await tx.outsideFrameAmount.create({
      data: {
        ...note,
        id: copyId,
        scenarioId: toScenarioId,
        source: source ?? {},
        initiatives: { create: initiatives.map((link) => ({ initiativeId: link.initiativeId })) },
      },
    });
  }
}

export interface UpdateInput {
  scenarioId: string;
  expectedVersion?: number | null;
  name?: string | null;
  description?: string | null;
  mustFit?: boolean | null;
}

/** Renames, redescribes, or marks the scenario must-fit (refused with FrameExceeded when it does not fit). */
export async function updateScenario(input: UpdateInput, actor: string): Promise<CommittedChange> {
  const problems = new ProblemList();
  const scenarioId = problems.id("input.scenarioId", input.scenarioId, "Scenario");
  const name = input.name === undefined || input.name === null ? null : problems.text("input.name", input.name, { max: TEXT_LIMITS.name, required: true });
  const description = problems.text("input.description", input.description, { max: TEXT_LIMITS.description, required: false });
  problems.version("input.expectedVersion", input.expectedVersion);
  await throwWithUnknownScenarios(problems, [{ field: "input.scenarioId", key: scenarioId }]);

  return writeTransaction(async (tx) => {
    const scenario = await scenarioForEdit(tx, scenarioId!, input.expectedVersion);
    const update: { name?: string; description?: string | null; mustFit?: boolean } = {};
    const details: Record<string, { from: unknown; to: unknown }> = {};
    if (name !== null && name !== scenario.name) {
      update.name = name;
      details.name = { from: scenario.name, to: name };
    }
    if (input.description !== undefined && description !== scenario.description) {
      update.description = description;
      details.description = { from: scenario.description, to: description };
    }
    if (input.mustFit !== undefined && input.mustFit !== null && input.mustFit !== scenario.mustFit) {
      update.mustFit = input.mustFit;
      details.mustFit = { from: scenario.mustFit, to: input.mustFit };
    }
    if (Object.keys(update).length === 0) return commitChange(tx, scenario, { kind: "UPDATED", cells: [] }, actor);
    return commitChange(tx, scenario, { kind: "UPDATED", cells: [], scenarioUpdate: update, details }, actor);
  });
}

type StatusChange = "LOCK" | "UNLOCK" | "ARCHIVE" | "UNARCHIVE";

const STATUS_CHANGES: Record<StatusChange, { kind: ChangeKind; applies: (scenario: ScenarioForEdit) => boolean; update: Record<string, unknown> | (() => Record<string, unknown>) }> = {
  LOCK: { kind: "LOCKED", applies: (scenario) => !scenario.locked, update: { locked: true } },
  UNLOCK: { kind: "UNLOCKED", applies: (scenario) => scenario.locked, update: { locked: false } },
  ARCHIVE: { kind: "ARCHIVED", applies: (scenario) => scenario.archivedAt === null, update: () => ({ archivedAt: new Date() }) },
  UNARCHIVE: { kind: "UNARCHIVED", applies: (scenario) => scenario.archivedAt !== null, update: { archivedAt: null } },
};

/**
 * Locks, unlocks, archives or unarchives. Asking for the state a scenario is already in succeeds
 * without a new version. Baselines are always locked and never archived; an archived scenario must
 * be unarchived before it can be unlocked.
 */
export async function changeScenarioStatus(change: StatusChange, input: { scenarioId: string; expectedVersion?: number | null }, actor: string): Promise<CommittedChange> {
  const problems = new ProblemList();
  const scenarioId = problems.id("input.scenarioId", input.scenarioId, "Scenario");
  problems.version("input.expectedVersion", input.expectedVersion);
  await throwWithUnknownScenarios(problems, [{ field: "input.scenarioId", key: scenarioId }]);

  return writeTransaction(async (tx) => {
    const scenario = await findScenarioForWrite(tx, scenarioId!, "input.scenarioId");
    const step = STATUS_CHANGES[change];
    if (scenario.kind === "BASELINE" && change !== "LOCK") throw new ScenarioLockedError(scenario.id, "BASELINE");
    if (scenario.archivedAt && (change === "LOCK" || change === "UNLOCK")) throw new ScenarioLockedError(scenario.id, "ARCHIVED");
    assertVersion(scenario, input.expectedVersion);
    if (!step.applies(scenario)) return commitChange(tx, scenario, { kind: step.kind, cells: [] }, actor);
    const update = typeof step.update === "function" ? step.update() : step.update;
    return commitChange(tx, scenario, { kind: step.kind, cells: [], scenarioUpdate: update }, actor);
  });
}
