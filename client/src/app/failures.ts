/**
 * Why a request failed, in words the user can act on: an input refusal's problems in the catalogue's
 * words (app/problemText.ts; the API's English sentence is never shown), another typed refusal by
 * its type, any other answer's message, "the database is not answering" when it is away
 * (DATABASE_UNAVAILABLE), "no connection" when the server could not be reached, and otherwise the
 * server's error.
 */
import type { CombinedError } from "urql";
import { translate, type Locale } from "../i18n/messages.ts";
import { problemsOf, problemsText, refusalMessage, type SpecialisedProblems, type Translate } from "./problemText.ts";

/**
 * `answer`: what the server answered, if anything; an InvalidInputError is worded from the problems
 * its document selected with InputProblemsFragment. `specialised`: the page's own texts for codes.
 */
export function failureText(t: Translate, answer: object | null | undefined, error: CombinedError | undefined, specialised?: SpecialisedProblems): string {
  const problems = problemsOf(answer);
  if (problems.length > 0) return problemsText(t, problems, specialised);
  if (answer && "__typename" in answer && answer.__typename === "InvalidInputError") return t("problemUnknownCode");
  const refusal = refusalMessage(answer);
  if (refusal) return t(refusal.key, refusal.params);
  if (answer && "message" in answer && typeof answer.message === "string" && answer.message) return answer.message;
  if (error?.graphQLErrors.some((graphQLError) => graphQLError.extensions?.code === "DATABASE_UNAVAILABLE")) return t("databaseUnavailable");
  if (error?.networkError) return t("serverUnreachable");
  return error?.graphQLErrors[0]?.message ?? error?.message ?? "?";
}

/** failureText as a value of a message, worded in the language the message is shown in. */
export function failureMessage(answer: object | null | undefined, error: CombinedError | undefined, specialised?: SpecialisedProblems): (locale: Locale) => string {
  return (locale) => failureText((key, params) => translate(locale, key, params), answer, error, specialised);
}
