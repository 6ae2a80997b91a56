/**
 * A schema-driven fuzzer: every argument of every root query and mutation gets hostile values from
 * fast-check — invalid Unicode, control characters and bidi overrides, huge strings, huge and
 * negative numbers, IDs of the wrong type and another organisation's IDs, oversized lists — as a
 * signed-in editor of another organisation than the one whose draft exists. For each request:
 * no 5xx, no "Unexpected error.", every error coded, a mutation refused (a typed error or a coded
 * one), and every table unchanged. The fields come from the schema, so a new one is fuzzed without
 * anyone remembering; the number of runs per field is bounded so the whole file takes seconds.
 */
import { createUser } from "@ramme/server/auth/accounts.ts";
import { createSession } from "@ramme/server/auth/sessions.ts";
import { forkScenario } from "@ramme/server/engine/scenarioLifecycle.ts";
import { hardeningConfigFrom } from "@ramme/server/hardening.ts";
import { schema } from "@ramme/server/schema/index.ts";
import { createRammeYoga } from "@ramme/server/yoga.ts";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../support/graphql.ts";
import { fingerprint } from "../support/scenarios.ts";
import { postAs, type Auth } from "../support/asCaller.ts";

const server = createRammeYoga({ auth: "accounts", hardening: hardeningConfigFrom({ RAMME_AUTH: "accounts", RAMME_TRUSTED_OPERATIONS: "off", RAMME_RATE_LIMIT: "0" }) });
const RUNS_PER_FIELD = 6;
/** fast-check's seed, from the environment to replay a failure (FUZZ_SEED=…), else fixed so CI is repeatable. */
const SEED = Number(process.env.FUZZ_SEED ?? 20261207);

/** The graphql-js type shapes walked here (duck-typed: the schema's graphql may be another copy than this file's). */
interface TypeShape {
  name?: string;
  ofType?: TypeShape;
  getFields?: () => Record<string, { name: string; type: TypeShape; defaultValue?: unknown }>;
  getValues?: () => Array<{ value: unknown; name: string }>;
  toString(): string;
}
const isNonNull = (type: TypeShape) => Boolean(type.ofType) && type.toString().endsWith("!");
const isList = (type: TypeShape) => Boolean(type.ofType) && !type.toString().endsWith("!");
const named = (type: TypeShape): TypeShape => (type.ofType ? named(type.ofType) : type);

let otherOrganisationsDraft = "";
let ownDraft = "";

/** Whether a value holds a string the text input layer refuses: then a mutation must be refused whatever else it holds. */
const REFUSED_TEXT = /[\uD800-\uDFFF\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;
const holdsRefusedText = (value: unknown): boolean =>
  typeof value === "string" ? REFUSED_TEXT.test(value) || value.length > 100_000 - 1 : Array.isArray(value) ? value.some(holdsRefusedText) : typeof value === "object" && value !== null ? Object.values(value).some(holdsRefusedText) : false;
const G = (type: string, key: string) => Buffer.from(`${type}:${key}`).toString("base64");

/** Strings no field accepts: each one is refused by the text input layer or names nothing the caller may see. */
function hostileString(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom("\ud800", "a\udc00b", "\u0000", "x\u0007y", "navn\u202Egnp.exe", "\u2066\u2069", "linje\nto", "\u2028"),
    fc.string({ minLength: 1, maxLength: 8 }).map((text) => `${text}\u0000`),
    fc.string({ minLength: 0, maxLength: 4 }).map((text) => `\ud83d${text}`),
    fc.constant("x".repeat(100_000)),
    fc.constant(""),
  );
}

/**
 * IDs of the wrong type, malformed, or another organisation's draft (as key and as global ID); and
 * now and then one the caller may use (its own draft, a document's initiative), so the other
 * arguments' checks are reached too.
 */
function hostileId(): fc.Arbitrary<string> {
  return fc.oneof(
    hostileString(),
    fc.constant(null).map(() => ownDraft),
    fc.constantFrom("aftale-2024", "vmk", "forskning-sundhedsdata"),
    fc.constantFrom("ikke-base64==", G("Frame", "life-science-2024-2027"), G("Nothing", "x"), G("Scenario", "")),
    fc.constant(null).map(() => otherOrganisationsDraft),
    fc.constant(null).map(() => G("Scenario", otherOrganisationsDraft)),
  );
}

const hostileInt = () => fc.constantFrom(-5, -1, 0, 2_147_483_647, -2_147_483_648, 1_000_000);
/** Amounts and times as text: none is a value the field takes. */
const hostileScalarText = () => fc.oneof(hostileString(), fc.constantFrom("-1", "1e400", "9".repeat(500), "NaN", "3,5,5", "2999-01-01T00:00:00Z"));

/** A hostile value of a GraphQL input type; `required` fields are always present. */
function valueOf(type: TypeShape, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNull(type)) return valueOf(type.ofType!, depth);
  if (isList(type)) {
    const item = valueOf(type.ofType!, depth + 1);
    return fc.oneof(fc.array(item, { minLength: 1, maxLength: 3 }), item.map((one) => Array.from({ length: 2_000 }, () => one)));
  }
  const base = named(type);
  if (base.getValues) return fc.constantFrom(...base.getValues().map((value) => value.name));
  if (base.getFields) {
    const fields = Object.values(base.getFields());
    const entries = Object.fromEntries(fields.map((field) => [field.name, isNonNull(field.type) ? valueOf(field.type, depth + 1) : fc.option(valueOf(field.type, depth + 1), { nil: undefined })]));
    return fc.record(entries).map((record) => Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)));
  }
  switch (base.name) {
    case "ID":
      return hostileId();
    case "String":
      return hostileString();
    case "Int":
      return hostileInt();
    case "Float":
      return fc.constantFrom(-1, 1e308, Number.MIN_VALUE);
    case "Boolean":
      return fc.boolean();
    default:
      return hostileScalarText();
  }
}

