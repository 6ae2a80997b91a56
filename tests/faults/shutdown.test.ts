/**
 * Graceful shutdown: SIGTERM (a deploy, a scale-down) ends live streams cleanly, refuses new
 * connections, lets the request in flight finish and commit, and exits 0; the edit is there after
 * a restart.
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, inject, it } from "vitest";
import { startServer, type ServerProcess } from "../support/serverProcess.ts";
import { subscribe } from "../support/sse.ts";
import { forkOverHttp, readScenario } from "./support/scenarioOverHttp.ts";

const scratch = mkdtempSync(path.join(tmpdir(), "ramme-shutdown-"));
const servers: ServerProcess[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  rmSync(scratch, { recursive: true, force: true });
});

/** Starts a POST whose body arrives in two parts, so the request is in flight until `finish()`. */
function requestInTwoParts(baseUrl: string, body: string) {
  const url = new URL(`${baseUrl}/graphql`);
  let answer!: Promise<{ status: number; body: string }>;
  const outgoing = request({ host: url.hostname, port: url.port, path: url.pathname, method: "POST", headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } });
  answer = new Promise((resolve, reject) => {
    outgoing.on("response", (response) => {
      let text = "";
      response.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    outgoing.on("error", reject);
  });
  const half = Math.floor(body.length / 2);
  outgoing.write(body.slice(0, half));
  outgoing.flushHeaders();
  return {
    answer,
    finish: () => outgoing.end(body.slice(half)),
  };
}

it("SIGTERM completes live streams, refuses new connections, finishes the request in flight and exits 0 with the edit stored", async () => {
  const file = path.join(scratch, "ramme.db");
  copyFileSync(inject("templateDatabase"), file);
  const server = await startServer({ databaseUrl: `file:${file}` });
  servers.push(server);
  const scenario = await forkOverHttp(server.baseUrl, "Lukkes pænt");

  const viewer = await subscribe(fetch, `${server.baseUrl}/graphql`, `subscription($id: ID!) { scenarioChanged(scenarioId: $id) { __typename } }`, { id: scenario });
  const edit = requestInTwoParts(
    server.baseUrl,
    JSON.stringify({
      query: `mutation($input: SetAllocationInput!) { setAllocation(input: $input) { __typename ... on ScenarioEdit { version } } }`,
      variables: { input: { scenarioId: scenario, initiativeId: "vmk", year: 2025, amount: "3.5", expectedVersion: 1 } },
    }),
  );
  // The request has reached the server (headers and half its body) before the signal.
  await new Promise((resolve) => setTimeout(resolve, 200));

  process.kill(server.pid, "SIGTERM");
  expect(await viewer.completed(10_000)).toBe(true);
  await expect(fetch(`${server.baseUrl}/graphql?query=%7B__typename%7D`)).rejects.toThrow();
  expect(server.isRunning()).toBe(true); // still waiting for the request in flight

  edit.finish();
  const answer = await edit.answer;
  expect(answer.status).toBe(200);
  expect(JSON.parse(answer.body).data.setAllocation).toEqual({ __typename: "ScenarioEdit", version: 2 });
  expect(await server.exited).toEqual({ code: 0, signal: null });
  expect(server.output()).toContain("SIGTERM: finishing requests in flight");
  expect(server.output()).toContain("Stopped.");

  const restarted = await server.restart();
  servers.push(restarted);
  const stored = await readScenario(restarted.baseUrl, scenario);
  expect(stored.version).toBe(2);
  expect(stored.cells.get("vmk/2025")).toBe("3.5");
});
