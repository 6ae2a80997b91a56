/**
 * The one urql client of the app. Every request names the user (as given in the header bar) so the
 * history says who changed what; the name is URI-encoded because HTTP headers are Latin-1.
 *
 * Every operation goes by hash, never as text: the server runs only the documents listed in
 * client/persisted-operations.json for a browser (scripts/persisted-operations.mjs writes it from
 * these same documents, as urql prints them; server/src/trustedOperations.ts).
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { persistedExchange } from "@urql/exchange-persisted";
import { cacheExchange, Client, type CombinedError, fetchExchange, mapExchange } from "urql";

const USER_KEY = "ramme.user";

export function currentUser(): string {
  return localStorage.getItem(USER_KEY) ?? "";
}

export function setCurrentUser(name: string): void {
  localStorage.setItem(USER_KEY, name.trim());
}

/** Whether the server refused for want of a session or token (accounts mode; HTTP 401). */
export function isUnauthenticated(error: CombinedError): boolean {
  return error.graphQLErrors.some((graphQLError) => graphQLError.extensions?.code === "UNAUTHENTICATED") || error.response?.status === 401;
}

const unauthenticatedListeners = new Set<() => void>();

/** Calls `listener` whenever any request is refused as unauthenticated; returns the unsubscribe. */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

export const client = new Client({
  url: "/graphql",
  // Every view shows what it has at once and always asks the server again (cache-and-network): a
  // view never rests on a cached total, and the grid's data, sent by main.tsx while the code still
  // loads, is on screen the moment the grid mounts.
  exchanges: [
    cacheExchange,
    mapExchange({
      onError(error) {
        if (isUnauthenticated(error)) for (const listener of unauthenticatedListeners) listener();
      },
    }),
    persistedExchange({
      // Never fall back to sending the text: where trusted operations are on it would be refused anyway.
      enforcePersistedQueries: true,
      enableForMutation: true,
      enableForSubscriptions: true,
      // Not WebCrypto: it exists only on https or localhost, and a hash must be sent from any address.
      generateHash: async (document) => bytesToHex(sha256(utf8ToBytes(document))),
    }),
    fetchExchange,
  ],
  requestPolicy: "cache-and-network",
  // Subscriptions (live updates) go over the same fetch as Server-Sent Events, as graphql-yoga serves them.
  fetchSubscriptions: true,
  fetchOptions: () => {
    const user = currentUser();
    // x-ramme-client makes every request one a browser preflights, so another site's page cannot send
    // it (the server's CSRF prevention refuses a GET query or a form post without it).
    const headers: Record<string, string> = { "x-ramme-client": "web", ...(user ? { "x-ramme-user": encodeURIComponent(user) } : {}) };
    return { headers };
  },
});
