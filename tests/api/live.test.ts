import { createChangeFeed } from "@ramme/server/live/changeFeed.ts";
import { scenarioStream } from "@ramme/server/live/scenarioStream.ts";
import type { ScenarioChangedEvent } from "@ramme/server/live/scenarioChanged.ts";
import { yoga } from "@ramme/server/yoga.ts";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fingerprint, fork, mutate, setAllocation, setAllocations } from "../support/scenarios.ts";
import { asMember } from "../support/unions.ts";
import { subscribe, type Subscription } from "../support/sse.ts";
import { query } from "../support/graphql.ts";
import { gql } from "../support/documents.ts";

const SUBSCRIPTION = gql(`subscription ScenarioChanged($id: ID!, $after: Int) { scenarioChanged(scenarioId: $id, afterVersion: $after) {
  __typename
  ... on ScenarioChangedEvent {
    scenarioKey version kind actor comment cellsOnly fitsFrame linesAdded linesRemoved
    cells { initiativeKey year before after }
    yearTotals { year allocated frame headroom overBy fitsFrame }
  }
  ... on InvalidInputError { message problems { field code value } }
} }`);

const open: Array<Subscription<unknown>> = [];
async function watch(scenarioId: string, afterVersion?: number) {
  const subscription = await subscribe(async (url, init) => yoga.fetch(url, init), "http://ramme.test/graphql", SUBSCRIPTION, { id: scenarioId, after: afterVersion });
  open.push(subscription);
  return subscription;
}
afterEach(() => open.splice(0).forEach((subscription) => subscription.close()));

let whatIf: { key: string; version: number };
beforeEach(async () => {
  whatIf = await fork("aftale-2024", "Live");
});

const totalsOf = (edit: { yearTotals: unknown[] }) => edit.yearTotals;

/** The next result's data; a result without data fails the test, naming its errors. */
async function nextData<TData>(subscription: Subscription<TData>): Promise<TData> {
  const result = await subscription.next();
  if (!result.data) throw new Error(`expected data: ${JSON.stringify(result)}`);
  return result.data;
}

/** The change an event reports; a refusal fails the test, naming it. */
function changeOf<T extends { __typename: string }>(event: T): Extract<T, { __typename: "ScenarioChangedEvent" }> {
  if (!isChange(event)) throw new Error(`expected a change: ${JSON.stringify(event)}`);
  return event;
}
const isChange = <T extends { __typename: string }>(event: T): event is Extract<T, { __typename: "ScenarioChangedEvent" }> => event.__typename === "ScenarioChangedEvent";

describe("resuming as the SSE standard does: id and Last-Event-ID", () => {
  const KINDS_ONLY = gql(`subscription Kinds($id: ID!) { scenarioChanged(scenarioId: $id) { __typename ... on ScenarioChangedEvent { kind } ... on InvalidInputError { problems { field code } } } }`);
  const watchResuming = async (headers: Record<string, string>) => {
    const subscription = await subscribe(async (url, init) => yoga.fetch(url, init), "http://ramme.test/graphql", KINDS_ONLY, { id: whatIf.key }, headers);
    open.push(subscription);
    return subscription;
  };
  const edit = (year: number, expectedVersion: number) => setAllocation({ scenarioId: whatIf.key, initiativeId: "vmk", year, amount: "3.0", expectedVersion });

  it("each event carries id: the version, even when the selection leaves the version out; a reconnect with Last-Event-ID gets every change after it, once", async () => {
    const first = await watchResuming({});
    await edit(2025, 1);
    await edit(2026, 2);
    expect(changeOf((await nextData(first)).scenarioChanged).kind).toBe("CELLS_SET");
    expect(first.lastEventId()).toBe("2");
    await first.next();
    expect(first.lastEventId()).toBe("3");
    first.close();

    await edit(2027, 3);
    await edit(2024, 4);
    const resumed = await watchResuming({ "last-event-id": "3" });
    const versions: (string | null)[] = [];
    for (let index = 0; index < 2; index += 1) {
      await resumed.next();
      versions.push(resumed.lastEventId());
    }
    expect(versions).toEqual(["4", "5"]);
  });

  it("a Last-Event-ID that is not a version is refused at that header, nothing else", async () => {
    const refused = await watchResuming({ "last-event-id": "7abc" });
    expect((await nextData(refused)).scenarioChanged).toEqual({ __typename: "InvalidInputError", problems: [{ field: "Last-Event-ID", code: "NOT_A_NUMBER" }] });
    expect(refused.lastEventId()).toBeNull();
  });
});

