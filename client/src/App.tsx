import { useState } from "react";
import { ScenarioOverview } from "./features/scenarios/ScenarioOverview.tsx";
import { messages, type Locale, type MessageKey } from "./i18n/messages.ts";

export function App() {
  const [locale, setLocale] = useState<Locale>("da");
  const t = (key: MessageKey) => messages[locale][key];
  return (
    <main lang={locale}>
      <header>
        <h1>{t("appTitle")}</h1>
        <p>{t("tagline")}</p>
        <button type="button" onClick={() => setLocale(locale === "da" ? "en" : "da")}>
          {t("language")}
        </button>
      </header>
      <ScenarioOverview t={t} />
      <p className="muted">{t("gridComing")}</p>
    </main>
  );
}
