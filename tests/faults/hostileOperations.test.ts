/**
 * No request breaks the server (issue 15): hostile operations generated from the schema
 * (docs/schema.graphql), not hand-picked, against a real server process on the benchmark's
 * 5,000-line dataset:
 *
 * - every list path nested to the depth limit, from every query that can be reached;
 * - the costliest of those that pass the cost limit, under the most aliases allowed;
 * - one fragment spread as often as the token limit lets it;
 * - every list argument at its largest (100,000 IDs);
 * - each of the web client's persisted operations, by hash, with huge variables.
 *
 * For each: refused before execution, or answered (data, a typed error, or the budget's
 * EXECUTION_TIME_EXCEEDED / RESPONSE_TOO_LARGE / SERVER_BUSY) within the time budget and a grace.
 * Meanwhile the server's RSS (from /proc) stays under RSS_CEILING_MB and a /healthz poll never
 * waits longer than HEALTHZ_BOUND_MS. The figures are printed; .ci/run's faults step runs it.
 */
import { readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import {
  buildSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLObjectType,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "../../bench/src/dataset.ts";
import { postgresServerUrl } from "../support/globalSetupPostgres.ts";
import { repoRoot, startServer, type ServerProcess } from "../support/serverProcess.ts";

/** The stated bounds (docs/api.md "Limits and refusals", docs/operations.md). */
const RSS_CEILING_MB = 1_000;
/**
 * The longest a /healthz probe may wait on a machine that is not loaded by others: 3 s, the bound
 * this suite holds. Before taking turns a single request held it for 105 s; with turns, but before
 * exports, imports and the response measure took them, this suite measured 719 ms on a quiet
 * machine and 3.8 s at load 5.1 on 2 cores, and held 5 s; after, 3.8 s at load 16.8. It is not yet
 * the issue's aim of about 100 ms: the server takes turns of about 25 ms of CPU
 * (server/src/cooperative.ts), but single statements and steps that are not split (a 5,000-line
 * scenario's lines with their initiatives, one sheet's XML in exceljs, parsing a 4 MB body,
 * serialising a large answer) still hold the loop for up to about a second each on a 2-core machine
 * (`node scripts/loop-stalls.mjs` prints them per operation). On a machine with more runnable
 * processes than cores the server gets its share of the CPU only, so every wait is stretched by about
 * load / cores: the bound is scaled by the highest one-minute load average seen during the run over
 * the number of cores (never below 1).
 */
const HEALTHZ_BOUND_MS = 3_000;
const MAX_EXECUTION_MS = 5_000;
/** Past the time budget: the last field it was resolving finishes, and the answer is written. */
const GRACE_MS = 5_000;
const MAX_DEPTH = 15;
const MAX_ALIASES = 15;

const schema = buildSchema(readFileSync(path.join(repoRoot, "docs/schema.graphql"), "utf8"));
const BASELINE = "bench-grundlag-5000";
const scenarioGlobalId = (key: string) => Buffer.from(`Scenario:${key}`).toString("base64");
const many = (count: number, value: string) => Array.from({ length: count }, () => value);
/** Ten what-ifs forked from the baseline through the API (beforeAll). */
const whatIfs: string[] = [];

// ---- Generating operations from the schema -------------------------------------------------

/** A literal for an argument, or null when the field cannot be asked without an input object. */
function literal(argument: GraphQLArgument, largeLists: boolean): string | null {
  const type = getNullableType(argument.type);
  if (isListType(type)) {
    const item = getNamedType(type);
    if (item.name !== "ID" && item.name !== "String") return isNonNullType(argument.type) ? null : "";
    // Within the body limit the ID lists are as long as a client can send; otherwise the largest a field accepts.
    return JSON.stringify(largeLists ? many(100_000, BASELINE) : whatIfs.slice(0, 10));
  }
  if (isInputObjectType(type)) return null;
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isScalarType(type)) {
    if (type.name === "ID" || type.name === "String") return JSON.stringify(argument.name.toLowerCase().includes("id") || argument.name === "id" ? scenarioGlobalId(BASELINE) : BASELINE);
    if (type.name === "Int") return argument.name === "first" || argument.name === "last" ? "100" : "2026";
    if (type.name === "Boolean") return "true";
    return null;
  }
  return null;
}

/** `name(args)` with every required argument filled (and first: 100 where there is one), or null. */
function call(field: GraphQLField<unknown, unknown>, largeLists = false): string | null {
  const parts: string[] = [];
  for (const argument of field.args) {
    const wanted = isNonNullType(argument.type) || argument.name === "first" || (largeLists && isListType(getNullableType(argument.type)));
    if (!wanted) continue;
    const value = literal(argument, largeLists);
    if (value === null) return null;
    if (value === "") continue;
    parts.push(`${argument.name}: ${value}`);
  }
  return parts.length > 0 ? `${field.name}(${parts.join(", ")})` : field.name;
}

const objectFields = (type: GraphQLObjectType) => Object.values(type.getFields()).filter((field) => !isScalarType(getNamedType(field.type)) && !isEnumType(getNamedType(field.type)));
const isList = (field: GraphQLField<unknown, unknown>) => isListType(getNullableType(field.type));
const scalarsOf = (type: GraphQLObjectType) =>
  Object.values(type.getFields())
    .filter((field) => (isScalarType(getNamedType(field.type)) || isEnumType(getNamedType(field.type))) && field.args.every((argument) => !isNonNullType(argument.type)))
    .slice(0, 3)
    .map((field) => field.name);

/** The selection on a type: for a union or interface, the same on each member that has one. */
function on(typeName: string, inner: (type: GraphQLObjectType) => string | null): string | null {
  const type = schema.getType(typeName)!;
  if (isObjectType(type)) return inner(type);
  const members = schema.getPossibleTypes(type as never).map((member) => {
    const selection = inner(member);
    return selection ? `... on ${member.name} { ${selection} }` : null;
  });
  const chosen = members.filter((member): member is string => member !== null);
  return chosen.length > 0 ? `__typename ${chosen.join(" ")}` : null;
}

/**
 * From `type`, `depth` levels more: at each level the object fields that are lists first (a list of
 * the type's own kind last, so the path wanders through the schema), ending in scalars.
 */
function nest(type: GraphQLObjectType, depth: number, seen: string[]): string {
  const leaves = scalarsOf(type).join(" ") || "__typename";
  if (depth <= 1) return leaves;
  const candidates = objectFields(type)
    .filter((field) => call(field) !== null)
    .sort((a, b) => Number(isList(b)) - Number(isList(a)) || seen.filter((name) => name === getNamedType(a.type).name).length - seen.filter((name) => name === getNamedType(b.type).name).length);
  const next = candidates[0];
  if (!next) return leaves;
  const named = getNamedType(next.type).name;
  const inner = on(named, (member) => nest(member, depth - 1, [...seen, member.name]));
  return inner ? `${leaves} ${call(next)} { ${inner} }` : leaves;
}

interface Hostile {
  name: string;
  body: Record<string, unknown>;
}

/** Under each root query field: every list field of what it returns, each nested to the depth limit. */
function rootSelections(): Array<{ root: GraphQLField<unknown, unknown>; rootCall: string; selection: string }> {
  const found: Array<{ root: GraphQLField<unknown, unknown>; rootCall: string; selection: string }> = [];
  for (const root of objectFields(schema.getQueryType()!)) {
    const rootCall = call(root);
    if (rootCall === null) continue;
    const selection = on(getNamedType(root.type).name, (type) => {
      const lists = objectFields(type).filter((field) => isList(field) && call(field) !== null);
      const paths = lists.length > 0 ? lists : objectFields(type).filter((field) => call(field) !== null).slice(0, 1);
      return paths.map((field) => `${call(field)} { ${on(getNamedType(field.type).name, (inner) => nest(inner, MAX_DEPTH - 3, [inner.name])) ?? "__typename"} }`).join(" ") || null;
    });
    if (selection) found.push({ root, rootCall, selection });
  }
  return found;
}

/** Every list field reachable from a query, nested to the depth limit below it. */
function listPaths(): Hostile[] {
  return rootSelections().map(({ root, rootCall, selection }) => ({ name: `list paths under ${root.name}`, body: { query: `{ ${rootCall} { ${selection} } }` } }));
}

/** Each root's generated selection as a fragment, spread as often as the token limit leaves room for. */
function generatedFragmentSpreads(): Hostile[] {
  return rootSelections().flatMap(({ root, rootCall, selection }) => {
    const type = getNamedType(root.type);
    if (!isObjectType(type)) return [];
    const fragment = `fragment F on ${type.name} { ${selection} }`;
    // About 1,000 tokens in all: a spread is two ("...", "F").
    const room = Math.max(2, Math.floor((1_000 - fragment.split(/[\s{}():,]+/).length * 2 - 20) / 2));
    return [{ name: `list paths under ${root.name} as a fragment spread ${room} times`, body: { query: `{ ${rootCall} { ${"...F ".repeat(room)}} } ${fragment}` } }];
  });
}

/** Each root query field's widest generated selection, under the most aliases allowed. */
function aliased(paths: Hostile[]): Hostile[] {
  return paths.map((operation) => {
    const text = String(operation.body.query).slice(1, -1).trim();
    return { name: `${operation.name} × ${MAX_ALIASES} aliases`, body: { query: `{ ${Array.from({ length: MAX_ALIASES }, (_, index) => `a${index}: ${text}`).join(" ")} }` } };
  });
}

function fragmentSpreads(): Hostile[] {
  const fragment = "fragment L on Scenario { lines { initiative { title theme { title } } amounts { year amount } } }";
  return [
    { name: "one fragment spread 250 times", body: { query: `{ scenario(id: "${scenarioGlobalId(BASELINE)}") { ${"...L ".repeat(250)} } } ${fragment}` } },
    { name: "nested fragments spreading each other", body: { query: `{ themes { ...A } } fragment A on Theme { initiatives { ...B } } fragment B on Initiative { theme { ...C } } fragment C on Theme { initiatives { key title } }` } },
  ];
}

/** Every field with a list argument, at 100,000 items. */
function largestListArguments(): Hostile[] {
  const operations: Hostile[] = [];
  for (const root of Object.values(schema.getQueryType()!.getFields())) {
    if (!root.args.some((argument) => isListType(getNullableType(argument.type)))) continue;
    const rootCall = call(root, true);
    if (rootCall === null) continue;
    const selection = on(getNamedType(root.type).name, (type) => scalarsOf(type).join(" ") || "__typename") ?? "__typename";
    operations.push({ name: `${root.name} with 100,000-item lists`, body: { query: `{ ${rootCall} { ${selection} } }` } });
  }
  // A mutation's list input at its largest and beyond: refused for its length, nothing stored.
  for (const count of [60_000, 200_000]) {
    const cells = Array.from({ length: count }, (_, index) => ({ initiativeId: `bench-${String((index % 5000) + 1).padStart(5, "0")}`, year: 2024 + (index % 4), amount: "1" }));
    operations.push({
      name: `setAllocations with ${count} cells`,
      body: { query: `mutation($input: SetAllocationsInput!) { setAllocations(input: $input) { __typename ... on InvalidInputError { problems { code } } } }`, variables: { input: { scenarioId: whatIfs[0], expectedVersion: 1, cells } } },
    });
  }
  return operations;
}

/** The web client's own operations by hash, every variable as large as the body limit allows. */
function persistedWithHugeVariables(): Hostile[] {
  const manifest: Record<string, string> = JSON.parse(readFileSync(path.join(repoRoot, "client/persisted-operations.json"), "utf8"));
  return Object.entries(manifest).flatMap(([hash, text]) => {
    const name = /^\w+ (\w+)/.exec(text)![1]!;
    if (text.startsWith("mutation") || text.startsWith("subscription")) return [];
    const variables: Record<string, unknown> = {};
    for (const match of text.matchAll(/\$(\w+): (\[?)(\w+)/g)) {
      const [, variable, list, type] = match;
      if (list) variables[variable!] = many(100_000, BASELINE);
      else if (type === "ID" || type === "String") variables[variable!] = variable!.toLowerCase().includes("global") || variable === "id" ? scenarioGlobalId(BASELINE) : BASELINE;
      else if (type === "Int") variables[variable!] = 2026;
      else if (type === "Boolean") variables[variable!] = true;
      else if (type === "Language") variables[variable!] = "DA";
      else if (type === "DateTime") variables[variable!] = "2020-01-01T00:00:00Z";
      else if (type === "FileFormat") variables[variable!] = "XLSX";
      else if (type === "BalanceStrategyInput") variables[variable!] = { reduceProRata: { initiativeIds: many(100_000, "bench-00001") } };
    }
    return [{ name: `the client's ${name} with huge variables`, body: { operationName: name, variables, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } } }];
  });
}

// ---- The server, the dataset and the watchers ---------------------------------------------

let database: Database;
let server: ServerProcess;

beforeAll(async () => {
  database = await createDatabase("sqlite", { lines: 5_000, themes: 40, scenarios: 0, growth: [] }, postgresServerUrl);
  server = await startServer({
    databaseUrl: database.databaseUrl,
    env: { RAMME_MAX_EXECUTION_MS: String(MAX_EXECUTION_MS), RAMME_INTROSPECTION: "off" },
  });
  // Ten what-ifs of the 5,000-line baseline, to compare and cover.
  for (let index = 1; index <= 10; index += 1) {
    const answer = await post({ query: `mutation { forkScenario(input: { sourceId: "${BASELINE}", name: "Hvis ${index}" }) { ... on ScenarioEdit { scenario { key } } } }` });
    const key = answer.body?.data?.forkScenario?.scenario?.key;
    if (!key) throw new Error(`fork failed: ${answer.text}`);
    whatIfs.push(key);
  }
}, 600_000);

afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

/** POSTs an operation on a connection of its own (no keep-alive reuse racing the server's idle timeout). */
function post(body: Record<string, unknown>): Promise<{ status: number; ms: number; text: string; body: any }> {
  const payload = JSON.stringify(body);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${server.baseUrl}/graphql`,
      { method: "POST", agent: false, headers: { "content-type": "application/json", accept: "application/graphql-response+json", "content-length": Buffer.byteLength(payload) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let parsed: any = null;
          try {
            parsed = JSON.parse(text);
          } catch {
            parsed = null;
          }
          resolve({ status: response.statusCode ?? 0, ms: performance.now() - started, text: text.slice(0, 300), body: parsed });
        });
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(payload);
  });
}

/** RSS of the server process in MB, from /proc. */
function rssMb(): number {
  const status = readFileSync(`/proc/${server.pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

/** One /healthz request on a connection of its own, as a load balancer's probe. */
function healthz(): Promise<string | null> {
  return new Promise((resolve) => {
    const request = http.get(`${server.baseUrl}/healthz`, { agent: false }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode === 200 ? null : `status ${response.statusCode}`));
    });
    request.on("error", (error) => resolve(String(error)));
  });
}

