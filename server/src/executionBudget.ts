/**
 * A budget while an operation runs, after the limits that refuse it before (hardening.ts):
 *
 * - time: a query still running after `maxExecutionMs` stops (graphql-tools' executor checks the
 *   signal between fields) and is answered EXECUTION_TIME_EXCEEDED. Mutations are not cut short:
 *   one that had stored its change would be reported as failed. Their inputs are bounded instead.
 * - size: an answer over `maxResponseBytes` is replaced by RESPONSE_TOO_LARGE. A query is stopped
 *   while it is assembled: each list, when its resolver returns it, adds the least its items can
 *   serialise to (the length of their selected keys: `paceListFields`), and once that sum is over
 *   the cap nothing more is assembled. The finished answer is measured too (walking it, stopping
 *   as soon as it is over), for what the lists' least sizes did not count.
 * - turns: a long list is completed item by item with a turn check (cooperative.ts) between
 *   items, so answering 100,000 items does not hold the event loop, and the time budget can fire
 *   in the middle of it.
 * - concurrency: operations costing at least `largeOperationCost` (operationCost.ts) run at most
 *   `maxLargeOperations` at a time; up to `largeOperationQueue` more wait their turn, and beyond
 *   that one is refused SERVER_BUSY at once, so a burst of large reads cannot fill the memory.
 */
import type { Plugin } from "graphql-yoga";
import { createGraphQLError } from "graphql-yoga";
import {
  defaultFieldResolver,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type SelectionNode,
} from "graphql";
import { nextTurn, OperationRoot, signalOf, sliceSpent } from "./cooperative.ts";
import { operationCost } from "./operationCost.ts";

export interface BudgetConfig {
  /** RAMME_MAX_EXECUTION_MS; 0 = no time budget. */
  maxExecutionMs: number;
  /** RAMME_MAX_RESPONSE_BYTES; 0 = no cap. */
  maxResponseBytes: number;
  /** RAMME_LARGE_OPERATION_COST: from this estimated cost on, an operation is large. */
  largeOperationCost: number;
  /** RAMME_MAX_LARGE_OPERATIONS running at once; 0 = no gate. */
  maxLargeOperations: number;
  /** RAMME_LARGE_OPERATION_QUEUE: large operations waiting beyond those running; more are refused. */
  largeOperationQueue: number;
}

export const EXECUTION_TIME_EXCEEDED = "EXECUTION_TIME_EXCEEDED";
export const RESPONSE_TOO_LARGE = "RESPONSE_TOO_LARGE";
export const SERVER_BUSY = "SERVER_BUSY";

/** A counting semaphore with a bounded queue: `acquire` is false when the queue is full. */
export class Gate {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly capacity: number,
    private readonly queue: number,
  ) {}

  async acquire(): Promise<boolean> {
    if (this.running < this.capacity) {
      this.running += 1;
      return true;
    }
    if (this.waiting.length >= this.queue) return false;
    await new Promise<void>((resolve) => this.waiting.push(resolve));
    return true;
  }

  release(): void {
    const next = this.waiting.shift();
    // The slot passes straight to the next in line.
    if (next) next();
    else this.running -= 1;
  }
}

/** Whether a JSON value serialises to more than `limit` bytes (about: UTF-16 length of strings), stopping as soon as it does. */
export function exceedsBytes(value: unknown, limit: number): boolean {
  return measure({ stack: [value], size: 0 }, limit, () => true)!;
}

/**
 * exceedsBytes, taking turns on the event loop (cooperative.ts) while it walks: a 5,000-line grid's
 * answer is some 200,000 values, and walking them in one go held the loop for a few hundred
 * milliseconds before the answer was serialised.
 */
export async function exceedsBytesPaced(value: unknown, limit: number): Promise<boolean> {
  const walk = { stack: [value], size: 0 };
  for (;;) {
    const over = measure(walk, limit, () => !sliceSpent());
    if (over !== null) return over;
    await nextTurn();
  }
}

/**
 * Adds the values on the walk's stack to its size until the size is over `limit` (true), the walk
 * is done (false), or `goOn()`, asked every 1,024 values, says to stop for now (null).
 */
function measure(walk: { stack: unknown[]; size: number }, limit: number, goOn: () => boolean): boolean | null {
  const { stack } = walk;
  for (let steps = 1; stack.length > 0; steps++) {
    const item = stack.pop();
    if (typeof item === "string") walk.size += item.length + 2;
    else if (item === null || typeof item !== "object") walk.size += 8;
    else if (Array.isArray(item)) {
      walk.size += 2 + item.length;
      for (const element of item) stack.push(element);
    } else {
      walk.size += 2;
      for (const [key, element] of Object.entries(item)) {
        walk.size += key.length + 4;
        stack.push(element);
      }
    }
    if (walk.size > limit) return true;
    if ((steps & 1023) === 0 && !goOn()) return null;
  }
  return false;
}

const costs = new WeakMap<DocumentNode, Map<string | null, number>>();

