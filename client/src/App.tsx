/** The planner's frame: header with navigation, language and the user's name (or account); the view the URL names. */
import { lazy, Suspense, useState } from "react";
import { hrefOf, useRoute } from "./app/route.ts";
import { AccountBar } from "./features/account/AccountBar.tsx";
import { AccountPage } from "./features/account/SignInPage.tsx";
import { isAdmin, useAccount } from "./features/account/useAccount.ts";
import { FrameProvider } from "./features/frames/FrameContext.tsx";
import { FrameSwitcher } from "./features/frames/FrameSwitcher.tsx";
import { ScenarioFrameSync } from "./features/frames/ScenarioFrameSync.tsx";
import { FrameTagline } from "./features/frames/FrameTagline.tsx";
import { ScenarioList } from "./features/scenarios/ScenarioList.tsx";
import { useI18n } from "./i18n/I18n.tsx";
import { currentUser, setCurrentUser } from "./urql.ts";

// Every view but the scenario list loads when it is first opened: the first screen carries no AG Grid,
// no chart and no admin page (issue 21: the first screen's JavaScript).
const BriefView = lazy(() => import("./features/brief/BriefView.tsx").then((module) => ({ default: module.BriefView })));
const CompareView = lazy(() => import("./features/compare/CompareView.tsx").then((module) => ({ default: module.CompareView })));
const CoverageView = lazy(() => import("./features/recommendations/CoverageView.tsx").then((module) => ({ default: module.CoverageView })));
const ConsistencyReport = lazy(() => import("./features/consistency/ConsistencyReport.tsx").then((module) => ({ default: module.ConsistencyReport })));
const LineageView = lazy(() => import("./features/lineage/LineageView.tsx").then((module) => ({ default: module.LineageView })));
const ApiTokensPage = lazy(() => import("./features/apiTokens/ApiTokensPage.tsx").then((module) => ({ default: module.ApiTokensPage })));
const MyAccountPage = lazy(() => import("./features/account/MyAccountPage.tsx").then((module) => ({ default: module.MyAccountPage })));
const ScenarioGrid = lazy(() => import("./features/grid/ScenarioGrid.tsx").then((module) => ({ default: module.ScenarioGrid })));
const PriceLevelsPage = lazy(() => import("./features/priceLevels/PriceLevelsPage.tsx").then((module) => ({ default: module.PriceLevelsPage })));
const UsersPage = lazy(() => import("./features/users/UsersPage.tsx").then((module) => ({ default: module.UsersPage })));

export function App() {
  const { t, locale, setLocale } = useI18n();
  const route = useRoute();
  const [user, setUser] = useState(currentUser);
  const { account, retry, signedIn, signOut } = useAccount();
  // Accounts mode without a session: the sign-in page, nothing else of the planner.
  if (account.status !== "local" && account.status !== "signedIn") return <AccountPage account={account} retry={() => void retry()} onSignedIn={signedIn} />;
  // The printable note is a page of its own: no header, nothing around it on paper.
  if (route.view === "brief") return <Suspense fallback={<p className="muted">{t("loading")}</p>}><BriefView base={route.base} other={route.other} lang={route.lang} /></Suspense>;
  const me = account.status === "signedIn" ? account.user : null;
  return (
    <FrameProvider>
    <div className="app" lang={locale}>
      <header className="app-header">
        <a className="brand" href={hrefOf({ view: "list" })}>{t("appTitle")}</a>
        <FrameTagline />
        <FrameSwitcher />
        <nav aria-label={t("mainNavigation")}>
          <a href={hrefOf({ view: "list" })} aria-current={route.view === "list" ? "page" : undefined}>{t("navScenarios")}</a>
          <a href={hrefOf({ view: "compare", base: null, others: [] })} aria-current={route.view === "compare" ? "page" : undefined}>{t("navCompare")}</a>
          <a href={hrefOf({ view: "lineage", key: null })} aria-current={route.view === "lineage" ? "page" : undefined}>{t("navLineage")}</a>
          <a href={hrefOf({ view: "priceLevels" })} aria-current={route.view === "priceLevels" ? "page" : undefined}>{t("navPriceLevels")}</a>
        </nav>
        {account.status === "signedIn" && <AccountBar user={account.user} view={route.view} onSignOut={() => void signOut()} />}
        {account.status === "local" && <label className="user">
          <span className="visually-hidden">{t("userLabel")}</span>
          <input
            value={user}
            placeholder={t("userPlaceholder")}
            title={t("userLabel")}
            onChange={(event) => setUser(event.target.value)}
            onBlur={() => setCurrentUser(user)}
            size={14}
          />
        </label>}
        <button type="button" onClick={() => setLocale(locale === "da" ? "en" : "da")} lang={locale === "da" ? "en" : "da"} title={t("languageLabel")}>
          {t("language")}
        </button>
      </header>
      <main>
        {(route.view === "scenario" || route.view === "consistency") && <ScenarioFrameSync key={route.key} scenarioKey={route.key} />}
        <Suspense fallback={<p className="muted">{t("loading")}</p>}>
          {route.view === "list" && <ScenarioList me={me} />}
          {route.view === "scenario" && <ScenarioGrid key={route.key} scenarioKey={route.key} me={me} />}
          {route.view === "compare" && <CompareView base={route.base} others={route.others} />}
          {route.view === "coverage" && <CoverageView scenarios={route.scenarios} />}
          {route.view === "consistency" && <ConsistencyReport key={route.key} scenarioKey={route.key} />}
          {route.view === "lineage" && <LineageView key={route.key ?? ""} rootKey={route.key} />}
          {route.view === "priceLevels" && <PriceLevelsPage canEdit={isAdmin(account)} />}
          {route.view === "users" && (account.status === "signedIn" && account.user.role === "ADMIN" ? <UsersPage me={account.user} /> : <p className="muted">{t("usersAdminsOnly")}</p>)}
          {route.view === "apiTokens" && (account.status === "signedIn" ? <ApiTokensPage me={account.user} /> : <p className="muted">{t("tokensAccountsOnly")}</p>)}
          {route.view === "myAccount" && (account.status === "signedIn" ? <MyAccountPage me={account.user} /> : <p className="muted">{t("myAccountAccountsOnly")}</p>)}
        </Suspense>
      </main>
    </div>
    </FrameProvider>
  );
}
