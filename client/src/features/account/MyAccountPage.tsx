/**
 * Min konto (#/account, accounts mode): who the signed-in person is (name, e-mail, organisation,
 * role) and a form to change their own password with the current one (changePassword).
 * The passwords live only in the form's inputs: the fields are uncontrolled and read at submit, the
 * mutation is sent with client.mutation (no hook keeps its variables), and a change that went
 * through empties the form. The two new passwords are compared here, before anything is sent; the
 * server's refusals are shown at their field, by code, in the user's language.
 */
import { type FormEvent, useId, useRef, useState } from "react";
import { useClient } from "urql";
import { graphql } from "../../graphql.ts";
import { InputProblemsFragment } from "../../app/problemText.ts";
import { failureText } from "../../app/failures.ts";
import { problemsOf } from "../../app/problemText.ts";
import { useI18n } from "../../i18n/I18n.tsx";
import type { MessageKey } from "../../i18n/messages.ts";
import type { AccountUser } from "./accountDocuments.ts";
import "./account.css";

const ChangePassword = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      __typename
      ... on PasswordChanged { otherSessionsEnded }
      ...InputProblems
    }
  }
`, [InputProblemsFragment]);

type Field = "currentPassword" | "newPassword" | "repeatPassword";
const FIELDS: Field[] = ["currentPassword", "newPassword", "repeatPassword"];

/** The text for a refused field, by the API's field and problem code. */
function problemKey(field: string, code: string): { field: Field; key: MessageKey } | null {
  const keys: Record<string, { field: Field; key: MessageKey }> = {
    "input.currentPassword REQUIRED": { field: "currentPassword", key: "passwordCurrentRequired" },
    "input.currentPassword TOO_LONG": { field: "currentPassword", key: "passwordCurrentTooLong" },
    "input.currentPassword WRONG_PASSWORD": { field: "currentPassword", key: "passwordWrong" },
    "input.newPassword REQUIRED": { field: "newPassword", key: "passwordNewRequired" },
    "input.newPassword WEAK_PASSWORD": { field: "newPassword", key: "passwordNewWeak" },
    "input.newPassword TOO_LONG": { field: "newPassword", key: "passwordNewTooLong" },
  };
  return keys[`${field} ${code}`] ?? null;
}

function changedKey(otherSessionsEnded: number): MessageKey {
  if (otherSessionsEnded === 0) return "passwordChangedNone";
  return otherSessionsEnded === 1 ? "passwordChangedOne" : "passwordChangedMany";
}

export function MyAccountPage({ me }: { me: AccountUser }) {
  const { t } = useI18n();
  const headingId = useId();
  return (
    <section className="my-account-page" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("myAccountTitle")}</h2>
      <dl className="my-account-facts">
        <dt>{t("myAccountName")}</dt>
        <dd>{me.displayName}</dd>
        <dt>{t("myAccountEmail")}</dt>
        <dd>{me.email}</dd>
        <dt>{t("myAccountOrganisation")}</dt>
        <dd>{me.organisation.name}</dd>
        <dt>{t("myAccountRole")}</dt>
        <dd>{t(`role${me.role}`)}</dd>
      </dl>
      <ChangePasswordForm email={me.email} />
    </section>
  );
}

function ChangePasswordForm({ email }: { email: string }) {
  const { t } = useI18n();
  const client = useClient();
  const ids = { currentPassword: useId(), newPassword: useId(), repeatPassword: useId(), hint: useId(), intro: useId(), title: useId() };
  const inputs = useRef<Partial<Record<Field, HTMLInputElement | null>>>({});
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const [status, setStatus] = useState<{ text: string; tone: "done" | "error" } | null>(null);
  const [busy, setBusy] = useState(false);

  /** Shows the refusals at their fields and puts the cursor in the first of them. */
  function refuse(next: Partial<Record<Field, string>>) {
    setProblems(next);
    const first = FIELDS.find((field) => next[field]);
    if (first) {
      const input = inputs.current[first];
      if (first === "currentPassword" && input) input.value = "";
      input?.focus();
    }
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const form = event.currentTarget;
    const value = (field: Field) => inputs.current[field]?.value ?? "";
    setStatus(null);
    if (value("newPassword") !== value("repeatPassword")) return refuse({ repeatPassword: t("passwordMismatch") });
    setBusy(true);
    const response = await client.mutation(ChangePassword, { input: { currentPassword: value("currentPassword"), newPassword: value("newPassword") } }).toPromise();
    setBusy(false);
    const result = response.data?.changePassword;
    if (result?.__typename === "PasswordChanged") {
      form.reset();
      setProblems({});
      setStatus({ text: t(changedKey(result.otherSessionsEnded), { count: result.otherSessionsEnded }), tone: "done" });
      return;
    }
    const next: Partial<Record<Field, string>> = {};
    let unplaced = !result;
    for (const problem of problemsOf(result)) {
      const placed = problemKey(problem.field, problem.code);
      if (placed) next[placed.field] ??= t(placed.key);
      else unplaced = true;
    }
    refuse(next);
    // A refusal without a field of this form (or no answer at all): said under the form.
    if (unplaced) setStatus({ text: failureText(t, result, response.error), tone: "error" });
  }

  // The label names the field alone; the hint and a refusal are tied to it with aria-describedby.
  const field = (name: Field, label: MessageKey, autoComplete: string, hint?: string) => {
    const errorId = `${ids[name]}-error`;
    const describedBy = [problems[name] ? errorId : null, hint ? ids.hint : null].filter(Boolean).join(" ") || undefined;
    return (
      <div className="password-field">
        <label htmlFor={ids[name]}>{t(label)}</label>
        <input
          ref={(element) => {
            inputs.current[name] = element;
          }}
          id={ids[name]}
          type="password"
          name={name}
          autoComplete={autoComplete}
          aria-invalid={!!problems[name]}
          aria-describedby={describedBy}
          onChange={() => problems[name] && setProblems({ ...problems, [name]: undefined })}
        />
        {problems[name] && <small id={errorId} className="error">{problems[name]}</small>}
        {hint && <small id={ids.hint} className="muted">{hint}</small>}
      </div>
    );
  };

  return (
    <form className="password-form" onSubmit={(event) => void submit(event)} aria-labelledby={ids.title} aria-describedby={ids.intro} noValidate>
      <h3 id={ids.title}>{t("passwordTitle")}</h3>
      <p id={ids.intro} className="muted">{t("passwordIntro")}</p>
      {/* For the browser's password manager: whose password this is. Not shown, not focusable. */}
      <input type="text" name="username" autoComplete="username" defaultValue={email} readOnly hidden />
      {field("currentPassword", "passwordCurrent", "current-password")}
      {field("newPassword", "passwordNew", "new-password", t("passwordNewHint"))}
      {field("repeatPassword", "passwordRepeat", "new-password")}
      <button type="submit" className="primary" aria-disabled={busy}>{busy ? t("passwordBusy") : t("passwordSubmit")}</button>
      <p className={`status ${status?.tone ?? ""}`} role="status" aria-live="polite">{status?.text ?? ""}</p>
    </form>
  );
}