describe("one shape for a year total", () => {
  it("the event's totals are YearTotals, equal to Scenario.yearTotals after the change; the old FrameYearTotal field still answers, deprecated", async () => {
    const subscription = await subscribe(
      async (url, init) => yoga.fetch(url, init),
      "http://ramme.test/graphql",
      gql(`subscription Totals($id: ID!) { scenarioChanged(scenarioId: $id) { __typename ... on ScenarioChangedEvent {
        version totals { __typename year allocated frame headroom overBy fitsFrame statedTotal outsideFrame { description amount fromYear toYear } }
        yearTotals { __typename year allocated frame headroom overBy fitsFrame } } } }`),
      { id: whatIf.key },
    );
    open.push(subscription);
    await setAllocation({ scenarioId: whatIf.key, initiativeId: "vmk", year: 2025, amount: "3.0", expectedVersion: 1 });
    const event = changeOf((await nextData(subscription)).scenarioChanged);
    const { scenario } = await query(
      gql(`query YearTotals($id: ID!) { scenario(id: $id) { yearTotals { __typename year allocated frame headroom overBy fitsFrame statedTotal outsideFrame { description amount fromYear toYear } } } }`),
      { id: whatIf.key },
    );
    expect(event.totals).toEqual(scenario!.yearTotals);
    // The fork carries the agreement's notes outside the frame: the event names them too.
    expect(event.totals.some((total) => total.outsideFrame.length > 0)).toBe(true);
    expect(event.yearTotals.map(({ __typename, ...rest }) => rest)).toEqual(
      event.totals.map(({ year, allocated, frame, headroom, overBy, fitsFrame }) => ({ year, allocated, frame, headroom, overBy, fitsFrame })),
    );
    // An introspection query: gql.tada does not type __type, so the answer is matched, not read.
    const fields = await query(`{ __type(name: "ScenarioChangedEvent") { fields(includeDeprecated: true) { name isDeprecated deprecationReason } } }`);
    expect(fields).toMatchObject({
      __type: {
        fields: expect.arrayContaining([
          { name: "yearTotals", isDeprecated: true, deprecationReason: expect.stringContaining("2027-06-30") },
          expect.objectContaining({ name: "totals", isDeprecated: false }),
        ]),
      },
    });
  });
});

describe("scenarioChanged over Server-Sent Events", () => {
  it("delivers each committed edit to every viewer: who, the cells before and after, the version and the same totals the editor got", async () => {
    const first = await watch(whatIf.key);
    const second = await watch(whatIf.key);
    const edit = asMember(await setAllocation({ scenarioId: whatIf.key, initiativeId: "vmk", year: 2025, amount: "3.0", expectedVersion: 1, comment: "Mere til VMK" }, { actor: "Søren Ø." }), "ScenarioEdit");
    expect(edit.__typename).toBe("ScenarioEdit");

    for (const viewer of [first, second]) {
      const data = await nextData(viewer);
      expect(data.scenarioChanged).toEqual({
        __typename: "ScenarioChangedEvent",
        scenarioKey: whatIf.key,
        version: 2,
        kind: "CELLS_SET",
        actor: "Søren Ø.",
        comment: "Mere til VMK",
        cellsOnly: true,
        fitsFrame: false,
        linesAdded: [],
        linesRemoved: [],
        cells: [{ initiativeKey: "vmk", year: 2025, before: "2.5", after: "3" }],
        yearTotals: totalsOf(edit),
      });
    }
  });

  it("sends a reconnecting viewer every change after the version it had, in order, each with the totals after it", async () => {
    const edits = [];
    edits.push(asMember(await setAllocation({ scenarioId: whatIf.key, initiativeId: "vmk", year: 2025, amount: "3.0", expectedVersion: 1 }), "ScenarioEdit"));
    edits.push(
      asMember(
        await setAllocations({ scenarioId: whatIf.key, expectedVersion: 2, cells: [{ initiativeId: "vmk", year: 2026, amount: "1" }, { initiativeId: "vmk", year: 2027, amount: "0" }] }),
        "ScenarioEdit",
      ),
    );
    edits.push(asMember(await setAllocation({ scenarioId: whatIf.key, initiativeId: "vmk", year: 2025, amount: "2.5", expectedVersion: 3 }), "ScenarioEdit"));
    expect(edits.map((edit) => edit.version)).toEqual([2, 3, 4]);

    const viewer = await watch(whatIf.key, 1);
    for (const edit of edits) {
      const change = changeOf((await nextData(viewer)).scenarioChanged);
      expect(change.version).toBe(edit.version);
      expect(change.cells).toEqual(edit.cells.map(({ initiativeKey, year, before, after }) => ({ initiativeKey, year, before, after })));
      expect(change.yearTotals).toEqual(edit.yearTotals);
    }
    // Then it goes on live.
    const live = asMember(await setAllocation({ scenarioId: whatIf.key, initiativeId: "vmk", year: 2024, amount: "9", expectedVersion: 4 }), "ScenarioEdit");
    expect((await nextData(viewer)).scenarioChanged).toMatchObject({ version: 5, yearTotals: live.yearTotals });
  });

  it("sends nothing for an edit that changed nothing, and marks a lock as a change to load the scenario again for", async () => {
    const viewer = await watch(whatIf.key);
    const same = asMember(await setAllocation({ scenarioId: whatIf.key, initiativeId: "vmk", year: 2025, amount: "2.5", expectedVersion: 1 }), "ScenarioEdit");
    expect(same.changed).toBe(false);
    const lock = await mutate("lockScenario", "ScenarioStatusInput", { scenarioId: whatIf.key });
    expect(lock.__typename).toBe("ScenarioEdit");
    const data = await nextData(viewer);
    expect(data.scenarioChanged).toMatchObject({ version: 2, kind: "LOCKED", cellsOnly: false, cells: [] });
  });

  it("refuses an unknown scenario, a malformed ID and a version the scenario has not reached with InvalidInputError, then ends", async () => {
    const cases: Array<[string, number | undefined, string, string]> = [
      ["ingen-saadan", undefined, "scenarioId", "UNKNOWN_SCENARIO"],
      [Buffer.from("Initiative:vmk").toString("base64"), undefined, "scenarioId", "MALFORMED_ID"],
      [whatIf.key, 99, "afterVersion", "UNKNOWN_VERSION"],
      [whatIf.key, -1, "afterVersion", "UNKNOWN_VERSION"],
    ];
    const before = await fingerprint();
    for (const [id, after, field, code] of cases) {
      const viewer = await watch(id, after);
      const { scenarioChanged: refusal } = await nextData(viewer);
      expect(refusal.__typename).toBe("InvalidInputError");
      if (refusal.__typename !== "InvalidInputError") throw new Error(`expected invalid input: ${JSON.stringify(refusal)}`);
      expect(refusal.problems).toEqual([{ field, code, value: expect.any(String) }]);
      expect(await viewer.completed()).toBe(true);
    }
    expect(await fingerprint()).toBe(before);
  });
});

