/** The top bar's account part in accounts mode: "Brugere" for admins, "API-nøgler", "Min konto", who is signed in, for which organisation, and "Log ud". */
import { hrefOf, type Route } from "../../app/route.ts";
import { useI18n } from "../../i18n/I18n.tsx";
import type { AccountUser } from "./accountDocuments.ts";
import "./account.css";

export function AccountBar({ user, view, onSignOut }: { user: AccountUser; view: Route["view"]; onSignOut: () => void }) {
  const { t } = useI18n();
  return (
    <div className="account-bar" title={user.email}>
      {user.role === "ADMIN" && (
        <a className="account-link" href={hrefOf({ view: "users" })} aria-current={view === "users" ? "page" : undefined}>
          {t("navUsers")}
        </a>
      )}
      <a className="account-link" href={hrefOf({ view: "apiTokens" })} aria-current={view === "apiTokens" ? "page" : undefined}>
        {t("navApiTokens")}
      </a>
      <a className="account-link" href={hrefOf({ view: "myAccount" })} aria-current={view === "myAccount" ? "page" : undefined}>
        {t("navMyAccount")}
      </a>
      <span className="account-name" aria-label={t("signedInAs", { name: user.displayName, organisation: user.organisation.name })}>
        <strong>{user.displayName}</strong>
        <span className="muted small">{user.organisation.name}</span>
      </span>
      <button type="button" onClick={onSignOut}>
        {t("signOut")}
      </button>
    </div>
  );
}
