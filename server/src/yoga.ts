/** Builds the GraphQL server. server.ts only listens; tests call `yoga.fetch` in process. */
import { createYoga } from "graphql-yoga";
import { schema } from "./schema/index.ts";

export const yoga = createYoga({
  schema,
  graphqlEndpoint: "/graphql",
  // Unexpected errors (bugs, database failures) reach clients as "Unexpected error." with no stack or SQL.
  maskedErrors: true,
  graphiql: { title: "Ramme GraphQL API" },
  landingPage: false,
});
