/**
 * `npm start`: installs everything, builds the web client and the server (compiled JavaScript in
 * server/dist), migrates the SQLite database (DATABASE_URL, default data/ramme.db), and runs the
 * compiled server on one port (PORT, default 4000) for API and client, restarting it if it crashes
 * (scripts/supervise.mjs). The server seeds the documents' data on start; seeding twice changes nothing.
 */
import { installAndGenerate, pnpm } from "./pnpm.mjs";
import { superviseServer } from "./supervise.mjs";

// What `npm start` runs is the product, not a development build: React's production bundle, and
// graphql-js without its development-time checks (they cost a fifth of a large grid query).
const production = { env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? "production", npm_config_loglevel: "error" } };

installAndGenerate();
pnpm(["--filter", "@ramme/client", "run", "build"], production);
pnpm(["--filter", "@ramme/server", "run", "build"]);
pnpm(["--filter", "@ramme/server", "run", "db:deploy"]);
// The local planner keeps GraphiQL at /graphql (it needs introspection, off by default in
// production); a deployment runs the server itself and keeps it off unless RAMME_INTROSPECTION=on.
process.exit(await superviseServer({ env: { ...production.env, RAMME_INTROSPECTION: process.env.RAMME_INTROSPECTION ?? "on" } }));
