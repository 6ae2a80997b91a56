/**
 * Startup wiring: every change the engine commits goes out on the change feed to live viewers. The
 * engine's after-commit hook (engine/committedChanges.ts) is registered once, however many yoga
 * instances a process builds (tests and benchmarks build several).
 */
import { onChangeCommitted } from "../engine/committedChanges.ts";
import { changeFeed } from "./changeFeed.ts";

let registered = false;

export function publishCommittedChanges(): void {
  if (registered) return;
  registered = true;
  onChangeCommitted((change) => changeFeed().publish(change));
}
