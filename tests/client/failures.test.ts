import { translate } from "../../client/src/i18n/messages.ts";
import { failureText } from "../../client/src/app/failures.ts";
import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";

/** urql's CombinedError as the client receives it (the tests package does not install urql itself). */
const combined = (parts: { graphQLErrors?: GraphQLError[]; networkError?: Error }) =>
  ({ name: "CombinedError", graphQLErrors: parts.graphQLErrors ?? [], networkError: parts.networkError, message: `[GraphQL] ${parts.graphQLErrors?.[0]?.message ?? parts.networkError?.message}` }) as unknown as Parameters<typeof failureText>[2];
const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate("da", key, params);

describe("failureText: why a request failed, as the user should read it", () => {
  it("prefers the server's typed refusal", () => {
    expect(failureText(t, { message: "input.amount: not a number" }, undefined)).toBe("input.amount: not a number");
  });

  it("says the database is not answering (and nothing was saved) for DATABASE_UNAVAILABLE", () => {
    const error = combined({ graphQLErrors: [new GraphQLError("The database is unavailable; try again shortly.", { extensions: { code: "DATABASE_UNAVAILABLE" } })] });
    expect(failureText(t, null, error)).toBe("Databasen svarer ikke lige nu. Intet er gemt; prøv igen om lidt.");
  });

  it("says the server cannot be reached when the request never got an answer", () => {
    expect(failureText(t, undefined, combined({ networkError: new TypeError("Failed to fetch") }))).toBe("Serveren kan ikke nås. Tjek forbindelsen og prøv igen.");
  });

  it("passes any other server error on without urql's prefix", () => {
    expect(failureText(t, undefined, combined({ graphQLErrors: [new GraphQLError("Unexpected error.")] }))).toBe("Unexpected error.");
  });
});
