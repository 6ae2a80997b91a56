/**
 * A budget while an operation runs, after the limits that refuse it before (hardening.ts):
 *
 * - time: a query still running after `maxExecutionMs` stops (graphql-tools' executor checks the
 *   signal between fields) and is answered EXECUTION_TIME_EXCEEDED. Mutations are not cut short:
 *   one that had stored its change would be reported as failed. Their inputs are bounded instead.
 * - size: an answer over `maxResponseBytes` is replaced by RESPONSE_TOO_LARGE before it is
 *   serialised (measured by walking it, stopping as soon as it is over).
 * - concurrency: operations costing at least `largeOperationCost` (operationCost.ts) run at most
 *   `maxLargeOperations` at a time; up to `largeOperationQueue` more wait their turn, and beyond
 *   that one is refused SERVER_BUSY at once, so a burst of large reads cannot fill the memory.
 */
import type { Plugin } from "graphql-yoga";
import { createGraphQLError } from "graphql-yoga";
import { Kind, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema } from "graphql";
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
  let size = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item === "string") size += item.length + 2;
    else if (item === null || typeof item !== "object") size += 8;
    else if (Array.isArray(item)) {
      size += 2 + item.length;
      for (const element of item) stack.push(element);
    } else {
      size += 2;
      for (const [key, element] of Object.entries(item)) {
        size += key.length + 4;
        stack.push(element);
      }
    }
    if (size > limit) return true;
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

export function executionBudgetPlugin(config: BudgetConfig): Plugin {
  const gate = config.maxLargeOperations > 0 ? new Gate(config.maxLargeOperations, config.largeOperationQueue) : null;
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const large = gate !== null && costOf(args.schema, args.document, args.operationName) >= config.largeOperationCost;
      const timed = config.maxExecutionMs > 0 && !isMutation(args.document, args.operationName);
      setExecuteFn(async (executionArgs) => {
        if (large && !(await gate!.acquire())) {
          return { errors: [createGraphQLError(`The server is busy with ${config.maxLargeOperations} large operations and ${config.largeOperationQueue} waiting; try again shortly.`, { extensions: { code: SERVER_BUSY, http: { status: 503, headers: { "retry-after": "5" } } } })] };
        }
        const overTime = createGraphQLError(`The operation ran longer than ${config.maxExecutionMs} ms and was stopped.`, {
          extensions: { code: EXECUTION_TIME_EXCEEDED, limit: config.maxExecutionMs, http: { status: 503 } },
        });
        const controller = new AbortController();
        const timer = timed ? setTimeout(() => controller.abort(overTime), config.maxExecutionMs) : undefined;
        // graphql-tools' executor (yoga's) takes a signal beside graphql-js's arguments: the request's, when it is cancelled.
        const given = (executionArgs as { signal?: AbortSignal }).signal;
        const signal = given ? AbortSignal.any([given, controller.signal]) : controller.signal;
        try {
          const result = await executeFn({ ...executionArgs, signal } as typeof executionArgs);
          if (config.maxResponseBytes > 0 && !(Symbol.asyncIterator in Object(result)) && exceedsBytes((result as { data?: unknown }).data, config.maxResponseBytes)) {
            return {
              errors: [
                createGraphQLError(`The answer is larger than ${config.maxResponseBytes} bytes; ask for fewer fields or a smaller page.`, {
                  extensions: { code: RESPONSE_TOO_LARGE, limit: config.maxResponseBytes, http: { status: 400 } },
                }),
              ],
            };
          }
          return result;
        } catch (error) {
          if (error === overTime) return { errors: [overTime] };
          throw error;
        } finally {
          clearTimeout(timer);
          if (large) gate!.release();
        }
      });
    },
  };
}
