/**
 * `node tests/e2e/bench/profileSummary.mjs FILE.cpuprofile [N]`: the N functions (default 25) with
 * the most self time in a V8 CPU profile, and self time summed by package, so the cost of each layer
 * (graphql-js, Pothos, Prisma, the driver, our code) shows at a glance.
 */
import { readFileSync } from "node:fs";

const [file, count = "25"] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, "utf8"));
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const selfMicros = new Map();
const deltas = profile.timeDeltas;
profile.samples.forEach((id, index) => selfMicros.set(id, (selfMicros.get(id) ?? 0) + (deltas[index + 1] ?? 0)));
const total = [...selfMicros.values()].reduce((a, b) => a + b, 0);

const layer = (url) => {
  if (!url) return "(native/V8)";
  const pkg = url.match(/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1];
  if (url.startsWith("node:")) return "node:*";
  const own = url.match(/\/work\/main\/([^/]+\/src\/[^/]+)/);
  return own ? own[1] : url;
};
const byFunction = new Map();
const byLayer = new Map();
for (const [id, micros] of selfMicros) {
  const { callFrame } = nodes.get(id);
  const key = `${callFrame.functionName || "(anonymous)"}  ${callFrame.url.replace(/^.*node_modules\//, "").replace("file:///work/main/", "")}:${callFrame.lineNumber + 1}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
  const group = layer(callFrame.url);
  byLayer.set(group, (byLayer.get(group) ?? 0) + micros);
}
const show = (map, n) =>
  [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([key, micros]) => `${(micros / 1000).toFixed(0).padStart(7)} ms ${((100 * micros) / total).toFixed(1).padStart(5)}%  ${key}`).join("\n");
console.log(`total sampled: ${(total / 1000).toFixed(0)} ms\n\nself time by function:\n${show(byFunction, Number(count))}\n\nself time by layer:\n${show(byLayer, 15)}`);
