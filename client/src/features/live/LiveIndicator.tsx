/** The live connection's state in the scenario's toolbar: a dot and a word, with what it means on hover. */
import { useI18n } from "../../i18n/I18n.tsx";
import type { MessageKey } from "../../i18n/messages.ts";
import type { LiveStatus } from "./useScenarioLive.ts";

const LABELS: Record<LiveStatus, MessageKey> = { connecting: "liveConnecting", live: "liveConnected", reconnecting: "liveReconnecting" };

export function LiveIndicator({ status }: { status: LiveStatus }) {
  const { t } = useI18n();
  return (
    <span className={`live-indicator ${status}`} role="status" title={t(status === "reconnecting" ? "liveReconnectingHint" : "liveConnectedHint")}>
      {t(LABELS[status])}
    </span>
  );
}
