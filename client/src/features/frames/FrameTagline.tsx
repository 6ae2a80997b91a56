/** The top bar's line beside the name: the life science frame's as always, or (one frame only, not the seeded one) that frame's. */
import { useI18n } from "../../i18n/I18n.tsx";
import { useFrame } from "./FrameContext.tsx";
import { frameYears } from "./framesQuery.ts";

export function FrameTagline() {
  const { t } = useI18n();
  const { current, multiple } = useFrame();
  // With several frames the switcher names the frame; the line would only repeat it (and crowd the bar).
  if (multiple) return null;
  const text = current && !current.hasDocuments ? t("frameTagline", { name: current.name, years: frameYears(current) }) : t("tagline");
  return <span className="tagline">{text}</span>;
}
