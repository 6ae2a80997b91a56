/** Reading a GraphQL result union in a test: the member it must be, or the test fails with the answer. */

/** `value` as its union's member `typename`; throws with the whole value when it is another member. */
export function asMember<T extends { __typename: string }, Name extends T["__typename"]>(value: T, typename: Name): Extract<T, { __typename: Name }> {
  if (value.__typename !== typename) throw new Error(`expected a ${typename}, got ${JSON.stringify(value)}`);
  // TypeScript does not narrow a generic union by its discriminant; the check above is that narrowing.
  return value as Extract<T, { __typename: Name }>;
}

/**
 * The first `count` entries of a list the API answered with (one per thing asked for), as a tuple a
 * test can take apart; throws with the list when it holds fewer.
 */
export function firstEntries<T>(list: readonly T[], count: 1): [T];
export function firstEntries<T>(list: readonly T[], count: 2): [T, T];
export function firstEntries<T>(list: readonly T[], count: 3): [T, T, T];
export function firstEntries<T>(list: readonly T[], count: number): T[] {
  if (list.length < count) throw new Error(`expected at least ${count} entries, got ${JSON.stringify(list)}`);
  return list.slice(0, count);
}
