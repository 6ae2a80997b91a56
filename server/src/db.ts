/** The process's database. Resolvers import it from here; it is never put on the GraphQL context. */
import { createDatabase } from "./db/client.ts";

export const db = createDatabase();
