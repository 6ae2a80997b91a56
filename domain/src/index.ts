export * from "./money.ts";
export * from "./danishNumbers.ts";
export * from "./totals.ts";
export * from "./compare.ts";
export * from "./describeComparison.ts";
export * from "./balance.ts";
export * from "./merge.ts";
export * from "./priceLevels.ts";
