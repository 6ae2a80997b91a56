/**
 * A request to an in-process yoga (`server.fetch`) as one caller of accounts mode: a session cookie,
 * an API token, or nobody. The tests of accounts, access and hardening all speak through this.
 */
export interface Auth {
  /** "ramme_session=…" */
  cookie?: string;
  /** The API token's whole secret, "ramme_<prefix>_<secret>". */
  bearer?: string;
}

export interface FetchingServer {
  fetch(url: string, init: RequestInit): Response | Promise<Response>;
}

/** The headers that make a request the caller's. */
export function headersOf(auth: Auth): Record<string, string> {
  return { ...(auth.cookie ? { cookie: auth.cookie } : {}), ...(auth.bearer ? { authorization: `Bearer ${auth.bearer}` } : {}) };
}

/** POSTs a GraphQL request body (query and variables, or a persisted operation) as the caller. */
export function postAs(server: FetchingServer, body: unknown, auth: Auth = {}, url = "http://ramme.test/graphql"): Promise<Response> {
  return Promise.resolve(
    server.fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/graphql-response+json",
        ...headersOf(auth),
      },
      body: JSON.stringify(body),
    }),
  );
}
