/**
 * Keeps the compiled server running for `npm start`: runs `node server/dist/server.js` as its one
 * child (stdio passed through), and when that process dies without being asked to stop (a crash, an
 * out-of-memory abort, a SIGKILL) says so and starts it again, after 1 s, then 2, 4, 8, 16 s while
 * it keeps crashing within a minute of its start; after five such crashes in a row it gives up and
 * exits with the server's code. SIGTERM, SIGINT and SIGHUP are passed to the server, which stops
 * gracefully; this process then exits with the server's code. A server that exits with 0 (stopped by
 * a signal sent to it directly) is not restarted. When the process that started this one goes away
 * (npm is stopped with SIGTERM: npm does not pass the signal on through its shell), the server is
 * stopped the same way, so no server is left running without its supervisor.
 *
 * A deployment does not need this: systemd (deploy/ramme.service) or the container runtime runs
 * `node server/dist/server.js` directly and restarts it the same way.
 *
 *   node scripts/supervise.mjs      (what `npm start` runs once it has built and migrated)
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { constants } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

const SERVER = path.join(import.meta.dirname, "..", "server", "dist", "server.js");
/** A run this long was not a crash loop: the next crash restarts after the first delay again. */
const STABLE_MS = 60_000;
const FIRST_DELAY_MS = 1_000;
const GIVE_UP_AFTER = 5;
const FORWARDED = ["SIGTERM", "SIGINT", "SIGHUP"];

const log = (line) => console.error(`[supervisor] ${line}`);
const exitCodeOf = (code, signal) => code ?? 128 + (constants.signals[signal] ?? 0);

/** Runs the server until it is told to stop (or crashes too often); resolves with the exit code to use. */
export function superviseServer({ env = process.env } = {}) {
  if (!existsSync(SERVER)) {
    log(`${SERVER} is missing: build the server first (npx pnpm@10.34.8 --filter @ramme/server run build).`);
    return Promise.resolve(1);
  }
  return new Promise((resolve) => {
    let child = null;
    let stopping = false;
    let quickCrashes = 0;
    let restartTimer = null;

    const finish = (code) => {
      clearInterval(orphanWatch);
      for (const signal of FORWARDED) process.off(signal, onSignal);
      resolve(code);
    };
    const start = () => {
      restartTimer = null;
      const startedAt = Date.now();
      child = spawn(process.execPath, [SERVER], { stdio: "inherit", env });
      log(`started the server (pid ${child.pid}).`);
      child.once("exit", (code, signal) => {
        child = null;
        if (stopping) return finish(exitCodeOf(code, signal));
        if (code === 0) {
          log("the server stopped by itself (exit code 0); not restarting it.");
          return finish(0);
        }
        const ranMs = Date.now() - startedAt;
        quickCrashes = ranMs >= STABLE_MS ? 1 : quickCrashes + 1;
        const how = signal ? `killed by ${signal}` : `exit code ${code}`;
        if (quickCrashes > GIVE_UP_AFTER) {
          log(`the server crashed (${how}) ${GIVE_UP_AFTER + 1} times in a row, each within ${STABLE_MS / 1000} s of its start; giving up.`);
          return finish(exitCodeOf(code, signal));
        }
        const delayMs = FIRST_DELAY_MS * 2 ** (quickCrashes - 1);
        log(`the server crashed (${how}) after ${(ranMs / 1000).toFixed(1)} s; restarting it in ${delayMs / 1000} s.`);
        restartTimer = setTimeout(start, delayMs);
      });
    };
    function onSignal(signal) {
      stopping = true;
      if (child) {
        child.kill(signal);
      } else {
        clearTimeout(restartTimer);
        log(`${signal} while waiting to restart the server: not restarting it.`);
        finish(0);
      }
    }
    for (const signal of FORWARDED) process.on(signal, onSignal);
    const parent = process.ppid;
    const orphanWatch = setInterval(() => {
      if (process.ppid === parent || stopping) return;
      log("the process that started this one has gone: stopping the server.");
      onSignal("SIGTERM");
    }, 1_000);
    orphanWatch.unref();
    start();
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.exit(await superviseServer());
}
