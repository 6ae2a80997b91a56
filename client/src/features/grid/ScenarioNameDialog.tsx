/**
 * Forking or renaming the scenario from its own page: the same name dialog as the scenario list, so a
 * fork is never made under a name nobody chose, and a what-if can be renamed where it is worked on.
 */
import { useState } from "react";
import { useMutation } from "urql";
import { failureText } from "../../app/failures.ts";
import { navigate } from "../../app/route.ts";
import { useI18n } from "../../i18n/I18n.tsx";
import { NameDialog } from "../scenarios/NameDialog.tsx";
import { ForkScenario, UpdateScenario } from "../scenarios/scenarioActions.ts";

export function ScenarioNameDialog({ kind, scenario, onClose, onRenamed }: {
  kind: "fork" | "rename";
  scenario: { key: string; name: string; description: string | null; version: number };
  onClose: () => void;
  /** The rename is stored: the page shows the new name. */
  onRenamed: () => void;
}) {
  const { t } = useI18n();
  const [, fork] = useMutation(ForkScenario);
  const [, update] = useMutation(UpdateScenario);
  const [failure, setFailure] = useState<string | null>(null);
  const submit = async (name: string, description: string) => {
    if (kind === "fork") {
      const response = await fork({ input: { sourceId: scenario.key, name, description } });
      const result = response.data?.forkScenario;
      if (result?.__typename === "ScenarioEdit" && result.scenario) {
        onClose();
        navigate({ view: "scenario", key: result.scenario.key });
      } else setFailure(t("editFailed", { message: failureText(t, result, response.error) }));
      return;
    }
    const response = await update({ input: { scenarioId: scenario.key, expectedVersion: scenario.version, name, description } });
    const result = response.data?.updateScenario;
    if (result?.__typename === "ScenarioEdit") {
      onClose();
      onRenamed();
    } else setFailure(t("editFailed", { message: failureText(t, result, response.error) }));
  };
  return <NameDialog editing={{ kind, scenario }} onClose={onClose} onSubmit={submit} failure={failure} />;
}
