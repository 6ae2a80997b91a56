/**
 * Live updates across server instances: two servers on one PostgreSQL with a Redis between them.
 * An edit through one reaches a viewer of the other; a viewer whose connection drops catches up
 * from its version; with Redis gone, viewers still get every change (from the database) and the
 * edits go on and, when Redis is back, viewers are brought up to date from the database. Nothing is
 * ever missed or repeated. The servers' backstop timer is set beyond the test's length, so what
 * arrives came through Redis or a catch-up the protocol itself triggers.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { databaseFromTemplate } from "../support/globalSetupPostgres.ts";
import { redisAvailable, startRedis, type RedisProcess } from "../support/redisProcess.ts";
import { startServer, type ServerProcess } from "../support/serverProcess.ts";
import { gql, type ResultOf } from "../support/documents.ts";
import { subscribe, type Subscription } from "../support/sse.ts";
import { forkOverHttp, mutateOverHttp } from "./support/scenarioOverHttp.ts";

const SUBSCRIPTION = gql(`subscription($id: ID!, $after: Int) {
  scenarioChanged(scenarioId: $id, afterVersion: $after) {
    __typename
    ... on ScenarioChangedEvent { version actor cells { initiativeKey year before after } yearTotals { year allocated headroom } }
  }
}`);

let redis: RedisProcess;
let editor: ServerProcess;
let viewerServer: ServerProcess;
let scenario: string;
let version = 1;
const open: Array<Subscription<ResultOf<typeof SUBSCRIPTION>>> = [];

async function watch(server: ServerProcess, afterVersion?: number) {
  const subscription = await subscribe(fetch, `${server.baseUrl}/graphql`, SUBSCRIPTION, { id: scenario, after: afterVersion });
  open.push(subscription);
  return subscription;
}

/** An edit through the editing instance; returns the version and totals it was acknowledged with. */
async function edit(amount: string, actor = "Forhandler A") {
  const answer = await mutateOverHttp(editor.baseUrl, "setAllocation", "SetAllocationInput", { scenarioId: scenario, initiativeId: "vmk", year: 2025, amount, expectedVersion: version }, { actor });
  const result = answer.data?.setAllocation;
  expect(result?.__typename, JSON.stringify(answer)).toBe("ScenarioEdit");
  if (result?.__typename !== "ScenarioEdit") throw new Error(JSON.stringify(answer));
  version = result.version;
  return result;
}

async function nextChange(subscription: Subscription<ResultOf<typeof SUBSCRIPTION>>, timeoutMs = 15_000) {
  const result = await subscription.next(timeoutMs);
  expect(result.errors).toBeUndefined();
  const event = result.data?.scenarioChanged;
  expect(event?.__typename).toBe("ScenarioChangedEvent");
  if (event?.__typename !== "ScenarioChangedEvent") throw new Error(JSON.stringify(result));
  return event;
}

describe.skipIf(!redisAvailable())("live updates across two instances (PostgreSQL + Redis)", () => {
  beforeAll(async () => {
    redis = await startRedis();
    const databaseUrl = await databaseFromTemplate(inject("postgresRun"), inject("postgresTemplate"));
    const env = { REDIS_URL: redis.url, RAMME_LIVE_RESYNC_MS: "600000" };
    [editor, viewerServer] = await Promise.all([startServer({ databaseUrl, env }), startServer({ databaseUrl, env })]);
    expect(editor.output()).toContain("shared with other instances through Redis");
    scenario = await forkOverHttp(editor.baseUrl, "Live på tværs");
  });

  afterAll(async () => {
    open.splice(0).forEach((subscription) => subscription.close());
    await Promise.all([editor?.stop(), viewerServer?.stop()]);
    await redis?.stop();
  });

  it("delivers an edit made through one instance to viewers of both, with who made it and the new totals", async () => {
    const onOther = await watch(viewerServer);
    const onSame = await watch(editor);
    // Give the servers a moment to subscribe at Redis, so the event travels through it (an edit
    // before that would still arrive, by the catch-up when Redis confirms the subscription).
    await new Promise((resolve) => setTimeout(resolve, 500));
    const acknowledged = await edit("3", "Søren Ø.");
    for (const viewer of [onOther, onSame]) {
      const event = await nextChange(viewer);
      expect(event).toMatchObject({ version: acknowledged.version, actor: "Søren Ø.", cells: [{ initiativeKey: "vmk", year: 2025, before: "2.5", after: "3" }] });
      expect(event.yearTotals.find((total) => total.year === 2025)?.allocated).toBe("100.5");
    }
    onOther.close();
    onSame.close();
  });

  it("a viewer whose connection dropped mid-stream gets every change it missed when it reconnects, then live ones", async () => {
    const viewer = await watch(viewerServer, version);
    const first = await edit("4");
    expect((await nextChange(viewer)).version).toBe(first.version);
    viewer.close(); // the connection drops

    const missed = [await edit("5"), await edit("6")];
    const again = await watch(viewerServer, first.version);
    expect((await nextChange(again)).version).toBe(missed[0]!.version);
    expect((await nextChange(again)).version).toBe(missed[1]!.version);
    const live = await edit("7");
    expect((await nextChange(again)).version).toBe(live.version);
    again.close();
  });

  it("with Redis down, edits still succeed and reach viewers on the same instance; when it is back, viewers on the other get every change made meanwhile, nothing lost or repeated", async () => {
    const viewer = await watch(viewerServer, version);
    const besideEditor = await watch(editor, version);
    await new Promise((resolve) => setTimeout(resolve, 500)); // let the servers subscribe at Redis first
    await redis.stop();
    await expect.poll(() => editor.output().includes("Redis (publish) is unreachable") && viewerServer.output().includes("Redis (subscribe) is unreachable"), { timeout: 20_000 }).toBe(true);
    const duringOutage = [await edit("8"), await edit("9")];
    // A viewer on the instance that made the changes gets them during the outage, from the database.
    for (const acknowledged of duringOutage) expect((await nextChange(besideEditor)).version).toBe(acknowledged.version);
    besideEditor.close();

    await redis.start();
    // Reconnected, each server reads what its viewers missed from the database, in order.
    for (const acknowledged of duringOutage) expect((await nextChange(viewer, 30_000)).version).toBe(acknowledged.version);
    await expect.poll(() => viewerServer.output().includes("Redis (subscribe) is back") && editor.output().includes("Redis (publish) is back"), { timeout: 20_000 }).toBe(true);
    const afterOutage = await edit("10");
    expect((await nextChange(viewer)).version).toBe(afterOutage.version);
    expect(editor.isRunning() && viewerServer.isRunning()).toBe(true);
    viewer.close();

    // A fresh viewer from the fork's version sees the whole history exactly once, in order.
    const everything = await watch(viewerServer, 1);
    const versions: number[] = [];
    while (versions.length < version - 1) versions.push((await nextChange(everything)).version);
    expect(versions).toEqual(Array.from({ length: version - 1 }, (_, index) => index + 2));
  });
});
