/**
 * The public endpoint's defences against hostile or careless clients, all refusing a request
 * before anything runs: a rate limit per caller, trusted (persisted) operations, operation limits
 * (GraphQL Armor), CSRF prevention, introspection and field suggestions off in production, no
 * batching, a body size limit. Every limit comes from an
 * environment variable with a default sized from the web client's own documents (docs/api.md
 * "Limits" gives the figures); tests build a yoga with their own configuration.
 */
import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor";
import { useCSRFPrevention } from "@graphql-yoga/plugin-csrf-prevention";
import { useDisableIntrospection } from "@graphql-yoga/plugin-disable-introspection";
import { Kind, type ASTVisitor, type FragmentDefinitionNode, type GraphQLError, type ValidationContext, type ValidationRule } from "graphql";
import { createGraphQLError, type Plugin } from "graphql-yoga";
import { authModeFromEnv, type AuthMode } from "./auth/config.ts";
import { executionBudgetPlugin, type BudgetConfig } from "./executionBudget.ts";
import { HEAVY_FIELD_COST, HEAVY_ROOT_FIELDS, heavyFieldCount, MAX_HEAVY_FIELDS, operationCost } from "./operationCost.ts";
import { corsOriginsFrom, listeningHostnames, originPlugin, type OriginConfig } from "./origins.ts";
import { rateLimitPlugin, type RateLimitConfig } from "./rateLimit.ts";
import { trustedOperationsPlugin } from "./trustedOperations.ts";

export interface HardeningConfig {
  /** NODE_ENV=production: introspection and field suggestions off unless configured otherwise. */
  production: boolean;
  introspection: boolean;
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxCost: number;
  maxDirectives: number;
  /** Bytes of a request body; more is answered 413 before parsing. */
  maxBodyBytes: number;
  /** Operations in one batched request; 0 = batching off. */
  batchLimit: number;
  /** Strict-Transport-Security on every response (only behind a TLS proxy: this server speaks plain HTTP). */
  hsts: boolean;
  /** Only the web client's operations (by hash) run, but for callers with a valid API token (trustedOperations.ts). */
  trustedOperations: boolean;
  /** Requests per caller and window (rateLimit.ts); `requests: 0` = no limit. */
  rateLimit: RateLimitConfig;
  /** Time, answer size and concurrency while an operation runs (executionBudget.ts). */
  budget: BudgetConfig;
  /** Which other origins may call the API, and (local mode) the names the server answers at (origins.ts). */
  origins: OriginConfig;
}

/** The largest client document (the brief's, ScenarioList's) with room: see docs/api.md "Limits". */
export const DEFAULT_LIMITS = {
  maxDepth: 15,
  maxAliases: 15,
  maxTokens: 1000,
  // operationCost.ts's estimate; the web client's costliest (Brief, 76,890,809) fits: docs/api.md "The cost model".
  // Nestings of relations that Prisma loads in one go, before any budget can stop them
  // (themes → initiatives → theme → initiatives, 300,200,100: 625,000 objects on the benchmark), do not.
  maxCost: 100_000_000,
  maxDirectives: 20,
  maxBodyBytes: 4_000_000,
  batchLimit: 0,
} as const;

/**
 * The budget while an operation runs (docs/api.md "Limits and refusals"): a 10-scenario comparison
 * of 12,500-line scenarios and its export fit in the time and the size; large operations are
 * those with a heavy root field (HEAVY_FIELD_COST), far above the web client's grid: its history, comparisons,
 * coverage and changes-since.
 */
export const DEFAULT_BUDGET: BudgetConfig = {
  maxExecutionMs: 20_000,
  maxResponseBytes: 64_000_000,
  // One heavy root field (an export, a comparison, a lineage …) makes an operation large.
  largeOperationCost: HEAVY_FIELD_COST,
  maxLargeOperations: 2,
  largeOperationQueue: 8,
};

/**
 * Requests per minute for one person (all their tabs), one API token or one address, in accounts
 * mode. The web client's heaviest minute in the e2e suite (every screen, pasting, live updates,
 * several tabs of one user) is far below it (docs/api.md "Rate limits").
 */
export const DEFAULT_RATE_LIMIT = 600;

/** The extensions.code of every refusal by an operation limit. */
export const OPERATION_LIMIT = "OPERATION_LIMIT_EXCEEDED";

/** Headers that make a request "non-simple" (a browser preflights it), so a foreign page cannot send it. */
export const CSRF_HEADERS = ["x-ramme-client", "x-ramme-user"];