const healthzFailures: string[] = [];
/** The highest one-minute load average seen while the operations ran. */
let peakLoad = os.loadavg()[0]!;
const slowProbes: Array<{ at: number; ms: number; inFlight: string[] }> = [];
/** The operations being answered, to name the one a slow probe waited for. */
const inFlight = new Set<string>();
/** Per operation: the longest /healthz wait and the highest RSS seen while it was being answered. */
const perOperation = new Map<string, { healthzMs: number; rssMb: number }>();
function charge(healthzMs: number, rss: number, names: Iterable<string> = inFlight): void {
  for (const name of names) {
    const entry = perOperation.get(name) ?? { healthzMs: 0, rssMb: 0 };
    entry.healthzMs = Math.max(entry.healthzMs, healthzMs);
    entry.rssMb = Math.max(entry.rssMb, rss);
    perOperation.set(name, entry);
  }
}

/** Polls /healthz back to back and RSS every 100 ms while `work` runs: the longest wait and the highest RSS. */
async function watched<T>(work: () => Promise<T>): Promise<{ result: T; longestHealthzMs: number; peakRssMb: number }> {
  let running = true;
  let longestHealthzMs = 0;
  let peakRssMb = rssMb();
  const poll = (async () => {
    while (running) {
      const started = performance.now();
      const during = new Set(inFlight);
      const failure = await healthz();
      for (const name of inFlight) during.add(name);
      // A failed probe (the server's own 408 when it could not read the request in time) counts as the wait it cost.
      if (failure !== null) healthzFailures.push(failure);
      longestHealthzMs = Math.max(longestHealthzMs, performance.now() - started);
      charge(performance.now() - started, 0, during);
      if (performance.now() - started > 1_000) slowProbes.push({ at: Math.round(performance.now()), ms: Math.round(performance.now() - started), inFlight: [...inFlight] });
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const sampler = setInterval(() => {
    peakLoad = Math.max(peakLoad, os.loadavg()[0]!);
    if (!server.isRunning()) return;
    const rss = rssMb();
    peakRssMb = Math.max(peakRssMb, rss);
    charge(0, rss);
  }, 100);
  try {
    const result = await work();
    return { result, longestHealthzMs, peakRssMb };
  } finally {
    running = false;
    clearInterval(sampler);
    await poll;
  }
}

const REFUSED_CODES = new Set(["OPERATION_LIMIT_EXCEEDED", "GRAPHQL_VALIDATION_FAILED", "BAD_USER_INPUT", "REQUEST_ENTITY_TOO_LARGE", "PERSISTED_OPERATION_NOT_FOUND"]);
const BUDGET_CODES = new Set(["EXECUTION_TIME_EXCEEDED", "RESPONSE_TOO_LARGE", "SERVER_BUSY"]);

/**
 * Runs in `test:faults` (.ci/run), about 4 minutes on a 2-core machine, most of it writing the
 * dataset. RAMME_HOSTILE_ONLY=<regex> runs only the operations it matches, RAMME_HOSTILE_SERIAL=1 one
 * at a time (to tell which one a slow probe waited for).
 */
describe("hostile operations on the 5,000-line dataset", () => {
  it("each is refused before execution or answered within the budget; RSS and /healthz stay within their bounds", async () => {
    const paths = listPaths();
    const generated = [...paths, ...aliased(paths), ...fragmentSpreads(), ...generatedFragmentSpreads(), ...largestListArguments(), ...persistedWithHugeVariables()];
    expect(generated.length).toBeGreaterThan(40);
    // RAMME_HOSTILE_ONLY=<regex>: only the operations whose names match (to profile one).
    const only = process.env.RAMME_HOSTILE_ONLY ? new RegExp(process.env.RAMME_HOSTILE_ONLY) : null;
    const operations = only ? generated.filter((operation) => only.test(operation.name)) : generated;
    if (process.env.RAMME_HOSTILE_DUMP) writeFileSync(process.env.RAMME_HOSTILE_DUMP, JSON.stringify(operations.map((operation) => ({ name: operation.name, body: JSON.stringify(operation.body).slice(0, 4000) })), null, 1));
    const outcomes: Array<{ name: string; status: number; ms: number; outcome: string }> = [];
    const { longestHealthzMs, peakRssMb } = await watched(async () => {
      // Two at a time, as a hostile client would keep the server busy.
      const queue = [...operations];
      await Promise.all(
        (process.env.RAMME_HOSTILE_SERIAL === "1" ? [0] : [0, 1]).map(async () => {
          for (let operation = queue.shift(); operation; operation = queue.shift()) {
            inFlight.add(operation.name);
            const answer = await post(operation.body).catch((error) => {
              // A body over the limit is answered 413 and the connection closed while it is still being sent.
              if (JSON.stringify(operation.body).length > 4_000_000 && /EPIPE|ECONNRESET/.test(String(error))) return { status: 413, ms: 0, text: "", body: null };
              throw new Error(`${operation.name}: ${error}; the server printed:\n${server.output().slice(-3000)}`);
            });
            inFlight.delete(operation.name);
            const codes = (answer.body?.errors ?? []).map((error: { extensions?: { code?: string } }) => error.extensions?.code);
            const outcome =
              answer.status === 413 ? "REQUEST_ENTITY_TOO_LARGE" : codes.find((code: string) => REFUSED_CODES.has(code) || BUDGET_CODES.has(code)) ?? (answer.body?.data ? "answered" : `other: ${answer.text}`);
            outcomes.push({ name: operation.name, status: answer.status, ms: Math.round(answer.ms), outcome });
          }
        }),
      );
    });
    const slowest = [...outcomes].sort((a, b) => b.ms - a.ms).slice(0, 8);
    // The machine's share: on a loaded machine every wait is stretched by load / cores (see HEALTHZ_BOUND_MS).
    const stretch = Math.max(1, peakLoad / os.availableParallelism());
    const healthzBoundMs = HEALTHZ_BOUND_MS * stretch;
    console.log(
      [
        `${outcomes.length} hostile operations: ${[...new Set(outcomes.map((entry) => entry.outcome))].map((outcome) => `${outcome} ${outcomes.filter((entry) => entry.outcome === outcome).length}`).join(", ")}`,
        `peak RSS ${Math.round(peakRssMb)} MB (ceiling ${RSS_CEILING_MB} MB); longest /healthz wait ${Math.round(longestHealthzMs)} ms (bound ${HEALTHZ_BOUND_MS} ms × ${stretch.toFixed(2)}: load ${peakLoad.toFixed(1)} on ${os.availableParallelism()} cores)`,
        `/healthz failures: ${healthzFailures.length}; slow probes: ${JSON.stringify(slowProbes)}`,
        "slowest:",
        ...slowest.map((entry) => `  ${entry.ms} ms ${entry.outcome} ${entry.name}`),
        "worst /healthz wait and RSS while each was answered (two run at a time, so a wait is charged to both):",
        ...[...perOperation]
          .sort(([, a], [, b]) => b.healthzMs - a.healthzMs)
          .slice(0, 12)
          .map(([name, figures]) => `  healthz ${Math.round(figures.healthzMs)} ms, RSS ${Math.round(figures.rssMb)} MB: ${name}`),
        ...[...perOperation]
          .sort(([, a], [, b]) => b.rssMb - a.rssMb)
          .slice(0, 6)
          .map(([name, figures]) => `  RSS ${Math.round(figures.rssMb)} MB, healthz ${Math.round(figures.healthzMs)} ms: ${name}`),
      ].join("\n"),
    );
    expect(server.isRunning()).toBe(true);
    expect(outcomes.filter((entry) => entry.outcome.startsWith("other"))).toEqual([]);
    expect(outcomes.filter((entry) => entry.ms > (MAX_EXECUTION_MS + GRACE_MS) * stretch)).toEqual([]);
    expect(peakRssMb).toBeLessThan(RSS_CEILING_MB);
    expect(healthzFailures).toEqual([]);
    expect(longestHealthzMs).toBeLessThan(healthzBoundMs);
  }, 600_000);
});
