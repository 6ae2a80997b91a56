import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { Provider } from "urql";
import { App } from "./App.tsx";
import "./app/agGrid.ts";
import { I18nProvider } from "./i18n/I18n.tsx";
import "./styles.css";
import { client } from "./urql.ts";

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <Provider value={client}>
      <I18nProvider>
        <App />
      </I18nProvider>
    </Provider>
  </StrictMode>,
);
