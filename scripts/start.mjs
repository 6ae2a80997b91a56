/**
 * `npm start`: installs everything, builds the web client, migrates the SQLite database
 * (DATABASE_URL, default data/ramme.db), and starts API + client on one port (PORT, default 4000).
 * The server seeds the documents' data on start; seeding twice changes nothing.
 */
import { installAndGenerate, pnpm } from "./pnpm.mjs";

installAndGenerate();
pnpm(["--filter", "@ramme/client", "run", "build"]);
pnpm(["--filter", "@ramme/server", "run", "db:deploy"]);
pnpm(["--filter", "@ramme/server", "run", "serve"]);