/** Which arguments get a hostile value: at least one of them, the required ones always. */
function variablesOf(args: ReadonlyArray<{ name: string; type: TypeShape }>): fc.Arbitrary<Record<string, unknown>> {
  const entries = Object.fromEntries(args.map((argument) => [argument.name, isNonNull(argument.type) ? valueOf(argument.type) : fc.option(valueOf(argument.type), { nil: undefined })]));
  return fc.record(entries).map((record) => Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)));
}

/** Whether a value of the input type can hold a String or ID anywhere (a mutation of numbers alone gets only hostile numbers). */
function takesText(type: TypeShape, seen = new Set<string>()): boolean {
  const base = named(type);
  if (base.name === "String" || base.name === "ID") return true;
  if (!base.getFields || seen.has(base.name!)) return false;
  seen.add(base.name!);
  return Object.values(base.getFields()).some((field) => takesText(field.type, seen));
}

interface RootField {
  operation: "query" | "mutation";
  name: string;
  args: Array<{ name: string; type: TypeShape }>;
  type: TypeShape;
}

function rootFields(): RootField[] {
  const fields: RootField[] = [];
  for (const [operation, type] of [["query", schema.getQueryType()], ["mutation", schema.getMutationType()]] as const) {
    for (const field of Object.values(type!.getFields())) {
      // Fields without arguments have nothing to fuzz.
      if (field.args.length > 0) fields.push({ operation, name: field.name, args: field.args.map((argument) => ({ name: argument.name, type: argument.type as unknown as TypeShape })), type: field.type as unknown as TypeShape });
    }
  }
  return fields;
}

function documentOf(field: RootField): string {
  const declared = field.args.map((argument) => `$${argument.name}: ${argument.type.toString()}`).join(", ");
  const passed = field.args.map((argument) => `${argument.name}: $${argument.name}`).join(", ");
  // Objects, interfaces and unions need a selection; scalars and enums take none.
  const selection = named(field.type).getFields || "getTypes" in named(field.type) ? " { __typename }" : "";
  return `${field.operation}(${declared}) { ${field.name}(${passed})${selection} }`;
}

let auth: Auth = {};
beforeAll(async () => {
  const secretariat = { id: (await db.organisation.upsert({ where: { key: "finansministeriet" }, create: { key: "finansministeriet", name: "Finansministeriet", kind: "SECRETARIAT" }, update: {} })).id, key: "finansministeriet", name: "Finansministeriet", kind: "SECRETARIAT" as const };
  otherOrganisationsDraft = (await forkScenario({ sourceId: "aftale-2024", name: "Sekretariatets fortrolige udkast" }, "sekretariatet", secretariat)).scenarioId;
  const fuzzer = await createUser({ email: "fuzz@venstre.dk", displayName: "Fuzz", password: "et godt langt kodeord", role: "EDITOR", organisationKey: "venstre", organisationKind: "PARTY" });
  const venstre = await db.organisation.findUniqueOrThrow({ where: { key: "venstre" } });
  ownDraft = (await forkScenario({ sourceId: "aftale-2024", name: "Venstres eget udkast" }, "Fuzz", { id: venstre.id, key: venstre.key, name: venstre.name, kind: "PARTY" })).scenarioId;
  auth = { cookie: `ramme_session=${(await createSession(fuzzer.id)).token}` };
}, 60_000);

describe("every argument of every root field, fuzzed", () => {
  it("covers every root query and mutation with arguments", () => {
    expect(rootFields().length).toBeGreaterThan(40);
  });

  it.each(rootFields().map((field) => [`${field.operation} ${field.name}`, field] as const))("%s: refused with a code, never a 5xx, nothing stored", { timeout: 120_000 }, async (_name, field) => {
    const document = documentOf(field);
    await fc.assert(
      fc.asyncProperty(variablesOf(field.args), async (variables) => {
        // A mutation is held to "refused, nothing stored" when it holds a text no field accepts;
        // one that names only usable IDs and numbers may succeed, and is not a fuzzing case.
        fc.pre(field.operation === "query" || !field.args.some((argument) => takesText(argument.type)) || holdsRefusedText(variables));
        const before = await fingerprint({ ignoreUse: true });
        const response = await postAs(server, { query: document, variables }, auth);
        const text = await response.text();
        const shown = `${field.name} ${JSON.stringify(variables).slice(0, 300)} → ${response.status} ${text.slice(0, 500)}`;
        expect(response.status, shown).toBeLessThan(500);
        expect(text, shown).not.toContain("Unexpected error");
        const body = JSON.parse(text) as { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: { code?: string } }> };
        for (const error of body.errors ?? []) expect(error.extensions?.code, shown).toEqual(expect.any(String));
        if (field.operation === "mutation") {
          const result = body.data?.[field.name] as { __typename?: string } | null | undefined;
          const refused = (body.errors?.length ?? 0) > 0 || (result?.__typename?.endsWith("Error") ?? false);
          expect(refused, shown).toBe(true);
        }
        expect(await fingerprint({ ignoreUse: true }), shown).toBe(before);
      }),
      { numRuns: RUNS_PER_FIELD, seed: SEED, endOnFailure: true },
    );
  });
});
