/**
 * The bench's optional parts, written alongside this harness: the PostGraphile peer, the live
 * fan-out and the server's memory. Loaded by a computed path, so the harness runs (and says "not
 * available") while one of them is missing; the interfaces are the agreed ones.
 */
export interface Peer {
  endpoint: string;
  gridQuery: string;
  gridVariables(scenarioKey: string): Record<string, unknown>;
  stop(): Promise<void>;
}
export interface PeerModule {
  startPeer(databaseUrl: string): Promise<Peer>;
}
export interface FanoutModule {
  measureFanout(baseUrl: string, scenarioKey: string, options: { subscribers: number; edits: number }): Promise<number[]>;
}
export interface MemoryModule {
  rssOf(pid: number): number;
  sampleRss(pid: number, everyMs: number): { stop(): { maxBytes: number; samples: number } };
}

export type Loaded<T> = { module: T } | { missing: string };

async function load<T>(file: string): Promise<Loaded<T>> {
  const specifier = new URL(file, import.meta.url).href;
  try {
    return { module: (await import(specifier)) as T };
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "ERR_MODULE_NOT_FOUND" && String((error as Error).message).includes(file.slice(2))) return { missing: `not available (bench/src/${file.slice(2)} is missing)` };
    throw error;
  }
}

export const loadPeer = () => load<PeerModule>("./peer.ts");
export const loadFanout = () => load<FanoutModule>("./fanout.ts");
export const loadMemory = () => load<MemoryModule>("./memory.ts");
