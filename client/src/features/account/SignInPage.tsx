/**
 * Accounts mode without a session: the sign-in form and nothing else of the planner. The server's
 * refusal is shown at the form; the password field is emptied and focused after a wrong attempt.
 */
import { type FormEvent, useRef, useState } from "react";
import { useMutation } from "urql";
import { failureText } from "../../app/failures.ts";
import type { SpecialisedProblems } from "../../app/problemText.ts";
import { useI18n } from "../../i18n/I18n.tsx";
import { type AccountUser, SignInMutation } from "./accountDocuments.ts";
import type { Account } from "./useAccount.ts";
import "./account.css";

/** What the planner shows instead of itself until it knows the caller may use it. */
export function AccountPage({ account, retry, onSignedIn }: { account: Exclude<Account, { status: "local" | "signedIn" }>; retry: () => void; onSignedIn: (user: AccountUser) => void }) {
  const { t } = useI18n();
  if (account.status === "signedOut") return <SignInPage expired={account.expired} onSignedIn={onSignedIn} />;
  return (
    <div className="sign-in-page">
      <main className="sign-in-card sign-in-status">
        <p className="sign-in-brand">{t("appTitle")}</p>
        {account.status === "loading" ? (
          <p role="status">{t("loading")}</p>
        ) : (
          <>
            <p className="error" role="alert">
              {failureText(t, null, account.error)}
            </p>
            <button type="button" onClick={retry}>
              {t("signInRetry")}
            </button>
          </>
        )}
      </main>
    </div>
  );
}

interface Props {
  expired: boolean;
  onSignedIn: (user: AccountUser) => void;
}

/** The sign-in page's own words for its two usual refusals. */
const SIGN_IN_PROBLEMS: SpecialisedProblems = { BAD_CREDENTIALS: "signInBadCredentials", SIGN_IN_THROTTLED: "signInThrottled" };

export function SignInPage({ expired, onSignedIn }: Props) {
  const { t, locale } = useI18n();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [failure, setFailure] = useState<string | null>(null);
  const [{ fetching }, signIn] = useMutation(SignInMutation);
  const passwordField = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const result = await signIn({ input: { email, password } });
    const answer = result.data?.signIn;
    if (answer?.__typename === "SignedIn") return onSignedIn(answer.user);
    setFailure(failureText(t, answer, result.error, SIGN_IN_PROBLEMS));
    setPassword("");
    passwordField.current?.focus();
  }

  return (
    <div className="sign-in-page" lang={locale}>
      <main className="sign-in-card">
        <p className="sign-in-brand">{t("appTitle")}</p>
        <h1>{t("signInTitle")}</h1>
        {expired && (
          <p className="sign-in-expired" role="status">
            {t("signInExpired")}
          </p>
        )}
        <p className="muted">{t("signInIntro")}</p>
        <form onSubmit={(event) => void submit(event)}>
          <label>
            {t("signInEmail")}
            <input type="email" name="email" autoComplete="username" required autoFocus value={email} onChange={(event) => setEmail(event.target.value)} />
          </label>
          <label>
            {t("signInPassword")}
            <input ref={passwordField} type="password" name="password" autoComplete="current-password" required value={password} onChange={(event) => setPassword(event.target.value)} />
          </label>
          {failure && (
            <p className="error" role="alert">
              {failure}
            </p>
          )}
          <button type="submit" className="primary" disabled={fetching}>
            {fetching ? t("signInBusy") : t("signInSubmit")}
          </button>
        </form>
        <LanguageSwitch />
      </main>
    </div>
  );
}

/** The top bar's language button, for pages without the top bar. */
export function LanguageSwitch() {
  const { t, locale, setLocale } = useI18n();
  return (
    <button type="button" className="sign-in-language" onClick={() => setLocale(locale === "da" ? "en" : "da")} lang={locale === "da" ? "en" : "da"} title={t("languageLabel")}>
      {t("language")}
    </button>
  );
}
