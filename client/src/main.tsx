/**
 * The entry: starts the data of the view the URL names while the app's code (React, AG Grid) is
 * still loading, then mounts the app; the grid finds the answer in urql's cache and refreshes it.
 */
import { createRoot } from "react-dom/client";
import { scenarioGlobalId } from "./app/ids.ts";
import { parseRoute } from "./app/route.ts";
import { ScenarioGridQuery } from "./features/grid/gridQuery.ts";
import { client } from "./urql.ts";

const route = parseRoute(window.location.hash);
if (route.view === "scenario") {
  void client.query(ScenarioGridQuery, { id: scenarioGlobalId(route.key) }, { requestPolicy: "network-only" }).toPromise();
}

const { Root } = await import("./Root.tsx");
createRoot(document.getElementById("root")!).render(<Root />);
