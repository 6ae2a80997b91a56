/**
 * The measurements against one running server (and its database), each warmed up and then sampled
 * `runs` times, beside its baseline from the same run: the API floor, the data floors, the peer.
 */
import type { Database, WhatIf } from "./dataset.ts";
import { initiativeKey } from "./dataset.ts";
import { compareFloor, editFloor, gridFloor, versionOf, type FloorCell } from "./floors.ts";
import { documents, edit, post } from "./graphql.ts";
import { loadFanout, loadMemory, loadPeer } from "./modules.ts";
import { latency, seededRandom, throughput, type Latency, type Throughput } from "./stats.ts";

export interface Plan {
  runs: number;
  /** Sequential requests per run for the fast queries (API floor, 25-line grid). */
  fastPerRun: number;
  /** Length of one throughput window. */
  windowMs: number;
  /** Concurrent clients in a throughput window. */
  clients: number;
  /** Concurrent writers, each on its own what-if. */
  writers: number;
  subscribers: number;
  fanoutEdits: number;
  peer: boolean;
}

export interface Figure {
  label: string;
  unit: "ms" | "req/s" | "MB";
  samples: number[];
  latency?: Latency;
  throughput?: Throughput;
  /** Why there is no figure: a module not there yet, or not measured in this mode. */
  unavailable?: string;
  error?: string;
}

export type Figures = Record<string, Figure>;

export interface GrowthPoint {
  lines: number;
  grid: Latency;
  compare: Latency;
  paste: Latency;
  pastedCells: number;
}

export interface Server {
  baseUrl: string;
  pid: number;
}

const AGREEMENT = "aftale-2024";
/** `scenario(id:)` takes a global ID (the mutations and compareScenarios also take keys). */
const gridVariables = (key: string) => ({ id: Buffer.from(`Scenario:${key}`).toString("base64") });
const STEP = 10_000_000n;
const mio = (oere: bigint) => `${oere / 100_000_000n}.${String((oere % 100_000_000n) / STEP)}`;

/**
 * A pause for the event loop. The SQLite floors run synchronously in this process: while they do,
 * the server closes idle keep-alive sockets unseen, and the next request would take a dead one.
 */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

async function sample(warmup: number, count: number, once: () => Promise<number>): Promise<number[]> {
  for (let index = 0; index < warmup; index += 1) await once();
  const samples: number[] = [];
  for (let index = 0; index < count; index += 1) samples.push(await once());
  await settle();
  return samples;
}

const timed = async (work: () => Promise<unknown>) => {
  const start = performance.now();
  await work();
  return performance.now() - start;
};

/** `clients` loops calling `once` for `windowMs`, `runs` times; per-run requests/s, and every request's latency. */
async function windows(plan: Plan, clients: number, once: (client: number) => Promise<number>): Promise<{ perRun: number[]; latencies: number[] }> {
  const perRun: number[] = [];
  const latencies: number[] = [];
  await Promise.all(Array.from({ length: clients }, (_, client) => once(client))); // warm-up
  for (let run = 0; run < plan.runs; run += 1) {
    let done = 0;
    const start = performance.now();
    const end = start + plan.windowMs;
    await Promise.all(
      Array.from({ length: clients }, async (_, client) => {
        while (performance.now() < end) {
          latencies.push(await once(client));
          done += 1;
        }
      }),
    );
    perRun.push((done * 1000) / (performance.now() - start));
    await settle();
  }
  return { perRun, latencies };
}

const latencyFigure = (label: string, samples: number[]): Figure => ({ label, unit: "ms", samples, latency: latency(samples) });
const throughputFigure = (label: string, perRun: number[]): Figure => ({ label, unit: "req/s", samples: perRun, throughput: throughput(perRun) });

/** 1,000 cells (250 lines × 4 years, or every cell of a smaller scenario), amounts varying with `run`. */
function pasteCells(lines: number, years: number[], run: number): FloorCell[] {
  // Not the last line: the what-ifs have taken it out (dataset.ts).
  const count = Math.min(250, lines - 1);
  return Array.from({ length: count }, (_, line) => years.map((year) => ({ initiativeId: initiativeKey(line), year, amount: BigInt(((run * 7 + line) % 90) + 1) * STEP }))).flat();
}

const asInput = (cells: FloorCell[]) => cells.map((cell) => ({ initiativeId: cell.initiativeId, year: cell.year, amount: mio(cell.amount) }));

/**
 * Every measurement against `server`. Each section records its figures or its error and goes on, so
 * one failure still leaves the rest of the table; the caller fails the run if any section erred.
 */