describe("a stream never misses a change the feed lost", () => {
  /** Reads what a stream yields until `count` changes have arrived. */
  async function take(stream: AsyncIterable<ScenarioChangedEvent>, count: number) {
    const seen: number[] = [];
    for await (const event of stream) {
      seen.push(event.version);
      if (seen.length === count) break;
    }
    return seen;
  }

  it("reads a dropped message from the history when the next one arrives out of sequence", async () => {
    // A feed of our own that hears only what the test forwards: the real edits go to the server's feed.
    const feed = createChangeFeed({ resyncIntervalMs: 3_600_000 });
    const events: ScenarioChangedEvent[] = [];
    const reading = (async () => {
      for await (const event of scenarioStream(feed, whatIf.key, 1)) if (events.push(event) === 3) break;
    })();
    await new Promise((resolve) => setTimeout(resolve, 50)); // the stream's start-up check finds nothing new
    const edits = [];
    for (const [index, amount] of ["3", "4", "5"].entries()) {
      edits.push(asMember(await setAllocation({ scenarioId: whatIf.key, initiativeId: "vmk", year: 2025, amount, expectedVersion: index + 1 }), "ScenarioEdit"));
    }
    // Versions 2 and 3 are "lost"; an empty message for 4 arrives: the stream must read 2, 3 and 4 from the history.
    feed.publish(eventFor(whatIf.key, edits[2]!.version));
    await reading;
    expect(events.map((event) => event.version)).toEqual([2, 3, 4]);
    expect(events.map((event) => event.cells.map((cell) => cell.after))).toEqual([[300_000_000n], [400_000_000n], [500_000_000n]]);
    await feed.close();
  });

  it("checks the history when the feed asks it to (Redis back after an outage, or the backstop timer)", async () => {
    const feed = createChangeFeed({ resyncIntervalMs: 100 });
    const stream = scenarioStream(feed, whatIf.key, 1);
    const versions = take(stream, 2);
    await setAllocation({ scenarioId: whatIf.key, initiativeId: "vmk", year: 2025, amount: "3", expectedVersion: 1 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await setAllocation({ scenarioId: whatIf.key, initiativeId: "vmk", year: 2025, amount: "4", expectedVersion: 2 });
    // Nothing is forwarded on this feed: only its resync finds the two changes.
    expect(await versions).toEqual([2, 3]);
    await feed.close();
  });

  it("ends every open stream when the feed closes (server shutdown)", async () => {
    const feed = createChangeFeed();
    const stream = scenarioStream(feed, whatIf.key, 1);
    const ended = (async () => {
      for await (const _event of stream) {
        // no changes are made
      }
      return "ended";
    })();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await feed.close();
    expect(await ended).toBe("ended");
  });
});

/** A feed message for a version, with nothing in it but the version: the stream must not trust it for content it lacks. */
function eventFor(scenarioId: string, version: number): ScenarioChangedEvent {
  return { scenarioId, version, changeId: 0, kind: "CELLS_SET", actor: "x", at: new Date(), comment: null, cells: [], linesAdded: [], linesRemoved: [], yearTotals: [] };
}
