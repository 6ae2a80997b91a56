/** The app with its providers: urql, the language, AG Grid's modules and the styles. */
import { StrictMode } from "react";
import { Provider } from "urql";
import { App } from "./App.tsx";
import { I18nProvider } from "./i18n/I18n.tsx";
import "./styles.css";
import { client } from "./urql.ts";

export function Root() {
  return (
    <StrictMode>
      <Provider value={client}>
        <I18nProvider>
          <App />
        </I18nProvider>
      </Provider>
    </StrictMode>
  );
}
