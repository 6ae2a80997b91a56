/** The top bar's line under the name: the life science frame's as always, or the frame the planner is in. */
import { useI18n } from "../../i18n/I18n.tsx";
import { useFrame } from "./FrameContext.tsx";
import { frameYears } from "./framesQuery.ts";

export function FrameTagline() {
  const { t } = useI18n();
  const { current } = useFrame();
  const text = current && !current.hasDocuments ? t("frameTagline", { name: current.name, years: frameYears(current) }) : t("tagline");
  return <span className="tagline">{text}</span>;
}
