/**
 * Live updates: `scenarioChanged` streams every committed change of a scenario over Server-Sent
 * Events (graphql-yoga's built-in transport). The stream itself is live/scenarioStream.ts. Only a
 * caller who may see the scenario subscribes, and the stream ends when that stops being so.
 */
import type { FrameYearTotal } from "@ramme/domain";
import { stillVisible, whileVisible } from "../auth/access.ts";
import { builder } from "../builder.ts";
import { InvalidInputError } from "../engine/errors.ts";
import { ProblemList } from "../engine/input.ts";
import { changeFeed } from "../live/changeFeed.ts";
import { lastEventId, recordEventId } from "../live/eventIds.ts";
import { scenarioVersion } from "../live/missedChanges.ts";
import { changesOnlyCells, type ScenarioChangedEvent } from "../live/scenarioChanged.ts";
import { scenarioStream } from "../live/scenarioStream.ts";
import { visibleScenarioFields } from "./visibleScenario.ts";
import { CellDifferenceRef } from "./errors.ts";
import { ChangeKindEnum } from "./history.ts";
import { YearTotalRef } from "./scenario.ts";
import { db } from "../db.ts";
import { scenarioYearTotals, type YearTotalShape } from "../engine/yearTotals.ts";

/** Kept until 2027-06-30 (docs/api.md, Deprecation policy). */
export const YEAR_TOTAL_SHAPE_DEPRECATION = "Use `totals` (YearTotal, the shape of Scenario.yearTotals) instead. Kept until 2027-06-30.";

export const FrameYearTotalRef = builder.objectRef<FrameYearTotal>("FrameYearTotal").implement({
  description:
    "A year's allocated total against the frame (YearTotal without the documents' printed totals and notes). Only the deprecated `yearTotals` fields give it; " +
    "`totals` gives the same figures as YearTotal.",
  fields: (t) => ({
    year: t.exposeInt("year", { description: "The frame year." }),
    allocated: t.expose("allocated", { type: "Decimal", description: "Sum of every line's amount that year." }),
    frame: t.expose("frame", { description: "The frame that year.", type: "Decimal" }),
    headroom: t.expose("headroom", { type: "Decimal", description: "frame - allocated; negative when over." }),
    overBy: t.expose("overBy", { type: "Decimal", description: "How much the year is over the frame; 0 when it fits." }),
    fitsFrame: t.exposeBoolean("fits", { description: "True when allocated ≤ frame." }),
  }),
});

const ScenarioChangedEventRef = builder.objectRef<ScenarioChangedEvent>("ScenarioChangedEvent").implement({
  description: "One committed change to a scenario, as live viewers receive it: who, which cells from what to what, and the totals after it.",
  fields: (t) => ({
    ...visibleScenarioFields(t, "The scenario changed; null only when the caller may no longer see it (the stream then ends)."),
    version: t.exposeInt("version", { description: "The scenario's version after the change. Versions arrive in order, each once." }),
    kind: t.field({ description: "What kind of change it was.", type: ChangeKindEnum, resolve: (event) => event.kind }),
    actor: t.exposeString("actor", { description: "Who made the change." }),
    at: t.expose("at", { description: "When it was committed.", type: "DateTime" }),
    comment: t.exposeString("comment", { description: "The reason given with the change.", nullable: true }),
    cells: t.field({ type: [CellDifferenceRef], description: "The cells it changed, before and after.", resolve: (event) => event.cells }),
    linesAdded: t.stringList({ description: "Keys of initiatives that became lines of the scenario.", resolve: (event) => event.linesAdded }),
    linesRemoved: t.stringList({ description: "Keys of initiatives whose lines were taken out.", resolve: (event) => event.linesRemoved }),
    cellsOnly: t.boolean({
      description:
        "True when applying `cells` to the lines already shown brings a view up to date. False when lines came or went, or the name, " +
        "lock, archive or must-fit changed: load the scenario again.",
      resolve: (event) => changesOnlyCells(event),
    }),
    yearTotals: t.field({
      type: [FrameYearTotalRef],
      description: "The scenario's totals per frame year after the change.",
      deprecationReason: YEAR_TOTAL_SHAPE_DEPRECATION,
      resolve: (event) => event.yearTotals,
    }),
    totals: t.field({
      type: [YearTotalRef],
      description: "The scenario's totals per frame year after the change, in the shape of Scenario.yearTotals (with the documents' notes outside the frame and printed totals).",
      resolve: (event) => eventTotals(event),
    }),
    fitsFrame: t.boolean({ description: "True when every year is within the frame after the change.", resolve: (event) => event.yearTotals.every((total) => total.fits) }),
  }),
});

