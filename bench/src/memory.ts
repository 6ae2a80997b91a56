/**
 * The server's memory as the operating system sees it: resident set size (VmRSS in
 * /proc/<pid>/status), the figure a container limit or the OOM killer goes by, not the V8 heap.
 * Linux only. The pid is the server's own node process: tests/support/serverProcess.ts starts
 * `node dist/server.js` (the bench's compiled server) directly, with no wrapper process whose RSS
 * would be read instead.
 *
 * `sampleRss` reads it on a timer while a load runs and keeps the highest reading; a peak shorter
 * than the interval can be missed, so sample often (50-100 ms) relative to the load's length.
 * VmHWM (the kernel's own peak) would not miss it, but it counts from the process's start, so it
 * would include the seed or startup and cannot be scoped to one measurement.
 */
import { readFileSync } from "node:fs";

/** The process's resident set size in bytes, now. Throws when the process is gone. */
export function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  if (!match) throw new Error(`/proc/${pid}/status has no VmRSS line (a zombie process?)`);
  return Number(match[1]) * 1024;
}

export interface RssSampler {
  /** Stops sampling and returns the highest reading and how many readings were taken. */
  stop(): { maxBytes: number; samples: number };
}

/** Reads the process's RSS now and every `everyMs` until stop(). */
export function sampleRss(pid: number, everyMs: number): RssSampler {
  let maxBytes = rssOf(pid);
  let samples = 1;
  let stopped = false;
  const timer = setInterval(() => {
    try {
      maxBytes = Math.max(maxBytes, rssOf(pid));
      samples += 1;
    } catch {
      // The process has exited: keep what was read; the measurement that drives it will fail on its own.
      clearInterval(timer);
    }
  }, everyMs);
  // Sampling alone should not keep the bench process alive.
  timer.unref();
  return {
    stop() {
      if (!stopped) {
        stopped = true;
        clearInterval(timer);
        try {
          maxBytes = Math.max(maxBytes, rssOf(pid));
          samples += 1;
        } catch {
          // Gone since the last reading: the readings so far stand.
        }
      }
      return { maxBytes, samples };
    },
  };
}
