/**
 * The API tokens page (#/api-tokens, accounts mode): the signed-in person's tokens, a form to create
 * one, and revoking with a confirm step; for an admin also the other tokens of their organisation,
 * which they may revoke too. A new token's secret is shown once, in a box of its own, and lives only
 * in this page's state: it is fetched with client.mutation (no hook keeps the answer), urql's
 * document cache keeps no mutation results, and leaving the page or closing the box forgets it.
 */
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { type CombinedError, useClient, useMutation, useQuery } from "urql";
import { graphql, type ResultOf } from "../../graphql.ts";
import { failureText } from "../../app/failures.ts";
import { InputProblemsFragment, problemMessage, type SpecialisedProblems } from "../../app/problemText.ts";
import { useI18n } from "../../i18n/I18n.tsx";
import type { AccountUser } from "../account/accountDocuments.ts";
import "./apiTokens.css";

/** A token as its row shows it, and as creating one answers it. */
const TokenFields = graphql(`
  fragment TokenFields on ApiToken @_unmask { id name scope prefix createdAt lastUsedAt revokedAt }
`);
const ApiTokensQuery = graphql(
  `
  query ApiTokens { apiTokens { ...TokenFields } }
`,
  [TokenFields],
);
const OrganisationApiTokensQuery = graphql(
  `
  query OrganisationApiTokens { organisationApiTokens { ...TokenFields owner { id displayName email } } }
`,
  [TokenFields],
);
const CreateApiToken = graphql(
  `
  mutation CreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      __typename
      ... on CreatedApiToken { secret token { ...TokenFields } }
      ...InputProblems
    }
  }
`,
  [TokenFields, InputProblemsFragment],
);
const RevokeApiToken = graphql(
  `
  mutation RevokeApiToken($input: RevokeApiTokenInput!) {
    revokeApiToken(input: $input) {
      __typename
      ... on ApiToken { id name revokedAt }
      ...InputProblems
    }
  }
`,
  [InputProblemsFragment],
);

/** A row: one's own tokens, or (for an admin) the organisation's, with their owner. */
type TokenRow = ResultOf<typeof TokenFields> & Partial<Pick<ResultOf<typeof OrganisationApiTokensQuery>["organisationApiTokens"][number], "owner">>;
/** Why a token was not created or revoked. */
type Refusal = ResultOf<typeof InputProblemsFragment>;
type Scope = TokenRow["scope"];

const SCOPES: readonly Scope[] = ["READ", "READ_WRITE"];

/** This page's own words for the refusals it expects; any other code has the catalogue's (app/problemText.ts). */
const TOKEN_PROBLEMS: SpecialisedProblems = {
  REQUIRED: "tokensProblemName",
  TOO_LONG: "tokensProblemName",
  ABOVE_ROLE: "tokensProblemAboveRole",
  UNKNOWN_API_TOKEN: "tokensProblemUnknown",
  NO_ACCOUNTS: "tokensProblemNoAccounts",
};

