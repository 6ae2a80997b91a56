/**
 * The users page (#/users, admins in accounts mode): the users an admin manages (their
 * organisation's; a secretariat admin's: everyone's), each with their role to change,
 * disable/enable, and a new password to set for one who forgot theirs (an inline form under the
 * row; not on one's own row: one's own is changed on Min konto, with the current one), and a form to create a user
 * with an initial password the admin passes on. The
 * server decides what an admin may do; this page shows its refusals by code, in the user's language.
 */
import { Fragment, type FormEvent, useId, useState } from "react";
import { useMutation, useQuery } from "urql";
import { graphql, type ResultOf, type VariablesOf } from "../../graphql.ts";
import { InputProblemsFragment, problemMessage, problemsOf, type ProblemParts, type SpecialisedProblems } from "../../app/problemText.ts";
import { oneOf } from "../../app/oneOf.ts";
import { failureText } from "../../app/failures.ts";
import { useI18n } from "../../i18n/I18n.tsx";
import { message, type MessageKey } from "../../i18n/messages.ts";
import type { AccountUser, Role } from "../account/accountDocuments.ts";
import "./users.css";

/** A row of the table, as listed and as every change of a user answers it. */
const UserRowFields = graphql(`
  fragment UserRowFields on User @_unmask { id email displayName role disabled createdAt organisation { id key name kind } }
`);
const UsersQuery = graphql(
  `
  query Users { users { ...UserRowFields } organisations { id key name kind } }
`,
  [UserRowFields],
);
const CreateUser = graphql(
  `mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { __typename ...UserRowFields ...InputProblems } }`,
  [UserRowFields, InputProblemsFragment],
);
const SetUserRole = graphql(
  `mutation SetUserRole($input: SetUserRoleInput!) { setUserRole(input: $input) { __typename ...UserRowFields ...InputProblems } }`,
  [UserRowFields, InputProblemsFragment],
);
const DisableUser = graphql(
  `mutation DisableUser($input: UserIdInput!) { disableUser(input: $input) { __typename ...UserRowFields ...InputProblems } }`,
  [UserRowFields, InputProblemsFragment],
);
const EnableUser = graphql(
  `mutation EnableUser($input: UserIdInput!) { enableUser(input: $input) { __typename ...UserRowFields ...InputProblems } }`,
  [UserRowFields, InputProblemsFragment],
);
const ResetUserPassword = graphql(`
  mutation ResetUserPassword($input: ResetUserPasswordInput!) {
    resetUserPassword(input: $input) { __typename ... on PasswordReset { sessionsEnded user { id displayName } } ...InputProblems }
  }
`, [InputProblemsFragment]);

type UserRow = ResultOf<typeof UserRowFields>;
/** What a change of one user answers (create, role, disable, enable). */
type Result = ResultOf<typeof CreateUser>["createUser"] | ResultOf<typeof SetUserRole>["setUserRole"] | ResultOf<typeof DisableUser>["disableUser"] | ResultOf<typeof EnableUser>["enableUser"];

const ROLES: readonly Role[] = ["ADMIN", "EDITOR", "VIEWER"];
const roleKey = (role: Role): MessageKey => `role${role}`;

/** The Danish/English text for a refused field, by the API's problem code. */
function userProblems(name: string): SpecialisedProblems {
  /** A missing or too long name or email says what the field needs; another field's has the catalogue's text. */
  const byField = (problem: ProblemParts) => {
    const field = problem.field?.replace(/^input\./, "");
    return field === "displayName" ? message("usersProblemName") : field === "email" ? message("usersProblemEmail") : problemMessage(problem);
  };
  return {
    REQUIRED: byField,
    TOO_LONG: byField,
    BAD_EMAIL: "usersProblemEmail",
    EMAIL_TAKEN: "usersProblemEmailTaken",
    WEAK_PASSWORD: "usersProblemPassword",
    UNKNOWN_ORGANISATION: "usersProblemOrganisation",
    NOT_YOUR_ORGANISATION: "usersProblemOrganisation",
    LAST_ADMIN: message("usersProblemLastAdmin", { name }),
    OWN_ACCOUNT: "usersProblemOwnAccount",
    UNKNOWN_USER: "usersProblemUnknown",
  };
}

/** The text for a refused password reset, by code (OWN_ACCOUNT: the server's answer for one's own row, which has no button). */
const RESET_PROBLEMS: SpecialisedProblems = {
  REQUIRED: "usersResetProblemRequired",
  WEAK_PASSWORD: "usersProblemPassword",
  TOO_LONG: "usersResetProblemTooLong",
  OWN_ACCOUNT: "usersResetProblemOwnAccount",
  UNKNOWN_USER: "usersProblemUnknown",
};

