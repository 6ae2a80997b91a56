/** Adding a line to a what-if (a new proposal, or an initiative the scenario does not have) and taking one out. */
import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../graphql.ts";
import { InputProblemsFragment } from "../../app/problemText.ts";
import { Dialog } from "../../app/Dialog.tsx";
import { useI18n } from "../../i18n/I18n.tsx";
import { failureText } from "../../app/failures.ts";

/** The initiatives and themes of the scenario's own frame (a line of another frame is refused: OTHER_FRAME). */
const InitiativeChoices = graphql(`
  query InitiativeChoices($scenarioId: ID!) {
    scenario(id: $scenarioId) { id frame { id themes { key } } }
    initiatives(first: 500) { nodes { key title theme { key } } }
  }
`);

const AddInitiative = graphql(`
  mutation AddInitiative($input: AddInitiativeInput!) {
    addInitiative(input: $input) {
      __typename
      ... on ScenarioEdit { version change { lines { added initiative { key } } } }
      ...InputProblems
      ... on Error { message }
    }
  }
`, [InputProblemsFragment]);

const RemoveInitiative = graphql(`
  mutation RemoveInitiative($input: RemoveInitiativeInput!) {
    removeInitiative(input: $input) { __typename ... on ScenarioEdit { version } ...InputProblems ... on Error { message } }
  }
`, [InputProblemsFragment]);

interface Done {
  /** `addedKey`: the line the change added, for the grid to bring into view. */
  (version: number, addedKey?: string): void;
}

export function AddLineDialog(props: {
  scenarioKey: string;
  scenarioName: string;
  version: number;
  lineKeys: readonly string[];
  themes: ReadonlyArray<{ key: string; title: string }>;
  onClose: () => void;
  onDone: Done;
}) {
  const { t } = useI18n();
  const [{ data }] = useQuery({ query: InitiativeChoices, variables: { scenarioId: props.scenarioKey } });
  // Until the scenario's frame is known every theme is offered (the server refuses another frame's).
  const frameThemes = data?.scenario ? new Set(data.scenario.frame.themes.map((theme) => theme.key)) : null;
  const themes = frameThemes ? props.themes.filter((theme) => frameThemes.has(theme.key)) : props.themes;
  const [, add] = useMutation(AddInitiative);
  const [mode, setMode] = useState<"new" | "existing">("new");
  const [title, setTitle] = useState("");
  const [chosenTheme, setThemeKey] = useState<string | null>(null);
  const themeKey = chosenTheme ?? themes[0]?.key ?? "";
  const [description, setDescription] = useState("");
  const [existing, setExisting] = useState("");
  const [failure, setFailure] = useState<string | null>(null);
  const available = (data?.initiatives.nodes ?? []).filter((initiative) => !props.lineKeys.includes(initiative.key) && (frameThemes === null || frameThemes.has(initiative.theme.key)));

  async function submit() {
    const input =
      mode === "new"
        ? { scenarioId: props.scenarioKey, expectedVersion: props.version, title, themeId: themeKey, description: description || null }
        : { scenarioId: props.scenarioKey, expectedVersion: props.version, initiativeId: existing };
    const response = await add({ input });
    const result = response.data?.addInitiative;
    if (result?.__typename === "ScenarioEdit") {
      props.onDone(result.version, result.change?.lines.find((line) => line.added)?.initiative.key);
    } else setFailure(t("editFailed", { message: failureText(t, result, response.error) }));
  }

  return (
    <Dialog
      title={t("addLineTitle", { name: props.scenarioName })}
      onClose={props.onClose}
      actions={<button type="submit" form="add-line-form" className="primary">{t("addLine")}</button>}
    >
      <form id="add-line-form" onSubmit={(event) => { event.preventDefault(); void submit(); }}>
        <fieldset className="choice">
          <legend className="visually-hidden">{t("addLine")}</legend>
          <label className="inline"><input type="radio" checked={mode === "new"} onChange={() => setMode("new")} /> {t("addLineNew")}</label>
          <label className="inline"><input type="radio" checked={mode === "existing"} onChange={() => setMode("existing")} /> {t("addLineExisting")}</label>
        </fieldset>
        {mode === "new" ? (
          <>
            <label>{t("lineTitle")}<input value={title} onChange={(event) => setTitle(event.target.value)} required maxLength={300} autoFocus /></label>
            <label>
              {t("lineTheme")}
              <select value={themeKey} onChange={(event) => setThemeKey(event.target.value)}>
                {themes.map((theme) => <option key={theme.key} value={theme.key}>{theme.title}</option>)}
              </select>
            </label>
            <label>{t("forkDescription")}<textarea value={description} onChange={(event) => setDescription(event.target.value)} rows={3} maxLength={4000} /></label>
          </>
        ) : (
          <label>
            {t("addLineExistingLabel")}
            <select value={existing} onChange={(event) => setExisting(event.target.value)} required>
              <option value="">–</option>
              {available.map((initiative) => <option key={initiative.key} value={initiative.key}>{initiative.title}</option>)}
            </select>
          </label>
        )}
        {failure && <p role="alert" className="error">{failure}</p>}
      </form>
    </Dialog>
  );
}

export function RemoveLineDialog(props: { scenarioKey: string; version: number; line: { key: string; title: string }; onClose: () => void; onDone: Done }) {
  const { t } = useI18n();
  const [, remove] = useMutation(RemoveInitiative);
  const [failure, setFailure] = useState<string | null>(null);
  return (
    <Dialog
      title={t("removeLine")}
      onClose={props.onClose}
      actions={
        <button
          type="button"
          className="primary"
          onClick={async () => {
            const response = await remove({ input: { scenarioId: props.scenarioKey, initiativeId: props.line.key, expectedVersion: props.version } });
            const result = response.data?.removeInitiative;
            if (result?.__typename === "ScenarioEdit") props.onDone(result.version);
            else setFailure(t("editFailed", { message: failureText(t, result, response.error) }));
          }}
        >
          {t("removeLine")}
        </button>
      }
    >
      <p>{t("removeLineConfirm", { title: props.line.title })}</p>
      {failure && <p role="alert" className="error">{failure}</p>}
    </Dialog>
  );
}
