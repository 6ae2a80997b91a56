/**
 * The one urql client of the app. Every request names the user (as given in the header bar) so the
 * history says who changed what; the name is URI-encoded because HTTP headers are Latin-1.
 */
import { Client, fetchExchange } from "urql";

const USER_KEY = "ramme.user";

export function currentUser(): string {
  return localStorage.getItem(USER_KEY) ?? "";
}

export function setCurrentUser(name: string): void {
  localStorage.setItem(USER_KEY, name.trim());
}

export const client = new Client({
  url: "/graphql",
  // No document cache: the planner always shows the server's current figures, and each view
  // refetches what it shows (a cache would keep stale totals after someone else's edit).
  exchanges: [fetchExchange],
  requestPolicy: "network-only",
  fetchOptions: () => {
    const user = currentUser();
    const headers: Record<string, string> = user ? { "x-ramme-user": encodeURIComponent(user) } : {};
    return { headers };
  },
});
