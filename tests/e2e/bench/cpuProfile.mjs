/**
 * `--import ./cpuProfile.mjs` with RAMME_CPU_PROFILE=<file>: records a V8 CPU profile of the whole
 * process and writes it when the process exits, as `node --cpu-prof` would (which Node 20 does not
 * accept in NODE_OPTIONS, the one way to reach the server started by serverProcess.ts).
 */
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector";

const session = new Session();
session.connect();
session.post("Profiler.enable");
session.post("Profiler.setSamplingInterval", { interval: 200 });
session.post("Profiler.start");
process.on("exit", () => {
  // On the main thread the session answers synchronously, so this runs before the process ends.
  session.post("Profiler.stop", (error, result) => {
    if (!error) writeFileSync(process.env.RAMME_CPU_PROFILE, JSON.stringify(result.profile));
  });
});
