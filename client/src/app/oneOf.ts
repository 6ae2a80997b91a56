/** The one of `values` that `value` is (a <select>'s value back as the type its options came from), or undefined. */
export const oneOf = <T extends string>(values: readonly T[], value: string): T | undefined => values.find((candidate) => candidate === value);
