/**
 * Who may see and change which scenario. This is the one rule; scope-auth (builder.ts) applies it
 * to every field that names a scenario and to every Scenario object any field returns, and the
 * lists (scenarios, lineage, changesSince) filter with `visibleScenariosWhere`, which says the same
 * thing in SQL.
 *
 * - The local single-user (RAMME_AUTH=local) owns everything.
 * - A baseline is public to every signed-in caller and immutable: the engine refuses any change to
 *   one (ScenarioLockedError BASELINE), so the rule adds nothing and the same typed error answers
 *   every caller.
 * - A what-if belongs to the organisation of whoever forked it: its members own it. It is hidden
 *   from everyone else until shared with their organisation, READ or EDIT.
 * - The caller's role caps what the access allows: a viewer or a READ token writes nothing
 *   (the Mutation type's `mayWrite` scope), whatever the scenario's access.
 *
 * A scenario the caller may not see is answered exactly as one that does not exist, so ids of other
 * organisations' drafts cannot be probed.
 */
import { db, type Database } from "../db.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { keyFromId } from "../engine/input.ts";
import { END_OF_STREAM, mapResultsUntil } from "../mapResults.ts";
import type { Caller } from "./caller.ts";
import { callerNow } from "./identify.ts";

/** What a caller may do with a scenario, each level including the ones before it. */
export type ScenarioAccess = "NONE" | "READ" | "EDIT" | "OWNER";
/** What a share grants another organisation. */
export type ShareAccess = "READ" | "EDIT";
export const SHARE_ACCESSES: readonly ShareAccess[] = ["READ", "EDIT"];

/** The columns the rule needs. */
export interface ScenarioOwnership {
  id: string;
  kind: string;
  organisationId: string | null;
}

const RANK: Record<ScenarioAccess, number> = { NONE: 0, READ: 1, EDIT: 2, OWNER: 3 };
export const grants = (access: ScenarioAccess, needed: ScenarioAccess): boolean => RANK[access] >= RANK[needed];

/** The rule, for one scenario and the share (if any) its organisation gave the caller's. */
export function accessOf(caller: Caller, scenario: ScenarioOwnership, share: ShareAccess | undefined): ScenarioAccess {
  if (caller.kind === "local") return "OWNER";
  if (caller.kind === "anonymous") return "NONE";
  if (scenario.kind === "BASELINE") return "OWNER";
  if (scenario.organisationId !== null && scenario.organisationId === caller.user.organisation.id) return "OWNER";
  return share ?? "NONE";
}

/** The same rule as a Prisma filter: the scenarios the caller may see. */
export function visibleScenariosWhere(caller: Caller): Prisma.ScenarioWhereInput {
  if (caller.kind === "local") return {};
  if (caller.kind === "anonymous") return { id: { in: [] } };
  const organisationId = caller.user.organisation.id;
  return { OR: [{ kind: "BASELINE" }, { organisationId }, { shares: { some: { organisationId } } }] };
}

/**
 * The initiatives the caller may see. The documents' are everyone's; a proposal (a line a what-if
 * added, with a title of its own) is seen where it appears: as a line of, or in the history of, a
 * scenario the caller may see. Its title is as confidential as the draft that proposed it.
 */
export function visibleInitiativesWhere(caller: Caller): Prisma.InitiativeWhereInput {
  if (caller.kind === "local") return {};
  const scenario = visibleScenariosWhere(caller);
  return { OR: [{ origin: "DOCUMENT" }, { lines: { some: { scenario } } }, { lineChanges: { some: { change: { scenario } } } }] };
}

/** The shares a caller may see: all of those of its own organisation's what-ifs, and its own organisation's share of anyone's. */
export function visibleSharesWhere(caller: Caller): Prisma.ScenarioShareWhereInput {
  if (caller.kind === "local") return {};
  if (caller.kind === "anonymous") return { organisationId: { in: [] } };
  const organisationId = caller.user.organisation.id;
  return { OR: [{ scenario: { organisationId } }, { organisationId }] };
}

/** A scenario a field names in its arguments: the argument's path (for the error) and the ID or key as sent. */
export interface ScenarioArgument {
  field: string;
  id: unknown;
}

/**
 * The scenarios a list argument names, for a scope: at most `max`, the most the field accepts. A
 * longer list is refused by the field itself (its length is checked before anything else), so the
 * scope never reads the owners of a hostile list's thousands of IDs.
 */
export function scenarioArguments(field: string, ids: readonly unknown[], max: number): ScenarioArgument[] {
  return ids.slice(0, max).map((id, index) => ({ field: `${field}[${index}]`, id }));
}

/** Why a check failed, for the error the caller gets (builder.ts `unauthorizedError`). */
export interface ScenarioRefusal {
  field: string;
  /** The ID or key as the client sent it (what an unknown scenario's error echoes too). */
  id: string;
  access: ScenarioAccess;
  needed: ScenarioAccess;
}

/**
 * The rule for one request: the shares given to the caller's organisation are read once, and each
 * scenario's owner once, however many fields ask.
 */
export class ScenarioGuard {
  private sharesGiven: Promise<Map<string, ShareAccess>> | null = null;
  private readonly owners = new Map<string, Promise<ScenarioOwnership | null>>();
  private visibleProposals: Promise<Set<string>> | null = null;
  private readonly refusals = new WeakMap<object, ScenarioRefusal>();

