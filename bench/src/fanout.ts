/**
 * One edit delivered to many live viewers: how long from an edit's commit until the LAST of
 * `subscribers` open `scenarioChanged` streams has received it.
 *
 * The viewers are Server-Sent Events streams opened from this process (POST /graphql with
 * Accept: text/event-stream, the web client's own subscription document), each on its own
 * connection: node:http with an agent of its own and no socket limit, so 100 streams are 100
 * sockets and not a queue. Then one warm-up edit, which every stream must receive before anything
 * is measured: that proves each subscription is live (headers alone do not say the server has
 * subscribed it to the change feed). Then `edits` single-cell edits one after another (setAllocation
 * with expectedVersion), each waiting for all deliveries before the next.
 *
 * "Commit" is the change's `at`, the time the server stamped on its history row inside the
 * transaction, so the figure also holds the rest of that transaction and its COMMIT: it can only
 * overstate the delay, never hide any. The mutation's answer cannot serve instead: the server
 * publishes on commit, before it answers, so viewers often have the change first. Arrival is
 * `Date.now()` when the chunk holding the event is read. Both clocks are the same machine's wall
 * clock, in whole milliseconds (`performance.timeOrigin + performance.now()` would be finer but
 * drifts from the wall clock the server stamps with), so each figure is ±1 ms.
 */
import { Agent, request, type ClientRequest, type IncomingMessage } from "node:http";
import { clientLiveSubscription } from "./clientDocuments.ts";

export interface FanoutOptions {
  subscribers: number;
  /** Measured edits; the warm-up edit comes on top. */
  edits: number;
  /** How long one edit may take to reach every viewer before the run fails (default 15 s). */
  deliveryTimeoutMs?: number;
}

const SCENARIO_TO_EDIT = /* GraphQL */ `
  query ScenarioToEdit($id: ID!) {
    scenario(id: $id) { version locked archived lines { initiative { key } amounts { year amount } } }
  }
`;

const SET_ALLOCATION = /* GraphQL */ `
  mutation SetAllocation($input: SetAllocationInput!) {
    setAllocation(input: $input) { __typename ... on ScenarioEdit { version } ... on Error { message } }
  }
`;

/** Returns, per measured edit, the milliseconds from its commit to its delivery to the last viewer. */
export async function measureFanout(baseUrl: string, scenarioKey: string, options: FanoutOptions): Promise<number[]> {
  const { subscribers, edits, deliveryTimeoutMs = 15_000 } = options;
  const editor = await cellEditor(baseUrl, scenarioKey);
  const deliveries = new DeliveryLog(subscribers);
  const agent = new Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });
  const streams: ClientRequest[] = [];
  let closing = false;
  try {
    const opening: Promise<void>[] = [];
    for (let viewer = 0; viewer < subscribers; viewer++) {
      const { stream, opened } = openStream(baseUrl, agent, scenarioKey, editor.version, deliveries, () => closing);
      streams.push(stream);
      opening.push(opened);
    }
    await Promise.all(opening);

    const warmUp = await editor.edit();
    await deliveries.allReceived(warmUp, deliveryTimeoutMs);

    const figures: number[] = [];
    for (let index = 0; index < edits; index++) {
      const version = await editor.edit();
      const delivered = await deliveries.allReceived(version, deliveryTimeoutMs);
      figures.push(delivered.lastArrival - delivered.committedAt);
    }
    return figures;
  } finally {
    closing = true;
    for (const stream of streams) stream.destroy();
    agent.destroy();
  }
}

/** Edits one cell back and forth between its amount and 0 (0 never breaks a must-fit frame), with the version it holds. */
async function cellEditor(baseUrl: string, scenarioKey: string) {
  // `scenario(id:)` takes the Relay global ID only; the mutation and the subscription also take the key.
  const data = await postGraphql(baseUrl, SCENARIO_TO_EDIT, { id: Buffer.from(`Scenario:${scenarioKey}`).toString("base64") });
  const scenario = data.scenario as
    | null
    | { version: number; locked: boolean; archived: boolean; lines: Array<{ initiative: { key: string }; amounts: Array<{ year: number; amount: string }> }> };
  if (!scenario) throw new Error(`fanout: there is no scenario ${scenarioKey}`);
  if (scenario.locked || scenario.archived) throw new Error(`fanout: scenario ${scenarioKey} is locked or archived; give an editable what-if (fork one first)`);
  const cell = scenario.lines
    .flatMap((line) => line.amounts.map((amount) => ({ initiativeId: line.initiative.key, year: amount.year, amount: amount.amount })))
    .find((candidate) => Number(candidate.amount) !== 0);
  if (!cell) throw new Error(`fanout: scenario ${scenarioKey} has no cell with an amount to edit`);

  let version = scenario.version;
  let nextIsZero = true;
  return {
    get version() {
      return version;
    },
    /** Makes one edit and returns the scenario's version after it. */
    async edit(): Promise<number> {
      const input = { scenarioId: scenarioKey, initiativeId: cell.initiativeId, year: cell.year, amount: nextIsZero ? "0" : cell.amount, expectedVersion: version };
      const result = (await postGraphql(baseUrl, SET_ALLOCATION, { input })).setAllocation as { __typename: string; version?: number; message?: string };
      if (result.__typename !== "ScenarioEdit" || result.version === undefined) throw new Error(`fanout: the edit was refused: ${JSON.stringify(result)}`);
      version = result.version;
      nextIsZero = !nextIsZero;
      return version;
    },
  };
}

