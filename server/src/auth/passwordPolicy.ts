/**
 * The password policy, one for user:create, createUser, resetUserPassword and changePassword:
 * - 12 to 1,024 characters: length, not character classes, is what makes a password hard to guess;
 * - not easy to guess: zxcvbn-ts (a well-kept estimator, with its common-password, name and English
 *   dictionaries, keyboard patterns, repeats and sequences; all offline) must estimate at least
 *   10^8 guesses (score 3 of 4), so "aaaaaaaaaaaa", "123456789012" and "passwordpassword" are refused;
 * - not built from the user's own email or name: zxcvbn is given them as words to know, and a
 *   password whose letters are only those words (e.g. "annafmdk2024!" for anna@fm.dk) is refused too.
 * Every refusal is WEAK_PASSWORD with a message saying why; the value is never echoed.
 */
import { createRequire } from "node:module";
import type { ZxcvbnFactory } from "@zxcvbn-ts/core";
import type { InputProblem } from "../engine/errors.ts";

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD = 1024;
/** zxcvbn's score 3: at least 10^8 guesses, "safely unguessable" for an online attack and slow hashes. */
const MIN_SCORE = 3;
/** Letters a password must have beyond the user's own name and email parts. */
const MIN_OWN_LETTERS = 6;

/**
 * The estimator and its dictionaries take about a second to load: once, when a password is first
 * checked (required then, synchronously), not when the server or the schema starts.
 */
let estimator: ZxcvbnFactory | null = null;
function estimate(): ZxcvbnFactory {
  if (!estimator) {
    const require = createRequire(import.meta.url);
    const { ZxcvbnFactory: Factory } = require("@zxcvbn-ts/core") as typeof import("@zxcvbn-ts/core");
    const common = require("@zxcvbn-ts/language-common") as typeof import("@zxcvbn-ts/language-common");
    const english = require("@zxcvbn-ts/language-en") as typeof import("@zxcvbn-ts/language-en");
    estimator = new Factory({ dictionary: { ...common.dictionary, ...english.dictionary }, graphs: common.adjacencyGraphs });
  }
  return estimator;
}

/** The words of a user's email and name a password must not be made of: "anna.berg@fm.dk", "Anna Berg" → anna, berg, fm, dk. */
export function personalWords(person: { email?: string; displayName?: string }): string[] {
  const text = `${person.email ?? ""} ${person.displayName ?? ""}`.toLowerCase();
  return [...new Set(text.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= 2))];
}

/** Whether nothing of the password but digits and symbols is left once the user's own words are taken out. */
function madeOfOwnWords(password: string, words: readonly string[]): boolean {
  let rest = password.toLowerCase();
  for (const word of [...words].sort((a, b) => b.length - a.length)) rest = rest.split(word).join("");
  return rest.replace(/[^\p{L}]/gu, "").length < MIN_OWN_LETTERS;
}

/** What is wrong with a new password for the person (empty: nothing). */
export function passwordProblems(field: string, password: string, person: { email?: string; displayName?: string } = {}): InputProblem[] {
  const weak = (message: string): InputProblem[] => [{ field, code: "WEAK_PASSWORD", message, value: null }];
  if (password === "") return [{ field, code: "REQUIRED", message: "The password is required.", value: null }];
  if (password.length < MIN_PASSWORD_LENGTH) return weak(`The password must be at least ${MIN_PASSWORD_LENGTH} characters.`);
  if (password.length > MAX_PASSWORD) return [{ field, code: "TOO_LONG", message: `The password must be at most ${MAX_PASSWORD} characters.`, value: null }];
  const words = personalWords(person);
  if (words.length > 0 && madeOfOwnWords(password, words)) return weak("The password must not be made of your own name or email.");
  // zxcvbn's cost grows with the length; its verdict on the first 100 characters stands for the rest.
  const result = estimate().check(password.slice(0, 100), words);
  if (result.score < MIN_SCORE) {
    const personal = result.sequence.some((match) => match.pattern === "dictionary" && match.dictionaryName === "userInputs");
    return weak(personal ? "The password must not be made of your own name or email." : "The password is too easy to guess: a common password, a pattern or a repeat. Use a few unrelated words.");
  }
  return [];
}
