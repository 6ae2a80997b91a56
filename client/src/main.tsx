/**
 * The entry: starts the data of the view the URL names while the app's code (React, AG Grid) is
 * still loading (and, for a scenario, the grid's own code), then mounts the app; the grid finds the answer in urql's cache and refreshes it.
 */
import { createRoot } from "react-dom/client";
import { scenarioGlobalId } from "./app/ids.ts";
import { parseRoute } from "./app/route.ts";
import { ScenarioGridQuery } from "./features/grid/gridQuery.ts";
import { client } from "./urql.ts";

const route = parseRoute(window.location.hash);
if (route.view === "scenario") {
  void client.query(ScenarioGridQuery, { id: scenarioGlobalId(route.key) }, { requestPolicy: "network-only" }).toPromise();
  // The grid's code (AG Grid) loads beside the app's, not after it (App loads each view lazily).
  void import("./features/grid/ScenarioGrid.tsx");
}

const { Root } = await import("./Root.tsx");
createRoot(document.getElementById("root")!).render(<Root />);
