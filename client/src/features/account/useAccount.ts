/**
 * Who is using the planner. Local mode: the local single-user, as before. Accounts mode: signed in
 * (a user) or signed out; a request later refused UNAUTHENTICATED means the session expired.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { type CombinedError, useClient } from "urql";
import { isUnauthenticated, onUnauthenticated } from "../../urql.ts";
import { type AccountUser, MeQuery, SignOutMutation } from "./accountDocuments.ts";

export type Account =
  | { status: "loading" }
  | { status: "failed"; error: CombinedError }
  | { status: "local" }
  | { status: "signedOut"; expired: boolean }
  | { status: "signedIn"; user: AccountUser };

/** Whether the caller may run admin operations (users, the price index table): the local user, or a signed-in admin. */
export const isAdmin = (account: Account) => account.status === "local" || (account.status === "signedIn" && account.user.role === "ADMIN");

export function useAccount() {
  const client = useClient();
  const [account, setAccount] = useState<Account>({ status: "loading" });
  // The listener below must see the current status, not the one of the render that subscribed it.
  const current = useRef(account);
  const change = useCallback((next: Account) => {
    current.current = next;
    setAccount(next);
  }, []);

  const ask = useCallback(async () => {
    change({ status: "loading" });
    const result = await client.query(MeQuery, {}, { requestPolicy: "network-only" }).toPromise();
    if (result.data) change(result.data.me.user ? { status: "signedIn", user: result.data.me.user } : { status: "local" });
    else if (result.error && isUnauthenticated(result.error)) change({ status: "signedOut", expired: false });
    else if (result.error) change({ status: "failed", error: result.error });
  }, [client, change]);

  useEffect(() => {
    void ask();
  }, [ask]);

  useEffect(
    () =>
      onUnauthenticated(() => {
        if (current.current.status === "signedIn") change({ status: "signedOut", expired: true });
      }),
    [change],
  );

  const signedIn = useCallback((user: AccountUser) => change({ status: "signedIn", user }), [change]);
  const signOut = useCallback(async () => {
    // Signed out first, so a refusal of signOut itself (an already expired session) is not an expiry.
    change({ status: "signedOut", expired: false });
    await client.mutation(SignOutMutation, {}).toPromise();
    // A fresh page drops everything the client holds (urql's cache, open grids), so the next person
    // to sign in at this browser never glimpses the last one's scenarios.
    window.location.reload();
  }, [client, change]);

  return { account, retry: ask, signedIn, signOut };
}
