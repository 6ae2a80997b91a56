/**
 * The user's choice per conflicting cell, and what it becomes in the API's MergeResolutionInput: mine
 * (the what-if's value, SOURCE), theirs (the target's, TARGET) or a value typed there (VALUE), which is
 * parsed exactly as the grid parses a typed amount, and sent in the API's notation.
 */
import type { AmountError } from "@ramme/domain";
import { toApi } from "../../app/amounts.ts";
import { parseCellInput } from "../grid/pasteBlock.ts";

export type Choice = { take: "SOURCE" } | { take: "TARGET" } | { take: "VALUE"; text: string };

export const cellKeyOf = (initiativeKey: string, year: number) => `${initiativeKey}:${year}`;

export interface ResolutionInput {
  initiativeId: string;
  year: number;
  take: "SOURCE" | "TARGET" | "VALUE";
  amount?: string;
}

/** A choice as the API takes it, or the typed amount's error. */
export function resolutionOf(initiativeKey: string, year: number, choice: Choice, maxDecimals: number): { ok: true; input: ResolutionInput } | { ok: false; error: AmountError } {
  if (choice.take !== "VALUE") return { ok: true, input: { initiativeId: initiativeKey, year, take: choice.take } };
  const parsed = parseCellInput(choice.text, maxDecimals);
  if (!parsed.ok) return parsed;
  return { ok: true, input: { initiativeId: initiativeKey, year, take: "VALUE", amount: toApi(parsed.amount) } };
}

/** The resolutions to send: every choice whose typed amount (if any) is valid, in a stable order. */
export function validResolutions(choices: ReadonlyMap<string, Choice>, maxDecimals: number): ResolutionInput[] {
  const inputs: ResolutionInput[] = [];
  for (const [key, choice] of [...choices].sort(([left], [right]) => left.localeCompare(right))) {
    const at = key.lastIndexOf(":");
    const result = resolutionOf(key.slice(0, at), Number(key.slice(at + 1)), choice, maxDecimals);
    if (result.ok) inputs.push(result.input);
  }
  return inputs;
}
