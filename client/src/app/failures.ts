/**
 * Why a request failed, in words the user can act on: the refusal's own message when the server
 * refused (a typed error), "the database is not answering" when it is away (DATABASE_UNAVAILABLE),
 * "no connection" when the server could not be reached, and otherwise the server's error.
 */
import type { CombinedError } from "urql";
import { translate, type Locale, type MessageKey } from "../i18n/messages.ts";

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** `answer`: what the server answered (a typed error carries its message), if anything. */
export function failureText(t: Translate, answer: object | null | undefined, error: CombinedError | undefined): string {
  if (answer && "message" in answer && typeof answer.message === "string" && answer.message) return answer.message;
  if (error?.graphQLErrors.some((graphQLError) => graphQLError.extensions?.code === "DATABASE_UNAVAILABLE")) return t("databaseUnavailable");
  if (error?.networkError) return t("serverUnreachable");
  return error?.graphQLErrors[0]?.message ?? error?.message ?? "?";
}

/** failureText as a value of a message, worded in the language the message is shown in. */
export function failureMessage(answer: object | null | undefined, error: CombinedError | undefined): (locale: Locale) => string {
  return (locale) => failureText((key, params) => translate(locale, key, params), answer, error);
}