/** The estimated cost of the operation to run (computed once per parsed document). */
function costOf(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined): number {
  let byName = costs.get(document);
  if (!byName) costs.set(document, (byName = new Map()));
  const key = operationName ?? null;
  const known = byName.get(key);
  if (known !== undefined) return known;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION && (key === null || definition.name?.value === key));
  const root = operation?.kind === Kind.OPERATION_DEFINITION ? schema.getRootType(operation.operation) : undefined;
  const cost = operation?.kind === Kind.OPERATION_DEFINITION && root ? operationCost(schema, operation.selectionSet, root, fragments) : 0;
  byName.set(key, cost);
  return cost;
}

function isMutation(document: DocumentNode, operationName: string | null | undefined): boolean {
  return document.definitions.some((definition) => definition.kind === Kind.OPERATION_DEFINITION && definition.operation === "mutation" && (!operationName || definition.name?.value === operationName));
}

/** What a running operation has spent: the least bytes of the lists assembled so far. */
interface OperationBudget {
  bytes: number;
  limit: number;
  tooLarge: GraphQLError;
  abort: (reason: GraphQLError) => void;
}

/** The running operations' budgets, by their context (one operation per request: batching is off). */
const budgets = new WeakMap<object, OperationBudget>();

/** Lists shorter than this are completed at once; longer ones one item at a time with turn checks. */
const PACED_FROM = 64;

const tag = (type: unknown): string => Object.prototype.toString.call(type).slice(8, -1);
const nullable = (type: GraphQLOutputType): GraphQLOutputType => (tag(type) === "GraphQLNonNull" ? (type as { ofType: GraphQLOutputType }).ofType : type);
function named(type: GraphQLOutputType): GraphQLNamedType {
  let inner: GraphQLOutputType = type;
  while ("ofType" in inner) inner = inner.ofType as GraphQLOutputType;
  return inner;
}

/**
 * The fewest bytes one object of `type` with this selection serialises to: each selected key with
 * its quotes, colon and comma and a one-character value; a non-null object inside, its own least
 * size; a list inside, its brackets (its items are counted when it is resolved). Fragments count
 * where they surely apply (no condition, or this very type).
 */
function leastObjectBytes(selections: readonly SelectionNode[], type: GraphQLNamedType, fragments: GraphQLResolveInfo["fragments"], spread = new Set<string>()): number {
  let bytes = 2;
  const keys = new Set<string>();
  const fields = tag(type) === "GraphQLObjectType" ? (type as GraphQLObjectType).getFields() : {};
  const visit = (list: readonly SelectionNode[]) => {
    for (const selection of list) {
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        if (keys.has(key)) continue;
        keys.add(key);
        bytes += key.length + 4;
        const field = fields[selection.name.value];
        if (selection.selectionSet && field && tag(field.type) === "GraphQLNonNull" && tag(nullable(field.type)) === "GraphQLObjectType") {
          bytes += leastObjectBytes(selection.selectionSet.selections, named(field.type), fragments, spread) - 1;
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (!selection.typeCondition || selection.typeCondition.name.value === type.name) visit(selection.selectionSet.selections);
      } else if (!spread.has(selection.name.value)) {
        const fragment = fragments[selection.name.value];
        if (fragment && fragment.typeCondition.name.value === type.name) {
          spread.add(selection.name.value);
          visit(fragment.selectionSet.selections);
        }
      }
    }
  };
  visit(selections);
  return bytes;
}

const itemBytesByNode = new WeakMap<object, number>();

/** The fewest bytes one item of the list field being resolved serialises to (with its comma). */
function leastItemBytes(info: GraphQLResolveInfo): number {
  const node = info.fieldNodes[0]!;
  const known = itemBytesByNode.get(node);
  if (known !== undefined) return known;
  const item = named(info.returnType);
  const selections = info.fieldNodes.flatMap((fieldNode) => fieldNode.selectionSet?.selections ?? []);
  const bytes = selections.length === 0 ? 2 : leastObjectBytes(selections, item, info.fragments) + 1;
  itemBytesByNode.set(node, bytes);
  return bytes;
}

/** Items released at once, between checks of the slice. */
const RELEASED_AT_ONCE = 16;

/**
 * The list as the executor gets it: the first PACED_FROM items as they are, the rest as promises
 * released RELEASED_AT_ONCE at a time while the slice lasts, and on the next turn once it is spent.
 * (Promises, not an async iterable: the executor attaches its handlers to every item at once, so an
 * item that fails while others wait for their turn is never an unhandled rejection.) Once the
 * operation is aborted nothing more is released: its answer is already the budget's error.
 */
function pacedItems<T>(items: readonly T[], signal: AbortSignal | undefined): Array<T | Promise<T>> {
  const paced: Array<T | Promise<T>> = items.slice(0, PACED_FROM);
  const release: Array<((value: T) => void) | undefined> = [];
  for (let index = PACED_FROM; index < items.length; index += 1) paced.push(new Promise<T>((resolve) => release.push(resolve)));
  let next = 0;
  const more = (): void => {
    if (signal?.aborted || next >= release.length) return;
    if (sliceSpent()) {
      void nextTurn().then(more);
      return;
    }
    for (const end = Math.min(release.length, next + RELEASED_AT_ONCE); next < end; next += 1) {
      release[next]!(items[PACED_FROM + next]!);
      release[next] = undefined;
    }
    // After the executor has completed what was just released (its reactions are queued before this).
    queueMicrotask(more);
  };
  // After the executor has completed the first items, synchronously, as it does a plain list.
  queueMicrotask(more);
  return paced;
}