  constructor(
    readonly caller: Caller,
    private readonly client: Database,
  ) {}

  /** The caller's access to a scenario whose row is at hand; the shares are read only when the rule needs them. */
  async accessTo(scenario: ScenarioOwnership): Promise<ScenarioAccess> {
    const withoutShare = accessOf(this.caller, scenario, undefined);
    if (withoutShare !== "NONE" || (this.caller.kind !== "session" && this.caller.kind !== "token")) return withoutShare;
    return accessOf(this.caller, scenario, (await this.shares()).get(scenario.id));
  }

  /** Whether the caller may see the scenario (a row at hand, or a key; an unknown key: no). */
  async sees(scenario: ScenarioOwnership | string): Promise<boolean> {
    const access = typeof scenario === "string" ? await this.accessToKey(scenario) : await this.accessTo(scenario);
    return access !== null && access !== "NONE";
  }

  /** The caller's access to a scenario by key; null when there is none. */
  async accessToKey(key: string): Promise<ScenarioAccess | null> {
    if (this.caller.kind === "local") return "OWNER";
    const owner = await this.owner(key);
    return owner === null ? null : this.accessTo(owner);
  }

  /**
   * True when the caller has at least `needed` on every scenario the arguments name. An ID that
   * names no scenario passes: the resolver answers it as unknown, which is what a hidden one is
   * answered with too (the refusal is recorded for `refusalOf`).
   */
  async allow(scenarios: readonly ScenarioArgument[], needed: ScenarioAccess): Promise<boolean> {
    if (this.caller.kind === "local") return true;
    const named = scenarios.flatMap((argument) => {
      if (argument.id === null || argument.id === undefined) return [];
      const sent = String(argument.id);
      const key = keyFromId(sent, "Scenario");
      return key === null ? [] : [{ field: argument.field, sent, key }];
    });
    await this.loadOwners(named.map((argument) => argument.key));
    for (const { field, sent, key } of named) {
      const access = await this.accessToKey(key);
      if (access === null || grants(access, needed)) continue;
      this.refusals.set(scenarios, { field, id: sent, access, needed });
      return false;
    }
    return true;
  }

  /**
   * Whether the caller may see a proposal (visibleInitiativesWhere). Every proposal the caller may
   * see is read once per request, in one statement (proposals are tens to thousands), so a grid of
   * 600 proposals costs one statement, not 600.
   */
  async seesInitiative(key: string): Promise<boolean> {
    if (this.caller.kind === "local") return true;
    this.visibleProposals ??= this.client.initiative
      .findMany({ where: { origin: "PROPOSAL", ...visibleInitiativesWhere(this.caller) }, select: { id: true } })
      .then((rows) => new Set(rows.map((row) => row.id)));
    return (await this.visibleProposals).has(key);
  }

  /** Why `allow(scenarios, …)` said no. */
  refusalOf(scenarios: object): ScenarioRefusal | undefined {
    return this.refusals.get(scenarios);
  }

  /** Reads the owners of the keys not read yet, in one statement however many a field names. */
  private async loadOwners(keys: readonly string[]): Promise<void> {
    const missing = [...new Set(keys.filter((key) => !this.owners.has(key)))];
    if (missing.length === 0) return;
    const rows = this.client.scenario.findMany({ where: { id: { in: missing } }, select: { id: true, kind: true, organisationId: true } });
    const byKey = rows.then((found) => new Map(found.map((row) => [row.id, row])));
    for (const key of missing) this.owners.set(key, byKey.then((found) => found.get(key) ?? null));
    await rows;
  }

  private owner(key: string): Promise<ScenarioOwnership | null> {
    let owner = this.owners.get(key);
    if (!owner) {
      owner = this.client.scenario.findUnique({ where: { id: key }, select: { id: true, kind: true, organisationId: true } });
      this.owners.set(key, owner);
    }
    return owner;
  }

  private shares(): Promise<Map<string, ShareAccess>> {
    if (!this.sharesGiven) {
      const organisationId = this.caller.kind === "session" || this.caller.kind === "token" ? this.caller.user.organisation.id : "";
      this.sharesGiven = this.client.scenarioShare
        .findMany({ where: { organisationId }, select: { scenarioId: true, access: true } })
        .then((rows) => new Map(rows.map((row) => [row.scenarioId, row.access as ShareAccess])));
    }
    return this.sharesGiven;
  }
}

/**
 * Whether the caller may still see the scenario, read afresh (for a stream that outlives its
 * request): its session still open or its token not revoked, its user not disabled, and the
 * scenario visible to it as it stands now.
 */
export async function stillVisible(caller: Caller, key: string): Promise<boolean> {
  return new ScenarioGuard(await callerNow(caller), db).sees(key);
}

/**
 * The events while `visible()` says yes before each: the first no ends the stream (and stops its
 * source). Not an async generator, so a client that goes away ends it at once (mapResults.ts).
 */
export function whileVisible<T>(events: AsyncIterable<T>, visible: () => Promise<boolean>): AsyncIterableIterator<T> {
  return mapResultsUntil(events, async (event) => ((await visible()) ? event : END_OF_STREAM));
}
