/** The top bar's account part in accounts mode: who is signed in, for which organisation, "Brugere" for admins, and "Log ud". */
import { hrefOf } from "../../app/route.ts";
import { useI18n } from "../../i18n/I18n.tsx";
import type { AccountUser } from "./accountDocuments.ts";
import "./account.css";

export function AccountBar({ user, onUsersPage, onSignOut }: { user: AccountUser; onUsersPage: boolean; onSignOut: () => void }) {
  const { t } = useI18n();
  return (
    <div className="account-bar" title={user.email}>
      {user.role === "ADMIN" && (
        <a className="account-users" href={hrefOf({ view: "users" })} aria-current={onUsersPage ? "page" : undefined}>
          {t("navUsers")}
        </a>
      )}
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
