/** The frame switcher in the top bar: only when more than one frame is open for work; choosing one opens its scenario list. */
import { navigate } from "../../app/route.ts";
import { useI18n } from "../../i18n/I18n.tsx";
import { frameParamOf, useFrame } from "./FrameContext.tsx";
import "./frames.css";

export function FrameSwitcher() {
  const { t } = useI18n();
  const state = useFrame();
  const { frames, current, multiple } = state;
  if (!multiple) return null;
  // A link may name an archived frame: it stays shown (as archived) while the planner is in it.
  const options = current && !frames.some((frame) => frame.key === current.key) ? [...frames, current] : frames;
  return (
    <label className="frame-switcher">
      <span className="frame-switcher-label">{t("frameSwitcherLabel")}</span>
      <select value={current?.key ?? ""} onChange={(event) => navigate({ view: "list" }, frameParamOf(state, event.target.value))}>
        {current === null && <option value="" disabled>–</option>}
        {options.map((frame) => (
          <option key={frame.key} value={frame.key}>{frame.archived ? t("frameArchivedBadge", { name: frame.name }) : frame.name}</option>
        ))}
      </select>
    </label>
  );
}
