import { formatMio, OERE_PER_MIO, parseMio } from "@ramme/domain";
import { Kind } from "graphql";
// yoga's helper, so its masking knows these for deliberate errors wherever "graphql" resolves to another copy (see auth/refusal.ts).
import { createGraphQLError } from "graphql-yoga";
import { builder } from "../builder.ts";
import { shortened } from "../engine/input.ts";

function decimalFromText(text: string) {
  const parsed = parseMio(text);
  if (!parsed.ok) {
    throw createGraphQLError(
      `Decimal must be an exact amount in mio. kr. written with "." as decimal point, such as "98.9"; got ${JSON.stringify(shortened(text))} (${parsed.error.code}).`,
      { extensions: { code: "BAD_DECIMAL", reason: parsed.error.code } },
    );
  }
  return parsed.value;
}

builder.scalarType("Decimal", {
  description:
    'An exact decimal amount in mio. kr., serialised as a string such as "98.9" or "-1.1" (no trailing zeros, "." as decimal point). ' +
    "Input accepts the same strings, or a whole number. Never a binary floating-point number: a JSON number with decimals is refused.",
  serialize: (amount) => formatMio(amount as bigint),
  parseValue: (value) => {
    if (typeof value === "string") return decimalFromText(value);
    if (typeof value === "number" && Number.isSafeInteger(value)) return BigInt(value) * OERE_PER_MIO;
    throw createGraphQLError(`Decimal must be given as a string such as "98.9"; got ${JSON.stringify(shortened(String(value)))}.`, {
      extensions: { code: "BAD_DECIMAL", reason: "NOT_A_STRING" },
    });
  },
  parseLiteral: (ast) => {
    // Literals keep their source text, so "3.5" written unquoted is still exact.
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT) return decimalFromText(ast.value);
    throw createGraphQLError("Decimal must be a string such as \"98.9\".", { extensions: { code: "BAD_DECIMAL", reason: "NOT_A_STRING" } });
  },
});

builder.scalarType("DateTime", {
  description: "A point in time, ISO 8601 in UTC (2024-11-21T12:00:00.000Z).",
  serialize: (date) => (date as Date).toISOString(),
  parseValue: (value) => {
    const date = typeof value === "string" ? new Date(value) : new Date(Number.NaN);
    if (Number.isNaN(date.getTime())) {
      throw createGraphQLError(`DateTime must be an ISO 8601 string; got ${JSON.stringify(shortened(String(value)))}.`, { extensions: { code: "BAD_DATETIME" } });
    }
    return date;
  },
});