export function ApiTokensPage({ me }: { me: AccountUser }) {
  const { t, locale } = useI18n();
  const client = useClient();
  const headingId = useId();
  const mineId = useId();
  const othersId = useId();
  const admin = me.role === "ADMIN";
  const [mine, refetchMine] = useQuery({ query: ApiTokensQuery });
  const [organisation, refetchOrganisation] = useQuery({ query: OrganisationApiTokensQuery, pause: !admin });
  const [, revokeToken] = useMutation(RevokeApiToken);
  const [status, setStatus] = useState<{ text: string; tone: "info" | "error" } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  // The one place the secret is held: gone when the box is closed or the page unmounts.
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const others = (organisation.data?.organisationApiTokens ?? []).filter((token) => token.owner?.id !== me.id);

  const refusalText = (result: ResultOf<typeof RevokeApiToken>["revokeApiToken"] | undefined, error: CombinedError | undefined) => failureText(t, result, error, TOKEN_PROBLEMS);

  const refresh = () => {
    refetchMine({ requestPolicy: "network-only" });
    if (admin) refetchOrganisation({ requestPolicy: "network-only" });
  };

  async function createToken(name: string, scope: Scope): Promise<Refusal | null> {
    setStatus(null);
    const response = await client.mutation(CreateApiToken, { input: { name, scope } }).toPromise();
    const result = response.data?.createApiToken;
    if (result?.__typename === "CreatedApiToken") {
      setCreated({ name: result.token.name, secret: result.secret });
      refresh();
      return null;
    }
    if (result?.__typename !== "InvalidInputError") setStatus({ text: failureText(t, null, response.error), tone: "error" });
    return result ?? null;
  }

  async function revoke(token: TokenRow) {
    const response = await revokeToken({ input: { id: token.id } });
    const result = response.data?.revokeApiToken;
    setConfirming(null);
    if (result?.__typename === "ApiToken") setStatus({ text: t("tokensRevoked", { name: result.name }), tone: "info" });
    else setStatus({ text: refusalText(result, response.error), tone: "error" });
    refresh();
  }

  const table = (tokens: TokenRow[], labelledBy: string, showOwner: boolean) => (
    <TokenTable tokens={tokens} labelledBy={labelledBy} showOwner={showOwner} confirming={confirming} onConfirm={setConfirming} onRevoke={(token) => void revoke(token)} locale={locale} />
  );

  return (
    <section className="api-tokens-page" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("tokensTitle")}</h2>
      <p className="muted intro">{t("tokensIntro")}</p>
      {created && <SecretBox name={created.name} secret={created.secret} onDone={() => setCreated(null)} />}
      <CreateTokenForm viewer={me.role === "VIEWER"} onCreate={createToken} />
      <p className={`status ${status?.tone ?? ""}`} role="status" aria-live="polite">
        {status?.text ?? ""}
      </p>

      <h3 id={mineId}>{t("tokensMine")}</h3>
      {mine.error && <p role="alert" className="error">{t("loadError", { message: failureText(t, null, mine.error) })}</p>}
      {mine.data && (mine.data.apiTokens.length === 0 ? <p className="muted">{t("tokensNone")}</p> : table(mine.data.apiTokens, mineId, false))}

      {admin && (
        <>
          <h3 id={othersId}>{t("tokensOrganisation", { organisation: me.organisation.name })}</h3>
          <p className="muted">{t("tokensOrganisationIntro")}</p>
          {organisation.error && <p role="alert" className="error">{t("loadError", { message: failureText(t, null, organisation.error) })}</p>}
          {organisation.data && (others.length === 0 ? <p className="muted">{t("tokensOrganisationNone")}</p> : table(others, othersId, true))}
        </>
      )}
    </section>
  );
}

interface TableProps {
  tokens: TokenRow[];
  labelledBy: string;
  showOwner: boolean;
  confirming: string | null;
  onConfirm: (id: string | null) => void;
  onRevoke: (token: TokenRow) => void;
  locale: "da" | "en";
}

function TokenTable({ tokens, labelledBy, showOwner, confirming, onConfirm, onRevoke, locale }: TableProps) {
  const { t } = useI18n();
  const dateTime = new Intl.DateTimeFormat(locale === "da" ? "da-DK" : "en-GB", { dateStyle: "medium", timeStyle: "short" });
  const when = (iso: string) => dateTime.format(new Date(iso));
  const columns = showOwner ? 8 : 7;
  return (
    <table className="data-table api-tokens-table" aria-labelledby={labelledBy}>
      <thead>
        <tr>
          <th scope="col">{t("tokensColumnName")}</th>
          {showOwner && <th scope="col">{t("tokensColumnOwner")}</th>}
          <th scope="col">{t("tokensColumnScope")}</th>
          <th scope="col">{t("tokensColumnPrefix")}</th>
          <th scope="col">{t("tokensColumnCreated")}</th>
          <th scope="col">{t("tokensColumnLastUsed")}</th>
          <th scope="col">{t("tokensColumnStatus")}</th>
          <th scope="col"><span className="visually-hidden">{t("tokensColumnActions")}</span></th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((token) => (
          <TokenRows key={token.id} token={token} showOwner={showOwner} columns={columns} confirming={confirming === token.id} onConfirm={onConfirm} onRevoke={onRevoke} when={when} />
        ))}
      </tbody>
    </table>
  );
}