function whole(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name]?.trim();
  if (text === undefined || text === "") return fallback;
  if (!/^\d+$/.test(text)) throw new Error(`${name} must be a whole number ≥ 0, not "${text}".`);
  return Number(text);
}

function onOff(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const text = env[name]?.trim().toLowerCase();
  if (text === undefined || text === "") return fallback;
  if (text === "on" || text === "true" || text === "1") return true;
  if (text === "off" || text === "false" || text === "0") return false;
  throw new Error(`${name} must be "on" or "off", not "${text}".`);
}

/**
 * The configuration from the environment; a malformed value stops the server at start, naming the
 * variable. `listeningOn`: the address the server binds (HOST), to answer only at its names in
 * local mode; an in-process yoga (tests) listens nowhere and checks no Host.
 */
export function hardeningConfigFrom(env: NodeJS.ProcessEnv, listeningOn?: string): HardeningConfig {
  const production = env.NODE_ENV === "production";
  // Local mode has one user, at the machine: trusted operations and rate limits are for a served endpoint with accounts.
  const accounts = authModeFromEnv(env.RAMME_AUTH) === "accounts";
  const windowSeconds = whole(env, "RAMME_RATE_LIMIT_WINDOW", 60);
  if (windowSeconds === 0) throw new Error("RAMME_RATE_LIMIT_WINDOW must be at least 1 second.");
  return {
    production,
    introspection: onOff(env, "RAMME_INTROSPECTION", !production),
    maxDepth: whole(env, "RAMME_MAX_DEPTH", DEFAULT_LIMITS.maxDepth),
    maxAliases: whole(env, "RAMME_MAX_ALIASES", DEFAULT_LIMITS.maxAliases),
    maxTokens: whole(env, "RAMME_MAX_TOKENS", DEFAULT_LIMITS.maxTokens),
    maxCost: whole(env, "RAMME_MAX_COST", DEFAULT_LIMITS.maxCost),
    maxDirectives: whole(env, "RAMME_MAX_DIRECTIVES", DEFAULT_LIMITS.maxDirectives),
    maxBodyBytes: whole(env, "RAMME_MAX_BODY_BYTES", DEFAULT_LIMITS.maxBodyBytes),
    batchLimit: whole(env, "RAMME_BATCH_LIMIT", DEFAULT_LIMITS.batchLimit),
    hsts: onOff(env, "RAMME_HSTS", false),
    trustedOperations: onOff(env, "RAMME_TRUSTED_OPERATIONS", accounts),
    rateLimit: { requests: whole(env, "RAMME_RATE_LIMIT", accounts ? DEFAULT_RATE_LIMIT : 0), windowSeconds, trustedProxyHops: whole(env, "RAMME_TRUSTED_PROXY_HOPS", 0) },
    budget: {
      maxExecutionMs: whole(env, "RAMME_MAX_EXECUTION_MS", DEFAULT_BUDGET.maxExecutionMs),
      maxResponseBytes: whole(env, "RAMME_MAX_RESPONSE_BYTES", DEFAULT_BUDGET.maxResponseBytes),
      largeOperationCost: whole(env, "RAMME_LARGE_OPERATION_COST", DEFAULT_BUDGET.largeOperationCost),
      maxLargeOperations: whole(env, "RAMME_MAX_LARGE_OPERATIONS", DEFAULT_BUDGET.maxLargeOperations),
      largeOperationQueue: whole(env, "RAMME_LARGE_OPERATION_QUEUE", DEFAULT_BUDGET.largeOperationQueue),
    },
    origins: { corsOrigins: corsOriginsFrom(env.RAMME_CORS_ORIGINS), allowedHostnames: listeningOn === undefined || accounts ? null : listeningHostnames(listeningOn) },
  };
}

/** Armor says "Syntax Error: Query depth limit of 15 exceeded, found 20."; clients get it without the misleading prefix, and a code to act on. */
function limitError(error: GraphQLError): GraphQLError {
  return createGraphQLError(error.message.replace(/^Syntax Error: /, ""), { extensions: { code: OPERATION_LIMIT, http: { status: 400 } } });
}
const reportToValidation = [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(limitError(error))];
const limitRule = { propagateOnRejection: false, onReject: reportToValidation };

/**
 * Refuses an operation whose estimated cost (operationCost.ts: every list multiplied by its bound)
 * is over `maxCost`, with the estimate and the limit in extensions, before anything runs.
 */
