/** The one urql client of the app. */
import { cacheExchange, Client, fetchExchange } from "urql";

export const client = new Client({
  url: "/graphql",
  exchanges: [cacheExchange, fetchExchange],
});
