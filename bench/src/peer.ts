/**
 * The peer: PostGraphile, the auto-generated GraphQL API a team might pick instead of Ramme, serving
 * the very PostgreSQL tables Ramme's migrations create (schema `public`), on a free loopback port.
 *
 * PostGraphile 4 (`postgraphile(pool, schema, options)` as node:http middleware), not 5: version 5
 * needs Node 22 and the project runs on Node 20. The options are the ones PostGraphile recommends
 * for production, less what would cost time per request: no GraphiQL, no schema watching, no
 * EXPLAIN, no query log, no query batching, no subscriptions.
 *
 * `gridQuery` asks for what the web client's grid query (client/src/features/grid/gridQuery.ts)
 * shows, in PostGraphile's generated names: the scenario and its parent, the frame with its years,
 * the lines in position order with each initiative's key, title, theme and sources and its amounts
 * per year, the comments, and the list of themes. Only `yearTotals` has no counterpart: totals are
 * computed by Ramme and PostGraphile has no field for them without extra SQL functions or
 * plugins. `rammeGridQueryOfPeerShape` is the client's query without `yearTotals`, for a
 * like-for-like comparison. Amounts come back as øre in strings (PostGraphile's BigInt).
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { postgraphile } from "postgraphile";
import { clientGridQuery, withoutField } from "./clientDocuments.ts";

export interface Peer {
  /** e.g. http://127.0.0.1:41234/graphql */
  endpoint: string;
  gridQuery: string;
  gridVariables(scenarioKey: string): Record<string, unknown>;
  stop(): Promise<void>;
}

export const peerGridQuery = /* GraphQL */ `
  query PeerScenarioGrid($id: String!) {
    scenarioById(id: $id) {
      id name description kind locked archivedAt mustFit version
      scenarioByParentId { id name }
      frameByFrameId {
        name priceLevel precisionDecimals
        frameYearsByFrameId(orderBy: YEAR_ASC) { nodes { year amount } }
      }
      scenarioLinesByScenarioId(orderBy: POSITION_ASC) {
        nodes {
          initiativeByInitiativeId { id title isReserve origin sources themeByThemeId { id } }
          allocationsByScenarioIdAndInitiativeId(orderBy: YEAR_ASC) { nodes { year amount } }
        }
      }
      commentsByScenarioId(orderBy: ID_ASC) { nodes { text author year initiativeByInitiativeId { id } } }
    }
    allThemes(orderBy: POSITION_ASC) { nodes { id title position } }
  }
`;

/** The web client's grid query less `yearTotals`: the same data the peer's query asks for. `$id` is the Relay global ID, base64("Scenario:<key>"). */
export const rammeGridQueryOfPeerShape = withoutField(clientGridQuery, "yearTotals");

export async function startPeer(databaseUrl: string): Promise<Peer> {
  // pg's default pool (10 connections), as Ramme's PostgreSQL adapter has.
  const pool = new pg.Pool({ connectionString: databaseUrl });
  // An idle connection ended by the server (the bench drops its databases WITH (FORCE)) must not end the bench.
  pool.on("error", () => {});
  const middleware = postgraphile(pool, "public", {
    graphiql: false,
    watchPg: false,
    allowExplain: false,
    disableQueryLog: true,
    enableQueryBatching: false,
    subscriptions: false,
    dynamicJson: true,
    setofFunctionsContainNulls: false,
    ignoreRBAC: false,
    legacyRelations: "omit",
    extendedErrors: ["errcode"],
    showErrorStack: false,
    // Fail at once rather than retry forever: the bench wants an error, not a hang.
    retryOnInitFail: false,
  });
  const server = createServer(middleware);
  server.keepAliveTimeout = 65_000;
  await listen(server);
  const { port } = server.address() as AddressInfo;
  const peer: Peer = {
    endpoint: `http://127.0.0.1:${port}/graphql`,
    gridQuery: peerGridQuery,
    gridVariables: (scenarioKey) => ({ id: scenarioKey }),
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      await middleware.release();
      await pool.end();
    },
  };
  try {
    // PostGraphile introspects the database on the first request; do it now, not inside a measurement.
    await runGridQuery(peer, "aftale-2024");
  } catch (error) {
    await peer.stop();
    throw error;
  }
  return peer;
}

function listen(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
}

interface PeerGrid {
  scenarioById: null | {
    scenarioLinesByScenarioId: {
      nodes: Array<{
        initiativeByInitiativeId: { id: string; title: string; themeByThemeId: { id: string } };
        allocationsByScenarioIdAndInitiativeId: { nodes: Array<{ year: number; amount: string }> };
      }>;
    };
    frameByFrameId: { frameYearsByFrameId: { nodes: Array<{ year: number; amount: string }> } };
  };
}

async function runGridQuery(peer: Peer, scenarioKey: string): Promise<PeerGrid> {
  const response = await fetch(peer.endpoint, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ query: peer.gridQuery, variables: peer.gridVariables(scenarioKey) }),
  });
  const body = (await response.json()) as { data?: PeerGrid; errors?: unknown[] };
  if (!response.ok || body.errors?.length || !body.data) {
    throw new Error(`the peer's grid query failed: HTTP ${response.status} ${JSON.stringify(body.errors ?? body)}`);
  }
  return body.data;
}

/**
 * Starts the peer on a seeded database, checks that the agreement's scenario comes back with its
 * 25 lines, each with an amount for every frame year, and stops it. Throws when anything is off.
 */
export async function checkPeer(databaseUrl: string): Promise<void> {
  const peer = await startPeer(databaseUrl);
  try {
    const scenario = (await runGridQuery(peer, "aftale-2024")).scenarioById;
    if (!scenario) throw new Error("the peer found no scenario aftale-2024: is the database seeded?");
    const lines = scenario.scenarioLinesByScenarioId.nodes;
    const years = scenario.frameByFrameId.frameYearsByFrameId.nodes.map((frameYear) => frameYear.year);
    if (lines.length !== 25) throw new Error(`the peer returned ${lines.length} lines of aftale-2024, expected 25`);
    for (const line of lines) {
      const amounts = line.allocationsByScenarioIdAndInitiativeId.nodes;
      const amountYears = amounts.map((allocation) => allocation.year);
      if (amountYears.join() !== years.join() || amounts.some((allocation) => !/^-?\d+$/.test(allocation.amount))) {
        throw new Error(`line ${line.initiativeByInitiativeId.id}: amounts ${JSON.stringify(amounts)} for frame years ${years.join(", ")}`);
      }
    }
  } finally {
    await peer.stop();
  }
}