async function postGraphql(baseUrl: string, query: string, variables: Record<string, unknown>): Promise<Record<string, unknown>> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json", "x-ramme-user": "bench" },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (!response.ok || body.errors?.length || !body.data) throw new Error(`fanout: HTTP ${response.status} ${JSON.stringify(body.errors ?? body)}`);
  return body.data;
}

interface Delivered {
  /** Date.parse of the change's `at`. */
  committedAt: number;
  /** Date.now() when the last viewer read it. */
  lastArrival: number;
}

/** Which viewers have received which version, and when the last of them did. */
class DeliveryLog {
  private readonly byVersion = new Map<number, Delivered & { count: number }>();
  private readonly waiters = new Set<() => void>();
  private failure: Error | null = null;

  constructor(private readonly viewers: number) {}

  record(version: number, at: string, arrival: number): void {
    const entry = this.byVersion.get(version) ?? { committedAt: Date.parse(at), lastArrival: arrival, count: 0 };
    entry.count += 1;
    entry.lastArrival = Math.max(entry.lastArrival, arrival);
    this.byVersion.set(version, entry);
    if (entry.count === this.viewers) this.wake();
  }

  fail(error: Error): void {
    this.failure ??= error;
    this.wake();
  }

  async allReceived(version: number, timeoutMs: number): Promise<Delivered> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.failure) throw this.failure;
      const entry = this.byVersion.get(version);
      if (entry && entry.count === this.viewers) return entry;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`fanout: version ${version} reached ${entry?.count ?? 0} of ${this.viewers} viewers within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, left);
        this.waiters.add(wake);
      });
    }
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}

/**
 * One viewer: a subscription stream whose `event: next` blocks are logged as they are read.
 * `opened` resolves once the response headers have come (200, text/event-stream).
 */
function openStream(baseUrl: string, agent: Agent, scenarioKey: string, afterVersion: number, deliveries: DeliveryLog, closing: () => boolean) {
  const url = new URL("/graphql", baseUrl);
  const body = JSON.stringify({ query: clientLiveSubscription, variables: { id: scenarioKey, after: afterVersion } });
  const stream = request(url, {
    agent,
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream", "content-length": Buffer.byteLength(body) },
  });
  const opened = new Promise<void>((resolve, reject) => {
    stream.on("error", (error) => {
      reject(error);
      if (!closing()) deliveries.fail(new Error(`fanout: a viewer's stream failed: ${error.message}`));
    });
    stream.once("response", (response: IncomingMessage) => {
      if (response.statusCode !== 200 || !String(response.headers["content-type"]).startsWith("text/event-stream")) {
        reject(new Error(`fanout: subscription refused: HTTP ${response.statusCode} ${response.headers["content-type"]}`));
        response.resume();
        return;
      }
      resolve();
      readEvents(response, deliveries, closing);
    });
  });
  stream.end(body);
  return { stream, opened };
}

function readEvents(response: IncomingMessage, deliveries: DeliveryLog, closing: () => boolean): void {
  let buffer = "";
  response.setEncoding("utf8");
  response.on("data", (chunk: string) => {
    const arrival = Date.now();
    buffer += chunk;
    let end: number;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const lines = block.split("\n");
      if (!lines.some((line) => line === "event: next")) continue;
      const data = lines.filter((line) => line.startsWith("data:")).map((line) => line.slice(5).trim()).join("\n");
      const result = JSON.parse(data) as { data?: { scenarioChanged?: { __typename: string; version?: number; at?: string } }; errors?: unknown[] };
      const event = result.data?.scenarioChanged;
      if (event?.__typename !== "ScenarioChangedEvent" || event.version === undefined || event.at === undefined) {
        deliveries.fail(new Error(`fanout: a viewer received ${data}`));
        return;
      }
      deliveries.record(event.version, event.at, arrival);
    }
  });
  response.on("error", (error) => {
    if (!closing()) deliveries.fail(new Error(`fanout: a viewer's stream failed: ${error.message}`));
  });
  response.on("end", () => {
    if (!closing()) deliveries.fail(new Error("fanout: the server ended a viewer's stream"));
  });
}
