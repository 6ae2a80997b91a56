/**
 * `npm start`: installs everything, builds the web client, migrates the SQLite database
 * (DATABASE_URL, default data/ramme.db), and starts API + client on one port (PORT, default 4000).
 * The server seeds the documents' data on start; seeding twice changes nothing.
 */
import { installAndGenerate, pnpm } from "./pnpm.mjs";

// What `npm start` runs is the product, not a development build: React's production bundle, and
// graphql-js without its development-time checks (they cost a fifth of a large grid query).
const production = { env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? "production", npm_config_loglevel: "error" } };

installAndGenerate();
pnpm(["--filter", "@ramme/client", "run", "build"], production);
pnpm(["--filter", "@ramme/server", "run", "db:deploy"]);
// The local planner keeps GraphiQL at /graphql (it needs introspection, off by default in
// production); a deployment runs `serve` itself and keeps it off unless RAMME_INTROSPECTION=on.
pnpm(["--filter", "@ramme/server", "run", "serve"], { env: { ...production.env, RAMME_INTROSPECTION: process.env.RAMME_INTROSPECTION ?? "on" } });
