/**
 * The end of an exhaustive `switch (answer.__typename)`: `answer` is `never` once every member of
 * the result union has its case, so a member the schema adds fails the type check here until the
 * view decides what to show for it.
 */
export function unexpected(answer: never): never {
  throw new Error(`Unexpected answer: ${JSON.stringify(answer)}`);
}
