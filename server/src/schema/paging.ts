/**
 * The page arguments of every connection (`first`/`after`, `last`/`before`), checked in one place:
 * a page holds 0 to MAX_PAGE_SIZE items, and `first` and `last` are not given together. A page size
 * out of bounds is refused with BAD_USER_INPUT rather than silently cut to the maximum.
 */
import { createGraphQLError } from "graphql-yoga";
import { BAD_USER_INPUT } from "../errorCodes.ts";

/** The largest page: the web client asks for at most 500 initiatives (the line dialog's list). */
export const MAX_PAGE_SIZE = 500;
/** A page when neither `first` nor `last` is given. */
export const DEFAULT_PAGE_SIZE = 20;

interface PageArgs {
  first?: number | null;
  last?: number | null;
}

function refuse(message: string, field: string): never {
  throw createGraphQLError(message, { extensions: { code: BAD_USER_INPUT, field } });
}

/** Pothos' `maxSize` option, which it calls with the arguments before it builds the query. */
export function checkedPageSize(args: PageArgs): number {
  if (args.first != null && args.last != null) refuse("Give first (with after) or last (with before), not both.", "first");
  for (const field of ["first", "last"] as const) {
    const size = args[field];
    if (size != null && (size < 0 || size > MAX_PAGE_SIZE)) refuse(`${field} must be 0 to ${MAX_PAGE_SIZE} (got ${size}).`, field);
  }
  return MAX_PAGE_SIZE;
}

/** Spread into every prismaConnection and relatedConnection. */
export const PAGING = { maxSize: checkedPageSize, defaultSize: DEFAULT_PAGE_SIZE } as const;
