/**
 * Starts Ramme on one port: GraphQL at /graphql, the built web client at /.
 * Seeds the documents' data first (a no-op when the database already holds it).
 */
import { existsSync } from "node:fs";
import { createServer, type ServerResponse } from "node:http";
import path from "node:path";
import sirv from "sirv";
import { configureDatabase, db, disconnectDatabase } from "./db.ts";
import { repoRoot } from "./db/databaseUrl.ts";
import { seedDatabase } from "./seed/seedDatabase.ts";
import { yoga } from "./yoga.ts";

const port = Number(process.env.PORT ?? 4000);
const host = process.env.HOST ?? "127.0.0.1";
const clientDirectory = path.join(repoRoot, "client", "dist");

await configureDatabase();
const seeded = await seedDatabase(db);
console.log(seeded === "seeded" ? "Seeded the documents' data." : "Documents' data already in the database.");

const serveClient = existsSync(clientDirectory)
  ? sirv(clientDirectory, { single: true, etag: true, gzip: true, brotli: true })
  : (_request: unknown, response: ServerResponse) => {
      response.statusCode = 503;
      response.setHeader("content-type", "text/plain; charset=utf-8");
      response.end("The web client is not built; run `npm start` from the repository root. The API is at /graphql.");
    };

const server = createServer((request, response) => {
  if (request.url?.startsWith(yoga.graphqlEndpoint)) {
    void yoga.handle(request, response);
    return;
  }
  serveClient(request, response, () => {
    response.statusCode = 404;
    response.end("Not found");
  });
});

server.listen(port, host, () => {
  const shownHost = host === "0.0.0.0" || host === "127.0.0.1" ? "localhost" : host;
  console.log(`Ramme is running: open http://${shownHost}:${port}/ (GraphQL API at http://${shownHost}:${port}/graphql)`);
});

function shutdown(signal: string) {
  console.log(`${signal}: finishing requests in flight, then stopping.`);
  server.close(() => {
    void disconnectDatabase().then(() => process.exit(0));
  });
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
