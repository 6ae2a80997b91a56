/**
 * What per-organisation access costs (issue 5): the grid of a what-if and the scenario list, read
 * by the local single-user (no checks), by the owning organisation's editor, and by a party the
 * what-if is shared with, each through an API token, in process (yoga.fetch). Run on a copy of the
 * SQLite file DATABASE_URL names (seeded by `npm start`), so the users, tokens and what-ifs it makes
 * never reach the real one: `npx pnpm@10.34.8 --filter @ramme/server run bench:access`.
 * Prints medians of 7 rounds of 10 requests each, as ratios against the local user in the same run,
 * since these machines are shared and noisy. Not a test: it asserts nothing but that every answer
 * has no error and the party sees what it was shown.
 */
import { copyFileSync, existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const source = process.env.DATABASE_URL ?? "file:data/ramme.db";
if (!source.startsWith("file:")) throw new Error("bench:access copies a SQLite file: DATABASE_URL must be file:…");
const sourceFile = path.resolve(path.join(import.meta.dirname, "../../.."), source.slice("file:".length));
if (!existsSync(sourceFile)) throw new Error(`${sourceFile} does not exist: run npm start once to make and seed it`);
const copy = path.join(mkdtempSync(path.join(tmpdir(), "ramme-bench-access-")), "ramme.db");
copyFileSync(sourceFile, copy);
process.env.DATABASE_URL = `file:${copy}`;

const { createUser } = await import("../auth/accounts.ts");
const { createApiToken } = await import("../auth/apiTokens.ts");
const { forkScenario } = await import("../engine/scenarioLifecycle.ts");
const { shareScenario } = await import("../engine/sharing.ts");
const { createRammeYoga } = await import("../yoga.ts");
const { hardeningConfigFrom } = await import("../hardening.ts");

// Only the access rule differs between the servers: no rate limit, and operation text allowed for all.
const hardening = hardeningConfigFrom({ RAMME_RATE_LIMIT: "0", RAMME_TRUSTED_OPERATIONS: "off" });
const local = createRammeYoga({ auth: "local", hardening });
const accounts = createRammeYoga({ auth: "accounts", hardening });

const password = "bench-kodeord-der-er-langt";
const owner = await createUser({ email: "bench-ejer@fm.dk", displayName: "Ejer", password, role: "EDITOR", organisationKey: "bench-sekretariat", organisationKind: "SECRETARIAT" });
const party = await createUser({ email: "bench-parti@parti.dk", displayName: "Parti", password, role: "EDITOR", organisationKey: "bench-parti", organisationKind: "PARTY" });
const whatIf = (await forkScenario({ sourceId: "aftale-2024", name: "Bench: delt udkast" }, "bench", owner.organisation)).scenarioId;
// The party also sees 20 drafts of its own and 20 shared with it, as in a long negotiation.
for (let index = 0; index < 20; index += 1) {
  await forkScenario({ sourceId: "aftale-2024", name: `Bench: partiets ${index}` }, "bench", party.organisation);
  const shared = (await forkScenario({ sourceId: "aftale-2024", name: `Bench: delt ${index}` }, "bench", owner.organisation)).scenarioId;
  await shareScenario({ scenarioId: shared, organisation: "bench-parti", access: "READ" }, "bench");
}
await shareScenario({ scenarioId: whatIf, organisation: "bench-parti", access: "READ" }, "bench");
const ownerToken = (await createApiToken(owner.id, "bench", "READ")).secret;
const partyToken = (await createApiToken(party.id, "bench", "READ")).secret;

const GRID = `query($id: ID!) { scenario(id: $id) { key version access owner { key } lines { initiative { key title theme { key } } amounts { year amount } total }
  yearTotals { year allocated frame headroom } } }`;
const LIST = `{ scenarios(first: 200) { nodes { key name kind access owner { key } sharedWith { organisation { key } access } lastChange { actor at } } } }`;
const id = Buffer.from(`Scenario:${whatIf}`).toString("base64");

type Server = typeof local;
const callers: Record<string, { server: Server; headers: Record<string, string> }> = {
  local: { server: local, headers: {} },
  owner: { server: accounts, headers: { authorization: `Bearer ${ownerToken}` } },
  party: { server: accounts, headers: { authorization: `Bearer ${partyToken}` } },
};
const queries: Record<string, { text: string; variables: Record<string, unknown> }> = {
  floor: { text: "{ __typename }", variables: {} },
  grid: { text: GRID, variables: { id } },
  list: { text: LIST, variables: {} },
};

async function ask(caller: string, query: string): Promise<unknown> {
  const { server, headers } = callers[caller]!;
  const { text, variables } = queries[query]!;
  const response = await server.fetch("http://localhost/graphql", { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query: text, variables }) });
  const body = (await response.json()) as { data?: any; errors?: unknown };
  if (body.errors) throw new Error(`${caller} ${query}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

const partyList = (await ask("party", "list")) as { scenarios: { nodes: Array<{ key: string }> } };
if (partyList.scenarios.nodes.length !== 2 + 20 + 21) throw new Error(`the party should see 2 baselines and 41 what-ifs, saw ${partyList.scenarios.nodes.length}`);

const WARM_UP = 5;
const ROUNDS = 7;
const PER_ROUND = 10;
const pairs = Object.keys(callers).flatMap((caller) => Object.keys(queries).map((query) => [caller, query] as const));
const samples = new Map<string, number[]>(pairs.map(([caller, query]) => [`${caller} ${query}`, []]));
for (const [caller, query] of pairs) for (let i = 0; i < WARM_UP; i += 1) await ask(caller, query);
// Rounds interleave callers and queries, so a noisy moment on the machine hits all of them alike.
for (let round = 0; round < ROUNDS; round += 1) {
  for (const [caller, query] of pairs) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < PER_ROUND; i += 1) await ask(caller, query);
    samples.get(`${caller} ${query}`)!.push(Number(process.hrtime.bigint() - start) / 1e6 / PER_ROUND);
  }
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
console.log(`The list holds ${partyList.scenarios.nodes.length} scenarios for the party (owner: the baselines and its 21 what-ifs; local: all 43).`);
for (const query of Object.keys(queries)) {
  const base = median(samples.get(`local ${query}`)!);
  for (const caller of Object.keys(callers)) {
    const values = samples.get(`${caller} ${query}`)!;
    console.log(`${query.padEnd(6)} ${caller.padEnd(6)} median ${median(values).toFixed(2)} ms   ×local ${(median(values) / base).toFixed(2)}   (min ${Math.min(...values).toFixed(2)}, max ${Math.max(...values).toFixed(2)})`);
  }
}