function TokenRows({ token, showOwner, columns, confirming, onConfirm, onRevoke, when }: { token: TokenRow; showOwner: boolean; columns: number; confirming: boolean; onConfirm: (id: string | null) => void; onRevoke: (token: TokenRow) => void; when: (iso: string) => string }) {
  const { t } = useI18n();
  const revoked = token.revokedAt !== null;
  return (
    <>
      <tr className={revoked ? "revoked" : undefined}>
        <th scope="row">{token.name}</th>
        {showOwner && <td>{token.owner?.displayName}</td>}
        <td>{t(`tokensScope${token.scope}`)}</td>
        <td><code>{token.prefix}_…</code></td>
        <td>{when(token.createdAt)}</td>
        <td>{token.lastUsedAt ? when(token.lastUsedAt) : t("tokensNeverUsed")}</td>
        <td>{token.revokedAt ? t("tokensRevokedAt", { when: when(token.revokedAt) }) : t("tokensActive")}</td>
        <td className="actions">
          {!revoked && !confirming && (
            <button type="button" onClick={() => onConfirm(token.id)} aria-label={t("tokensRevokeLabel", { name: token.name })}>
              {t("tokensRevoke")}
            </button>
          )}
        </td>
      </tr>
      {confirming && (
        <tr className="confirm">
          <td colSpan={columns}>
            <span>{t("tokensRevokeConfirm", { name: token.name })}</span>
            <button type="button" className="danger" autoFocus onClick={() => onRevoke(token)}>{t("tokensRevokeYes")}</button>
            <button type="button" onClick={() => onConfirm(null)}>{t("cancel")}</button>
          </td>
        </tr>
      )}
    </>
  );
}

function CreateTokenForm({ viewer, onCreate }: { viewer: boolean; onCreate: (name: string, scope: Scope) => Promise<Refusal | null> }) {
  const { t } = useI18n();
  const nameHintId = useId();
  const viewerHintId = useId();
  const [name, setName] = useState("");
  const [scope, setScope] = useState<Scope>("READ");
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<{ name?: string; scope?: string; form?: string }>({});

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const refusal = await onCreate(name, scope);
    setBusy(false);
    const next: typeof problems = {};
    for (const problem of refusal?.inputProblems ?? []) {
      const { key, params } = problemMessage(problem, TOKEN_PROBLEMS);
      const text = t(key, params);
      if (problem.field === "input.name") next.name = text;
      else if (problem.field === "input.scope") next.scope = text;
      else next.form = text;
    }
    setProblems(next);
    if (!refusal) setName("");
  }

  return (
    <form className="token-form" onSubmit={(event) => void submit(event)} aria-label={t("tokensCreateTitle")} noValidate>
      <h3>{t("tokensCreateTitle")}</h3>
      <label>
        <span>{t("tokensCreateName")}</span>
        <input value={name} maxLength={100} autoComplete="off" aria-invalid={!!problems.name} aria-describedby={nameHintId} onChange={(event) => setName(event.target.value)} />
        {problems.name ? <small className="error">{problems.name}</small> : <small id={nameHintId} className="muted">{t("tokensCreateNameHint")}</small>}
      </label>
      <fieldset aria-describedby={viewer ? viewerHintId : undefined}>
        <legend>{t("tokensCreateScope")}</legend>
        {SCOPES.map((option) => (
          <label key={option} className={`inline ${viewer && option !== "READ" ? "unavailable" : ""}`}>
            <input type="radio" name="scope" value={option} checked={scope === option} disabled={viewer && option !== "READ"} onChange={() => setScope(option)} />
            {t(`tokensCreateScope${option}`)}
          </label>
        ))}
        {viewer && <small id={viewerHintId} className="muted">{t("tokensCreateViewerOnlyRead")}</small>}
        {problems.scope && <small className="error">{problems.scope}</small>}
      </fieldset>
      <button type="submit" className="primary" disabled={busy}>{t("tokensCreateSubmit")}</button>
      {problems.form && <p className="error">{problems.form}</p>}
    </form>
  );
}

/** The new token's secret, this once: selectable, copyable, and forgotten when closed. */
function SecretBox({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  const { t } = useI18n();
  const headingId = useId();
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<string>("");

  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, [secret]);

  async function copy() {
    try {
      // Only on https or localhost; elsewhere the text is selected for the person to copy.
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(secret);
      setCopied(t("tokensCopied"));
    } catch {
      field.current?.focus();
      field.current?.select();
      setCopied(t("tokensCopySelected"));
    }
  }

  return (
    <section className="token-secret" aria-labelledby={headingId}>
      <h3 id={headingId}>{t("tokensSecretTitle", { name })}</h3>
      <p className="token-secret-warning">{t("tokensSecretWarning")}</p>
      <div className="token-secret-row">
        <input ref={field} readOnly value={secret} aria-label={t("tokensSecretLabel")} spellCheck={false} autoComplete="off" onFocus={(event) => event.target.select()} />
        <button type="button" className="primary" onClick={() => void copy()}>{t("tokensCopy")}</button>
      </div>
      <p className="muted small" role="status" aria-live="polite">{copied}</p>
      <button type="button" onClick={onDone}>{t("tokensSecretDone")}</button>
    </section>
  );
}