function settleList(value: unknown, context: unknown, info: GraphQLResolveInfo): unknown {
  if (!Array.isArray(value)) return value;
  const budget = typeof context === "object" && context !== null ? budgets.get(context) : undefined;
  if (budget && budget.limit > 0) {
    budget.bytes += value.length * leastItemBytes(info);
    if (budget.bytes > budget.limit) {
      budget.abort(budget.tooLarge);
      throw budget.tooLarge;
    }
  }
  if (value.length < PACED_FROM) return value;
  return pacedItems(value, signalOf(info));
}

/**
 * Wraps the resolver of every list field of `schema` (in place): the list's least size is added to
 * its operation's answer, and a long list is completed one item at a time, taking turns.
 */
export function paceListFields(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (tag(type) !== "GraphQLObjectType" || type.name.startsWith("__")) continue;
    for (const field of Object.values((type as GraphQLObjectType).getFields()) as Array<GraphQLField<unknown, unknown>>) {
      if (tag(nullable(field.type)) !== "GraphQLList") continue;
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        const result = resolve(source, args, context, info);
        if (result !== null && typeof result === "object" && typeof (result as PromiseLike<unknown>).then === "function") {
          return (result as PromiseLike<unknown>).then((value) => settleList(value, context, info));
        }
        return settleList(result, context, info);
      };
    }
  }
  return schema;
}

export function executionBudgetPlugin(config: BudgetConfig): Plugin {
  const gate = config.maxLargeOperations > 0 ? new Gate(config.maxLargeOperations, config.largeOperationQueue) : null;
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const large = gate !== null && costOf(args.schema, args.document, args.operationName) >= config.largeOperationCost;
      const query = !isMutation(args.document, args.operationName);
      const timed = config.maxExecutionMs > 0 && query;
      setExecuteFn(async (executionArgs) => {
        if (large && !(await gate!.acquire())) {
          return { errors: [createGraphQLError(`The server is busy with ${config.maxLargeOperations} large operations and ${config.largeOperationQueue} waiting; try again shortly.`, { extensions: { code: SERVER_BUSY, http: { status: 503, headers: { "retry-after": "5" } } } })] };
        }
        const overTime = createGraphQLError(`The operation ran longer than ${config.maxExecutionMs} ms and was stopped.`, {
          extensions: { code: EXECUTION_TIME_EXCEEDED, limit: config.maxExecutionMs, http: { status: 503 } },
        });
        const controller = new AbortController();
        const timer = timed ? setTimeout(() => controller.abort(overTime), config.maxExecutionMs) : undefined;
        const tooLarge = createGraphQLError(`The answer is larger than ${config.maxResponseBytes} bytes; ask for fewer fields or a smaller page.`, {
          extensions: { code: RESPONSE_TOO_LARGE, limit: config.maxResponseBytes, http: { status: 400 } },
        });
        // A mutation is answered in full once it has stored its change (measured after, below); a query stops as soon as it is over.
        const context = executionArgs.contextValue;
        if (query && config.maxResponseBytes > 0 && typeof context === "object" && context !== null) {
          budgets.set(context, { bytes: 0, limit: config.maxResponseBytes, tooLarge, abort: (reason) => controller.abort(reason) });
        }
        // graphql-tools' executor (yoga's) takes a signal beside graphql-js's arguments: the request's, when it is cancelled.
        const given = (executionArgs as { signal?: AbortSignal }).signal;
        const signal = given ? AbortSignal.any([given, controller.signal]) : controller.signal;
        try {
          const running = Promise.resolve(executeFn({ ...executionArgs, signal, rootValue: executionArgs.rootValue ?? new OperationRoot(signal) } as typeof executionArgs));
          // graphql-tools' executor gives up as soon as the signal aborts; a compiled query (graphql-jit,
          // yoga.ts) does not watch it, so the budget ends the wait itself. The work left stops at its next pace().
          const stopped = new Promise<never>((_, reject) => controller.signal.addEventListener("abort", () => reject(controller.signal.reason), { once: true }));
          stopped.catch(() => undefined);
          running.catch(() => undefined);
          const result = await Promise.race([running, stopped]);
          if (config.maxResponseBytes > 0 && !(Symbol.asyncIterator in Object(result)) && (await exceedsBytesPaced((result as { data?: unknown }).data, config.maxResponseBytes))) {
            return { errors: [tooLarge] };
          }
          return result;
        } catch (error) {
          if (error === overTime || error === tooLarge) return { errors: [error] };
          throw error;
        } finally {
          if (typeof context === "object" && context !== null) budgets.delete(context);
          clearTimeout(timer);
          if (large) gate!.release();
        }
      });
    },
  };
}
