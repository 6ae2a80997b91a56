/**
 * Sharing a what-if of one's own organisation (accounts mode, OWNER access): the organisations it is
 * shared with, each with its access to change or the share to take back, and a form to share it with
 * another. The server decides; refusals are shown by their code, in the user's language.
 */
import { type FormEvent, useId, useState } from "react";
import { type CombinedError, useMutation, useQuery } from "urql";
import { graphql, type ResultOf } from "../../graphql.ts";
import { InputProblemsFragment, type SpecialisedProblems } from "../../app/problemText.ts";
import { oneOf } from "../../app/oneOf.ts";
import { Dialog } from "../../app/Dialog.tsx";
import { failureText } from "../../app/failures.ts";
import { scenarioGlobalId } from "../../app/ids.ts";
import { useI18n } from "../../i18n/I18n.tsx";
import type { MessageKey } from "../../i18n/messages.ts";
import type { ShareAccess } from "./ownership.ts";
import "./sharing.css";

/** A what-if's shares and their log: what the dialog shows, and what a change answers (so the cache updates). */
const Sharing = graphql(`
  fragment Sharing on Scenario @_unmask {
    id key
    sharedWith { organisation { id key name } access sharedBy sharedAt }
    sharingHistory { organisation { id key name } before after actor at }
  }
`);

const ScenarioSharing = graphql(
  `
  query ScenarioSharing($id: ID!) {
    scenario(id: $id) { owner { id key name } ...Sharing }
    organisations { id key name kind }
  }
`,
  [Sharing],
);

const ShareScenario = graphql(
  `
  mutation ShareScenario($input: ShareScenarioInput!) {
    shareScenario(input: $input) { __typename ...Sharing ...InputProblems }
  }
`,
  [Sharing, InputProblemsFragment],
);

const UnshareScenario = graphql(
  `
  mutation UnshareScenario($input: UnshareScenarioInput!) {
    unshareScenario(input: $input) { __typename ...Sharing ...InputProblems }
  }
`,
  [Sharing, InputProblemsFragment],
);

type Share = ResultOf<typeof Sharing>["sharedWith"][number];
type Result = ResultOf<typeof ShareScenario>["shareScenario"] | ResultOf<typeof UnshareScenario>["unshareScenario"];

const ACCESSES: readonly ShareAccess[] = ["READ", "EDIT"];
const accessKey = (access: ShareAccess): MessageKey => (access === "EDIT" ? "shareAccessEDIT" : "shareAccessREAD");
const accessLowerKey = (access: ShareAccess): MessageKey => (access === "EDIT" ? "shareAccessEditLower" : "shareAccessReadLower");

/** The dialog's own words for the refusals it expects; any other code has the catalogue's. */
const PROBLEMS: SpecialisedProblems = {
  UNKNOWN_ORGANISATION: "shareProblemUnknownOrganisation",
  OWN_ORGANISATION: "shareProblemOwnOrganisation",
  NOT_A_WHAT_IF: "shareProblemNotAWhatIf",
  UNKNOWN_SCENARIO: "shareProblemUnknownScenario",
};