/** One event goes to every viewer on this instance: its totals are read once, not once per viewer. */
const totalsOfEvent = new WeakMap<ScenarioChangedEvent, Promise<YearTotalShape[]>>();
function eventTotals(event: ScenarioChangedEvent): Promise<YearTotalShape[]> {
  let totals = totalsOfEvent.get(event);
  if (!totals) {
    const frameYears = event.yearTotals.map((total) => ({ year: total.year, amount: total.frame }));
    totals = scenarioYearTotals(db, event.scenarioId, frameYears, new Map(event.yearTotals.map((total) => [total.year, total.allocated])));
    totalsOfEvent.set(event, totals);
  }
  return totals;
}

builder.subscriptionType({ authScopes: { signedIn: true }, description: "Live updates over Server-Sent Events (GET or POST /graphql with Accept: text/event-stream)." });

/** What the stream yields: a change, or (once, then the stream ends) why it could not start. */
type Delivery = ScenarioChangedEvent | InvalidInputError;

async function* refusal(error: InvalidInputError): AsyncGenerator<Delivery> {
  yield error;
}

builder.subscriptionField("scenarioChanged", (t) =>
  t.field({
    type: ScenarioChangedEventRef,
    description:
      "Every change committed to the scenario from now on, by anyone on any server instance, in version order and each once. " +
      "Give `afterVersion` (the version you show) to receive first every change made since: after a reconnect nothing is missed.",
    errors: { types: [InvalidInputError] },
    args: {
      scenarioId: t.arg.id({ required: true, description: "The scenario's global ID or key." }),
      afterVersion: t.arg.int({
        description: "The version the client has; changes after it are sent first. Omit to start from now (or from the Last-Event-ID header a reconnecting EventSource sends).",
      }),
    },
    authScopes: (_root, args) => ({ readScenarios: [{ field: "scenarioId", id: args.scenarioId }] }),
    subscribe: async (_root, args, context): Promise<AsyncIterable<Delivery>> => {
      const problems = new ProblemList();
      const scenarioId = problems.id("scenarioId", String(args.scenarioId), "Scenario");
      // A browser's EventSource reconnects with the last event's id (its version, live/eventIds.ts); the argument wins when both are given.
      const resumed = lastEventId(context.request);
      const [afterField, afterVersion] = args.afterVersion != null ? ["afterVersion", args.afterVersion] : ["Last-Event-ID", resumed.version];
      if (args.afterVersion == null && resumed.given && resumed.version === null) {
        problems.add("Last-Event-ID", "NOT_A_NUMBER", "the Last-Event-ID header is not a version.", context.request.headers.get("last-event-id")!.slice(0, 60));
      }
      if (afterVersion !== null && afterVersion < 0) {
        problems.add(afterField, "UNKNOWN_VERSION", `versions start at 1 (got ${afterVersion}).`, String(afterVersion));
      }
      const current = scenarioId === null ? null : await scenarioVersion(scenarioId);
      if (scenarioId !== null && current === null) problems.add("scenarioId", "UNKNOWN_SCENARIO", `there is no scenario ${JSON.stringify(String(args.scenarioId))}.`, String(args.scenarioId));
      if (current !== null && afterVersion !== null && afterVersion > current) {
        problems.add(afterField, "UNKNOWN_VERSION", `the scenario is at version ${current} (got ${afterVersion}).`, String(afterVersion));
      }
      if (problems.problems.length > 0) return refusal(new InvalidInputError(problems.problems));
      // Checked again before each change goes out: a share taken back, the session signed out, the
      // token revoked or the user disabled ends the stream there.
      return whileVisible(scenarioStream(changeFeed(), scenarioId!, afterVersion ?? current!), () => stillVisible(context.caller, scenarioId!));
    },
    resolve: (delivery: Delivery, _args, context) => {
      if (delivery instanceof Error) throw delivery;
      recordEventId(context.request, delivery.version);
      return delivery;
    },
  }),
);
