export * from "./money.ts";
export * from "./danishNumbers.ts";
export * from "./totals.ts";
