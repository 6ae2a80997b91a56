/**
 * A private Redis for a test: Debian's redis-server on a free loopback port, keeping nothing on
 * disk, that the test may stop and start again (an outage) without touching the machine's own Redis.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { freePort } from "./serverProcess.ts";

export const redisServerBinary = process.env.RAMME_TEST_REDIS_SERVER ?? "/usr/bin/redis-server";

export interface RedisProcess {
  readonly url: string;
  readonly port: number;
  /** Stops it at once (SIGKILL: as a crashed or unplugged Redis). */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty. */
  start(): Promise<void>;
}

export function redisAvailable(): boolean {
  return existsSync(redisServerBinary);
}

export async function startRedis(): Promise<RedisProcess> {
  const port = await freePort();
  let child: ChildProcess | null = null;

  const start = async () => {
    const process_ = spawn(redisServerBinary, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: ["ignore", "pipe", "pipe"] });
    child = process_;
    let output = "";
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`redis-server did not start within 10 s:\n${output}`)), 10_000);
      process_.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
        output += chunk;
        if (output.includes("Ready to accept connections")) {
          clearTimeout(timer);
          resolve();
        }
      });
      process_.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited (code ${code}) before it was ready:\n${output}`));
      });
    });
  };

  const stop = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once("exit", resolve));
    running.kill("SIGKILL");
    await exited;
  };

  await start();
  return { url: `redis://127.0.0.1:${port}`, port, stop, start };
}