export async function measure(server: Server, database: Database, whatIfs: WhatIf[], growth: Map<number, WhatIf[]>, plan: Plan, log: (line: string) => void): Promise<{ figures: Figures; growth: GrowthPoint[]; errors: string[] }> {
  const endpoint = `${server.baseUrl}/graphql`;
  const figures: Figures = {};
  const errors: string[] = [];
  const { sql, years } = database;
  const random = seededRandom(7);
  const versions = new Map(whatIfs.map((whatIf) => [whatIf.key, whatIf.version]));
  const large = whatIfs[0]!;
  const other = whatIfs[1] ?? whatIfs[0]!;
  const section = async (name: string, ids: string[], work: () => Promise<void>) => {
    log(`  ${name}`);
    try {
      await work();
    } catch (error) {
      const message = `${name}: ${(error as Error).message}`;
      errors.push(message);
      log(`  ✗ ${message}`);
      for (const id of ids) figures[id] ??= { label: name, unit: "ms", samples: [], error: (error as Error).message };
    }
  };

  const memory = await loadMemory();
  const sampler = "module" in memory ? memory.module.sampleRss(server.pid, 50) : null;
  if ("module" in memory) figures.rssIdle = { label: "server RSS before the load", unit: "MB", samples: [memory.module.rssOf(server.pid) / 2 ** 20] };

  const fast = plan.runs * plan.fastPerRun;
  await section("API floor { __typename }", ["apiFloor.latency", "apiFloor.throughput"], async () => {
    figures["apiFloor.latency"] = latencyFigure("API floor { __typename }", await sample(20, fast, async () => (await post(endpoint, documents.apiFloor)).ms));
    figures["apiFloor.throughput"] = throughputFigure("API floor { __typename }", (await windows(plan, plan.clients, async () => (await post(endpoint, documents.apiFloor)).ms)).perRun);
  });
  await section("grid query, 25-line agreement", ["agreementGrid.latency", "agreementGrid.throughput"], async () => {
    const variables = gridVariables(AGREEMENT);
    figures["agreementGrid.latency"] = latencyFigure("grid query, 25-line agreement", await sample(20, fast, async () => (await post(endpoint, documents.grid, variables)).ms));
    figures["agreementGrid.throughput"] = throughputFigure("grid query, 25-line agreement", (await windows(plan, plan.clients, async () => (await post(endpoint, documents.grid, variables)).ms)).perRun);
  });
  await section(`grid query, ${large.lines}-line what-if`, ["largeGrid.latency", "gridFloor.latency"], async () => {
    figures["largeGrid.latency"] = latencyFigure(`grid query, ${large.lines}-line what-if`, await sample(2, plan.runs, async () => (await post(endpoint, documents.grid, gridVariables(large.key))).ms));
    figures["gridFloor.latency"] = latencyFigure(`data floor: grid rows read raw + JSON, ${large.lines} lines`, await sample(2, plan.runs, () => timed(() => gridFloor(sql, large.key))));
  });

  const writers = whatIfs.slice(0, Math.min(plan.writers, whatIfs.length));
  const cellFor = (index: number): FloorCell => ({ initiativeId: initiativeKey(Math.floor(random() * Math.min(large.lines - 1, 1000))), year: years[index % years.length]!, amount: BigInt(1 + Math.floor(random() * 200)) * STEP });
  await section(`single-cell edit, ${writers.length} writers`, ["edit.latency", "edit.throughput", "editFloor.latency", "editFloor.throughput"], async () => {
    let count = 0;
    const ramme = await windows(plan, writers.length, async (writer) => {
      const whatIf = writers[writer]!;
      const cell = cellFor((count += 1));
      const answer = await edit(endpoint, "setAllocation", documents.setAllocation, {
        input: { scenarioId: whatIf.key, initiativeId: cell.initiativeId, year: cell.year, amount: mio(cell.amount), expectedVersion: versions.get(whatIf.key) },
      });
      versions.set(whatIf.key, answer.version);
      return answer.ms;
    });
    figures["edit.latency"] = latencyFigure(`single-cell edit, ${writers.length} concurrent writers`, ramme.latencies);
    figures["edit.throughput"] = throughputFigure(`single-cell edit, ${writers.length} concurrent writers`, ramme.perRun);
    for (const whatIf of writers) versions.set(whatIf.key, await versionOf(sql, whatIf.key));
    // better-sqlite3 is synchronous: in process, concurrent writers would only take turns.
    const floorWriters = database.dialect === "sqlite" ? 1 : writers.length;
    const floor = await windows(plan, floorWriters, async (writer) => {
      const whatIf = writers[writer]!;
      const start = performance.now();
      const done = await editFloor(sql, whatIf.key, versions.get(whatIf.key)!, [cellFor((count += 1))]);
      versions.set(whatIf.key, done.version);
      return performance.now() - start;
    });
    figures["editFloor.latency"] = latencyFigure(`data floor: single-cell edit raw, ${floorWriters} writer(s)`, floor.latencies);
    figures["editFloor.throughput"] = throughputFigure(`data floor: single-cell edit raw, ${floorWriters} writer(s)`, floor.perRun);
  });

  await section("paste of 1,000 cells", ["paste.latency", "pasteFloor.latency"], async () => {
    figures["paste.latency"] = latencyFigure(`paste of 1,000 cells, ${large.lines}-line what-if`, await pasteSamples(endpoint, large, years, plan.runs, versions));
    let run = 1000;
    figures["pasteFloor.latency"] = latencyFigure("data floor: paste of 1,000 cells raw", await sample(1, plan.runs, async () => {
      const start = performance.now();
      const done = await editFloor(sql, large.key, versions.get(large.key)!, pasteCells(large.lines, years, (run += 1)));
      versions.set(large.key, done.version);
      return performance.now() - start;
    }));
    versions.set(large.key, await versionOf(sql, large.key));
  });

  await section(`compare two ${large.lines}-line what-ifs`, ["compare.latency", "compareFloor.latency"], async () => {
    const variables = { base: large.key, others: [other.key], language: "DA" };
    figures["compare.latency"] = latencyFigure(`compare two ${large.lines}-line what-ifs`, await sample(1, plan.runs, async () => (await post(endpoint, documents.compare, variables)).ms));
    figures["compareFloor.latency"] = latencyFigure("data floor: both scenarios read raw, diffed + JSON", await sample(1, plan.runs, () => timed(() => compareFloor(sql, large.key, other.key))));
  });

  await section(`one edit delivered to ${plan.subscribers} live subscribers`, ["fanout.latency"], async () => {
    const fanout = await loadFanout();
    const label = `one edit → ${plan.subscribers} live subscribers (commit → last delivery)`;
    if ("missing" in fanout) figures["fanout.latency"] = { label, unit: "ms", samples: [], unavailable: fanout.missing };
    else {
      const target = whatIfs.at(-1)!;
      figures["fanout.latency"] = latencyFigure(label, await fanout.module.measureFanout(server.baseUrl, target.key, { subscribers: plan.subscribers, edits: plan.fanoutEdits }));
      versions.set(target.key, await versionOf(sql, target.key));
    }
  });

  const peerLabel = `grid query throughput, ${large.lines}-line what-if`;
  await section("grid query throughput: Ramme and the PostGraphile peer", ["largeGrid.throughput", "peerGrid.throughput"], async () => {
    if (database.dialect !== "postgres") return;
    figures["largeGrid.throughput"] = throughputFigure(`Ramme: ${peerLabel}`, (await windows(plan, plan.clients, async () => (await post(endpoint, documents.grid, gridVariables(large.key))).ms)).perRun);
    const peerModule = plan.peer ? await loadPeer() : { missing: "not measured (--smoke or --no-peer)" };
    if ("missing" in peerModule) {
      figures["peerGrid.throughput"] = { label: `PostGraphile peer: ${peerLabel}`, unit: "req/s", samples: [], unavailable: peerModule.missing };
      return;
    }
    const peer = await peerModule.module.startPeer(database.databaseUrl);
    try {
      const variables = peer.gridVariables(large.key);
      figures["peerGrid.throughput"] = throughputFigure(`PostGraphile peer: ${peerLabel}`, (await windows(plan, plan.clients, async () => (await post(peer.endpoint, peer.gridQuery, variables)).ms)).perRun);
    } finally {
      await peer.stop();
    }
  });

  if (sampler) {
    const { maxBytes, samples } = sampler.stop();
    figures.rssMax = { label: `server RSS, max of ${samples} samples under load`, unit: "MB", samples: [maxBytes / 2 ** 20] };
  } else {
    figures.rssMax = { label: "server RSS under load", unit: "MB", samples: [], unavailable: "missing" in memory ? memory.missing : "" };
  }

  const points: GrowthPoint[] = [];
  for (const [lines, [base, versus]] of growth) {
    await section(`growth: ${lines} lines`, [], async () => {
      const variables = { base: base!.key, others: [versus!.key], language: "DA" };
      const gridSamples = await sample(1, plan.runs, async () => (await post(endpoint, documents.grid, gridVariables(base!.key))).ms);
      const compareSamples = await sample(1, plan.runs, async () => (await post(endpoint, documents.compare, variables)).ms);
      if (!versions.has(base!.key)) versions.set(base!.key, base!.version);
      const paste = await pasteSamples(endpoint, base!, years, plan.runs, versions);
      points.push({ lines, grid: latency(gridSamples), compare: latency(compareSamples), paste: latency(paste), pastedCells: pasteCells(lines, years, 0).length });
    });
  }
  return { figures, growth: points, errors };
}

/** A warm-up paste and `runs` timed pastes into `whatIf`, each with other amounts so every cell changes. */
async function pasteSamples(endpoint: string, whatIf: WhatIf, years: number[], runs: number, versions: Map<string, number>): Promise<number[]> {
  let run = 0;
  return sample(1, runs, async () => {
    const answer = await edit(endpoint, "setAllocations", documents.setAllocations, {
      input: { scenarioId: whatIf.key, expectedVersion: versions.get(whatIf.key), cells: asInput(pasteCells(whatIf.lines, years, (run += 1))) },
    });
    versions.set(whatIf.key, answer.version);
    return answer.ms;
  });
}
