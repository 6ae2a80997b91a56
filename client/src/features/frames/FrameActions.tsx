/** "Ny ramme" and the current frame's settings, for those who may manage frames (secretariat admins), beside the scenario list's title. */
import { useState } from "react";
import { navigate } from "../../app/route.ts";
import { useI18n } from "../../i18n/I18n.tsx";
import { FrameSettingsDialog } from "./FrameSettingsDialog.tsx";
import { frameParamOf, useFrame } from "./FrameContext.tsx";
import { NewFrameDialog } from "./NewFrameDialog.tsx";

export function FrameActions() {
  const { t } = useI18n();
  const state = useFrame();
  const [open, setOpen] = useState<"new" | "baseline" | "settings" | null>(null);
  const current = state.current;
  // The life science frame is the documents': it is not renamed or archived here.
  const managed = current !== null && !current.hasDocuments && !current.archived;
  return (
    <>
      {managed && <button type="button" onClick={() => setOpen("settings")}>{t("frameSettingsButton")}</button>}
      {current !== null && !current.archived && <button type="button" title={t("newBaselineButtonTitle")} onClick={() => setOpen("baseline")}>{t("newBaselineButton")}</button>}
      <button type="button" title={t("newFrameButtonTitle")} onClick={() => setOpen("new")}>{t("newFrameButton")}</button>
      {open === "new" && (
        <NewFrameDialog
          onClose={() => setOpen(null)}
          onCreated={(frameKey, baselineKey) => {
            setOpen(null);
            state.refresh();
            navigate({ view: "scenario", key: baselineKey }, frameParamOf(state, frameKey));
          }}
        />
      )}
      {open === "baseline" && current && (
        <NewFrameDialog
          frame={{ key: current.key, name: current.name }}
          onClose={() => setOpen(null)}
          onCreated={(frameKey, baselineKey) => {
            setOpen(null);
            navigate({ view: "scenario", key: baselineKey }, frameParamOf(state, frameKey));
          }}
        />
      )}
      {open === "settings" && current && (
        <FrameSettingsDialog
          frame={current}
          onClose={() => setOpen(null)}
          onSaved={state.refresh}
          onArchived={() => {
            setOpen(null);
            state.refresh();
            navigate({ view: "list" }, null);
          }}
        />
      )}
    </>
  );
}