const FIELDS = ["displayName", "email", "organisationId", "role", "password"] as const;
type Field = (typeof FIELDS)[number];
const EMPTY_FORM: VariablesOf<typeof CreateUser>["input"] = { displayName: "", email: "", organisationId: "", role: "EDITOR", password: "" };

export function UsersPage({ me }: { me: AccountUser }) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const hintId = useId();
  const [{ data, error }, refetch] = useQuery({ query: UsersQuery });
  const [, createUser] = useMutation(CreateUser);
  const [, setRole] = useMutation(SetUserRole);
  const [, disableUser] = useMutation(DisableUser);
  const [, enableUser] = useMutation(EnableUser);
  const [, resetPassword] = useMutation(ResetUserPassword);
  /** The user whose password is being reset (the inline form under their row), its password and refusal. */
  const [reset, setReset] = useState<{ userId: string; password: string; problem: string | null } | null>(null);
  const resetHintId = useId();
  const resetErrorId = useId();
  const [form, setForm] = useState({ ...EMPTY_FORM, organisationId: me.organisation.key });
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const [status, setStatus] = useState<{ text: string; tone: "info" | "error" } | null>(null);
  const secretariat = me.organisation.kind === "SECRETARIAT";
  const organisations = (data?.organisations ?? []).filter((organisation) => secretariat || organisation.key === me.organisation.key);
  const users = data?.users ?? [];
  const created = new Intl.DateTimeFormat(locale === "da" ? "da-DK" : "en-GB", { dateStyle: "medium" });

  /** Shows the outcome of one change: `done` when it went through, the refusal (by code) when not. */
  function answered(result: Result | undefined, failure: Parameters<typeof failureText>[2], done: (user: UserRow) => string, name: string): boolean {
    if (result?.__typename === "User") {
      setStatus({ text: done(result), tone: "info" });
      refetch({ requestPolicy: "network-only" });
      return true;
    }
    setStatus({ text: failureText(t, result, failure, userProblems(name)), tone: "error" });
    refetch({ requestPolicy: "network-only" });
    return false;
  }

  async function create(event: FormEvent) {
    event.preventDefault();
    const response = await createUser({ input: form });
    const result = response.data?.createUser;
    const byField: Partial<Record<Field, string>> = {};
    for (const problem of problemsOf(result)) {
      const field = oneOf(FIELDS, problem.field.replace(/^input\./, ""));
      if (field) {
        const { key, params } = problemMessage(problem, userProblems(form.displayName));
        byField[field] = t(key, params);
      }
    }
    setProblems(byField);
    const done = answered(result, response.error, (user) => t("usersCreated", { name: user.displayName, role: t(roleKey(user.role)).toLowerCase(), organisation: user.organisation.name }), form.displayName);
    if (done) setForm({ ...EMPTY_FORM, organisationId: form.organisationId });
  }

  async function changeRole(user: UserRow, role: Role) {
    const response = await setRole({ input: { userId: user.id, role } });
    answered(response.data?.setUserRole, response.error, (changed) => t("usersRoleChanged", { name: changed.displayName, role: t(roleKey(changed.role)).toLowerCase() }), user.displayName);
  }

  async function toggle(user: UserRow) {
    if (user.disabled) {
      const response = await enableUser({ input: { userId: user.id } });
      answered(response.data?.enableUser, response.error, (changed) => t("usersEnabledStatus", { name: changed.displayName }), user.displayName);
    } else {
      const response = await disableUser({ input: { userId: user.id } });
      answered(response.data?.disableUser, response.error, (changed) => t("usersDisabledStatus", { name: changed.displayName }), user.displayName);
    }
  }

  async function submitReset(event: FormEvent, user: UserRow) {
    event.preventDefault();
    if (!reset) return;
    const response = await resetPassword({ input: { userId: user.id, newPassword: reset.password } });
    const result = response.data?.resetUserPassword;
    if (result?.__typename === "PasswordReset") {
      setReset(null);
      setStatus({ text: t("usersResetDone", { name: result.user.displayName, count: result.sessionsEnded }), tone: "info" });
      return;
    }
    const text = failureText(t, result, response.error, RESET_PROBLEMS);
    setReset({ ...reset, problem: text });
    setStatus(null);
  }

  const field = (name: Field, label: MessageKey, input: React.ReactNode) => (
    <label>
      <span>{t(label)}</span>
      {input}
      {problems[name] && <small className="error">{problems[name]}</small>}
    </label>
  );

  return (
    <section className="users-page" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("usersTitle")}</h2>
      <p className="muted">{secretariat ? t("usersIntroSecretariat") : t("usersIntro", { organisation: me.organisation.name })}</p>
      {error && <p role="alert" className="error">{t("loadError", { message: failureText(t, null, error) })}</p>}
      <table className="data-table users-table">
        <thead>
          <tr>
            <th scope="col">{t("usersColumnName")}</th>
            <th scope="col">{t("usersColumnEmail")}</th>
            <th scope="col">{t("usersColumnOrganisation")}</th>
            <th scope="col">{t("usersColumnRole")}</th>
            <th scope="col">{t("usersColumnStatus")}</th>
            <th scope="col">{t("usersColumnCreated")}</th>
            <th scope="col"><span className="visually-hidden">{t("usersColumnActions")}</span></th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <Fragment key={user.id}>
              <tr className={user.disabled ? "disabled" : undefined}>
                <th scope="row">
                  {user.displayName}
                  {user.id === me.id && <span className="badge">{t("usersYou")}</span>}
                </th>
                <td>{user.email}</td>
                <td>{user.organisation.name}</td>
                <td>
                  <select value={user.role} aria-label={t("usersRoleLabel", { name: user.displayName })} onChange={(event) => { const role = oneOf(ROLES, event.target.value); if (role) void changeRole(user, role); }}>
                    {ROLES.map((role) => <option key={role} value={role}>{t(roleKey(role))}</option>)}
                  </select>
                </td>
                <td>{user.disabled ? <span className="user-disabled">{t("usersDisabled")}</span> : t("usersActive")}</td>
                <td className="muted">{created.format(new Date(user.createdAt))}</td>
                <td className="actions">
                  {user.id !== me.id && (
                    <>
                      <button type="button" onClick={() => void toggle(user)} aria-label={t(user.disabled ? "usersEnableLabel" : "usersDisableLabel", { name: user.displayName })}>
                        {t(user.disabled ? "usersEnable" : "usersDisable")}
                      </button>
                      <button
                        type="button"
                        aria-expanded={reset?.userId === user.id}
                        aria-label={t("usersResetLabel", { name: user.displayName })}
                        onClick={() => setReset(reset?.userId === user.id ? null : { userId: user.id, password: "", problem: null })}
                      >
                        {t("usersReset")}
                      </button>
                    </>
                  )}
                </td>
              </tr>
              {reset?.userId === user.id && (
                <tr className="reset-row">
                  <td colSpan={7}>
                    <form className="reset-form" onSubmit={(event) => void submitReset(event, user)} aria-label={t("usersResetLabel", { name: user.displayName })} noValidate>
                      <label>
                        <span>{t("usersResetPassword", { name: user.displayName })}</span>
                        <input
                          type="password"
                          autoComplete="new-password"
                          autoFocus
                          value={reset.password}
                          onChange={(event) => setReset({ ...reset, password: event.target.value })}
                          aria-invalid={!!reset.problem}
                          aria-describedby={reset.problem ? `${resetErrorId} ${resetHintId}` : resetHintId}
                        />
                        {reset.problem && <small id={resetErrorId} className="error">{reset.problem}</small>}
                      </label>
                      <button type="submit" className="primary">{t("usersResetSubmit")}</button>
                      <button type="button" onClick={() => setReset(null)}>{t("usersResetCancel")}</button>
                      <p id={resetHintId} className="muted small hint">{t("usersResetHint")}</p>
                    </form>
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
      <p className={`status ${status?.tone ?? ""}`} role="status" aria-live="polite">{status?.text ?? ""}</p>

      <form className="user-form" onSubmit={(event) => void create(event)} aria-label={t("usersCreateTitle")} noValidate>
        <h3>{t("usersCreateTitle")}</h3>
        {field("displayName", "usersCreateName", <input value={form.displayName} autoComplete="off" onChange={(event) => setForm({ ...form, displayName: event.target.value })} aria-invalid={!!problems.displayName} />)}
        {field("email", "usersCreateEmail", <input type="email" value={form.email} autoComplete="off" onChange={(event) => setForm({ ...form, email: event.target.value })} aria-invalid={!!problems.email} />)}
        {field(
          "organisationId",
          "usersCreateOrganisation",
          <select value={form.organisationId} onChange={(event) => setForm({ ...form, organisationId: event.target.value })} aria-invalid={!!problems.organisationId}>
            {organisations.map((organisation) => <option key={organisation.key} value={organisation.key}>{organisation.name}</option>)}
          </select>,
        )}
        {field(
          "role",
          "usersCreateRole",
          <select value={form.role} onChange={(event) => setForm({ ...form, role: oneOf(ROLES, event.target.value) ?? form.role })}>
            {ROLES.map((role) => <option key={role} value={role}>{t(roleKey(role))}</option>)}
          </select>,
        )}
        {field("password", "usersCreatePassword", <input type="password" value={form.password} autoComplete="new-password" aria-describedby={hintId} onChange={(event) => setForm({ ...form, password: event.target.value })} aria-invalid={!!problems.password} />)}
        <button type="submit" className="primary">{t("usersCreateSubmit")}</button>
        <p id={hintId} className="muted small hint">{t("usersCreatePasswordHint")}</p>
      </form>
    </section>
  );
}
