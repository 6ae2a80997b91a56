/**
 * One viewer's stream of a scenario's changes: every committed change after the version it has,
 * once each, in version order, with no gaps, however the feed behaves.
 *
 * - It listens to the feed before it reads the database, and reads again once the feed confirms it
 *   is listening on every instance, so nothing committed in between is lost.
 * - It starts with what the history holds after `afterVersion` (a reconnecting client's catch-up).
 * - A live change that is not the next version (a message Redis dropped, or one that overtook
 *   another) makes it read the missed ones from the history first; one already delivered is skipped.
 * - When the feed asks (Redis back after an outage, or the backstop timer), it checks the history.
 * - It ends when the viewer goes, or when the server shuts down.
 */
import { Repeater } from "graphql-yoga";
import type { ChangeFeed } from "./changeFeed.ts";
import { changesAfter, scenarioVersion } from "./missedChanges.ts";
import type { ScenarioChangedEvent } from "./scenarioChanged.ts";
import { log } from "../observability/log.ts";

export function scenarioStream(feed: ChangeFeed, scenarioId: string, afterVersion: number): AsyncIterable<ScenarioChangedEvent> {
  return new Repeater<ScenarioChangedEvent>(async (push, stop) => {
    let delivered = afterVersion;
    let stopped = false;
    // Every step runs after the one before, so versions go out in order even while a catch-up reads.
    let steps: Promise<void> = Promise.resolve();
    const then = (step: () => Promise<void>) => {
      steps = steps.then(step).catch((error: unknown) => {
        // The database may be away; the next live change or resync tries again.
        log.warn(`Live stream of ${scenarioId} could not catch up (it retries): ${(error as Error).message}`);
      });
    };
    const deliver = async (event: ScenarioChangedEvent) => {
      if (stopped || event.version <= delivered) return;
      delivered = event.version;
      await push(event);
    };
    const catchUp = async () => {
      const current = await scenarioVersion(scenarioId);
      if (current === null || current <= delivered) return;
      while (!stopped) {
        const missed = await changesAfter(scenarioId, delivered);
        for (const event of missed.events) await deliver(event);
        if (missed.events.length === 0 || missed.currentVersion === null || delivered >= missed.currentVersion) return;
      }
    };

    const listening = feed.listen(scenarioId, (event) =>
      then(async () => {
        if (event.version === delivered + 1) await deliver(event);
        else if (event.version > delivered) await catchUp();
      }),
    );
    const stopResync = feed.onResync(() => then(catchUp));
    const stopOnClose = feed.onClose(() => stop());
    then(catchUp);
    // Until Redis confirms the subscription, another instance's change could pass unseen: look again then.
    void listening.ready.then(() => then(catchUp));

    await stop;
    stopped = true;
    listening.stop();
    stopResync();
    stopOnClose();
  });
}