export function costLimitRule(maxCost: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition: {
      leave(operation) {
        const schema = context.getSchema();
        const root = schema.getRootType(operation.operation);
        if (!root) return;
        const fragments: Record<string, FragmentDefinitionNode> = {};
        for (const definition of context.getDocument().definitions) {
          if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
        }
        const heavy = operation.operation === "query" ? heavyFieldCount(operation.selectionSet, fragments) : 0;
        if (heavy > MAX_HEAVY_FIELDS) {
          context.reportError(
            createGraphQLError(`At most ${MAX_HEAVY_FIELDS} of ${[...HEAVY_ROOT_FIELDS].join(", ")} in one operation (got ${heavy}); send them as separate requests.`, {
              nodes: [operation],
              extensions: { code: OPERATION_LIMIT, heavyFields: heavy, limit: MAX_HEAVY_FIELDS, http: { status: 400 } },
            }),
          );
          return;
        }
        const cost = operationCost(schema, operation.selectionSet, root, fragments);
        if (cost <= maxCost) return;
        context.reportError(
          createGraphQLError(`Operation cost limit of ${maxCost} exceeded: estimated ${cost}.`, {
            nodes: [operation],
            extensions: { code: OPERATION_LIMIT, cost, limit: maxCost, http: { status: 400 } },
          }),
        );
      },
    },
  });
}

function costLimitPlugin(maxCost: number): Plugin {
  return { onValidate: ({ addValidationRule }) => addValidationRule(costLimitRule(maxCost)) };
}

/** Plugins for createYoga; the body size and batching limits are yoga options (see yoga.ts). */
export function hardeningPlugins(config: HardeningConfig, mode: AuthMode): Plugin[] {
  const armor = EnvelopArmorPlugin({
    maxDepth: { n: config.maxDepth, ...limitRule },
    maxAliases: { n: config.maxAliases, ...limitRule },
    // Armor's estimate counts a list as one item: ours (costLimitPlugin) multiplies by each list's bound.
    costLimit: { enabled: false },
    maxDirectives: { n: config.maxDirectives, ...limitRule },
    // Counted while parsing, before any validation: there is no validation context to report to.
    maxTokens: {
      n: config.maxTokens,
      propagateOnRejection: false,
      onReject: [
        (_context, error) => {
          throw limitError(error);
        },
      ],
    },
    // A production endpoint does not help a stranger guess field names ("Did you mean …?").
    blockFieldSuggestion: { enabled: config.production },
  });
  // First: a page of another origin (or, in local mode, a DNS-rebinding name) gets nothing, not even a count.
  const plugins: Plugin[] = [originPlugin(config.origins, mode)];
  // Then: a caller over the budget costs no more than counting.
  if (config.rateLimit.requests > 0) plugins.push(rateLimitPlugin(config.rateLimit, mode));
  // Resolves hashes to text before the operation limits count it.
  plugins.push(trustedOperationsPlugin(config.trustedOperations, mode), armor as Plugin, costLimitPlugin(config.maxCost), useCSRFPrevention({ requestHeaders: CSRF_HEADERS }), executionBudgetPlugin(config.budget));
  if (!config.introspection) {
    // graphql-js's NoSchemaIntrospectionCustomRule: __schema and __type refused, __typename (which clients need) allowed.
    plugins.push(useDisableIntrospection());
  }
  return plugins;
}

/**
 * The web client's Content-Security-Policy, from what the built client loads: its own scripts and
 * styles, fetches to /graphql on the same origin, data: images and fonts (AG Grid's icons), blob:
 * for the export download link. AG Grid and AG Charts inject <style> elements and React sets
 * style attributes, hence 'unsafe-inline' for styles only; scripts stay 'self'.
 */
export const CLIENT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/**
 * The security headers of every response, by path. /graphql answers JSON (nothing to load) or,
 * where introspection is on, GraphiQL, whose page loads its scripts and styles from unpkg.com
 * with inline code: there only framing is forbidden.
 */
export function securityHeaders(config: HardeningConfig, path: string, graphqlEndpoint: string): Record<string, string> {
  const api = path === graphqlEndpoint || path.startsWith(`${graphqlEndpoint}?`) || path.startsWith(`${graphqlEndpoint}/`);
  const headers: Record<string, string> = {
    "content-security-policy": api ? (config.introspection ? "frame-ancestors 'none'" : "default-src 'none'; frame-ancestors 'none'") : CLIENT_CSP,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
  };
  if (config.hsts) headers["strict-transport-security"] = "max-age=31536000; includeSubDomains";
  return headers;
}