export function ShareDialog({ scenarioKey, scenarioName, onClose }: { scenarioKey: string; scenarioName: string; onClose: () => void }) {
  const { t, locale } = useI18n();
  const ids = { current: useId(), add: useId(), organisation: useId(), access: useId() };
  const [{ data, error }] = useQuery({ query: ScenarioSharing, variables: { id: scenarioGlobalId(scenarioKey) } });
  const [, share] = useMutation(ShareScenario);
  const [, unshare] = useMutation(UnshareScenario);
  const [chosen, setChosen] = useState("");
  const [access, setAccess] = useState<ShareAccess>("READ");
  const [status, setStatus] = useState<{ text: string; tone: "info" | "error" } | null>(null);
  const [busy, setBusy] = useState(false);
  const when = new Intl.DateTimeFormat(locale === "da" ? "da-DK" : "en-GB", { dateStyle: "medium", timeStyle: "short" });

  const scenario = data?.scenario ?? null;
  const shares = scenario?.sharedWith ?? [];
  const available = (data?.organisations ?? []).filter(
    (organisation) => organisation.key !== scenario?.owner?.key && !shares.some((entry) => entry.organisation.key === organisation.key),
  );

  /** Runs one change and says how it went: `done` when it went through, the refusal by its code when not. */
  async function change(run: () => Promise<{ result: Result | undefined; error: CombinedError | undefined }>, done: string): Promise<boolean> {
    setBusy(true);
    const { result, error: failure } = await run();
    setBusy(false);
    if (result?.__typename === "Scenario") {
      setStatus({ text: done, tone: "info" });
      return true;
    }
    const refused = result?.__typename === "InvalidInputError" ? failureText(t, result, failure, PROBLEMS) : "";
    const forbidden = failure?.graphQLErrors.some((graphQLError) => graphQLError.extensions?.code === "FORBIDDEN");
    setStatus({ text: refused || (forbidden ? t("shareForbidden") : t("shareFailed", { message: failureText(t, null, failure) })), tone: "error" });
    return false;
  }

  async function add(event: FormEvent) {
    event.preventDefault();
    const organisation = available.find((entry) => entry.key === chosen);
    if (!organisation) return;
    const shared = await change(async () => {
      const response = await share({ input: { scenarioId: scenarioKey, organisation: organisation.key, access } });
      return { result: response.data?.shareScenario, error: response.error };
    }, t("shareDone", { organisation: organisation.name, access: t(accessLowerKey(access)) }));
    if (shared) setChosen("");
  }

  const setShareAccess = (entry: Share, next: ShareAccess) =>
    change(async () => {
      const response = await share({ input: { scenarioId: scenarioKey, organisation: entry.organisation.key, access: next } });
      return { result: response.data?.shareScenario, error: response.error };
    }, t("shareChanged", { organisation: entry.organisation.name, access: t(accessLowerKey(next)) }));

  const remove = (entry: Share) =>
    change(async () => {
      const response = await unshare({ input: { scenarioId: scenarioKey, organisation: entry.organisation.key } });
      return { result: response.data?.unshareScenario, error: response.error };
    }, t("shareRemoved", { organisation: entry.organisation.name }));

  const accessText = (value: ShareAccess | null) => (value === null ? t("shareHistoryNone") : t(accessKey(value)));

  return (
    <Dialog title={t("shareTitle", { name: scenarioName })} onClose={onClose} className="share-dialog">
      <p className="muted small">{t("shareIntro")}</p>
      {error && <p role="alert" className="error">{t("loadError", { message: failureText(t, null, error) })}</p>}
      {!data && !error && <p>{t("loading")}</p>}
      {scenario && (
        <>
          <h3 id={ids.current}>{t("shareCurrent")}</h3>
          {shares.length === 0 ? (
            <p className="muted">{t("shareNone")}</p>
          ) : (
            <table className="data-table share-table" aria-labelledby={ids.current}>
              <thead>
                <tr>
                  <th scope="col">{t("shareColumnOrganisation")}</th>
                  <th scope="col">{t("shareColumnAccess")}</th>
                  <th scope="col">{t("shareColumnBy")}</th>
                  <th scope="col">{t("shareColumnAt")}</th>
                  <th scope="col"><span className="visually-hidden">{t("shareRemove")}</span></th>
                </tr>
              </thead>
              <tbody>
                {shares.map((entry) => (
                  <tr key={entry.organisation.key}>
                    <th scope="row">{entry.organisation.name}</th>
                    <td>
                      <select
                        value={entry.access}
                        disabled={busy}
                        aria-label={t("shareAccessLabel", { organisation: entry.organisation.name })}
                        onChange={(event) => { const next = oneOf(ACCESSES, event.target.value); if (next) void setShareAccess(entry, next); }}
                      >
                        {ACCESSES.map((value) => <option key={value} value={value}>{t(accessKey(value))}</option>)}
                      </select>
                    </td>
                    <td>{entry.sharedBy}</td>
                    <td className="when">{when.format(new Date(entry.sharedAt))}</td>
                    <td>
                      <button type="button" disabled={busy} onClick={() => void remove(entry)} aria-label={t("shareRemoveLabel", { organisation: entry.organisation.name })}>
                        {t("shareRemove")}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h3 id={ids.add}>{t("shareNewTitle")}</h3>
          {available.length === 0 ? (
            <p className="muted">{t("shareNoneLeft")}</p>
          ) : (
            <form className="share-form" aria-labelledby={ids.add} onSubmit={(event) => void add(event)}>
              <div className="share-field share-organisation">
                <label htmlFor={ids.organisation}>{t("shareNewOrganisation")}</label>
                <select id={ids.organisation} value={chosen} onChange={(event) => setChosen(event.target.value)}>
                  <option value="">{t("shareChoose")}</option>
                  {available.map((organisation) => <option key={organisation.key} value={organisation.key}>{organisation.name}</option>)}
                </select>
              </div>
              <div className="share-field">
                <label htmlFor={ids.access}>{t("shareNewAccess")}</label>
                <select id={ids.access} value={access} onChange={(event) => setAccess(oneOf(ACCESSES, event.target.value) ?? access)}>
                  {ACCESSES.map((value) => <option key={value} value={value}>{t(accessKey(value))}</option>)}
                </select>
              </div>
              <button type="submit" className="primary" disabled={busy || chosen === ""}>{t("shareNewSubmit")}</button>
            </form>
          )}
          <p className="status" role="status" aria-live="polite">{status?.tone === "info" ? status.text : ""}</p>
          {status?.tone === "error" && <p className="status error" role="alert">{status.text}</p>}
          {scenario.sharingHistory.length > 0 && (
            <details className="share-history">
              <summary>{t("shareHistory")}</summary>
              <ul>
                {[...scenario.sharingHistory].reverse().map((entry, index) => (
                  <li key={`${entry.at}:${index}`}>
                    {t("shareHistoryEntry", { when: when.format(new Date(entry.at)), actor: entry.actor, organisation: entry.organisation.name, before: accessText(entry.before), after: accessText(entry.after) })}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </Dialog>
  );
}
