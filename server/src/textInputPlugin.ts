/**
 * The one text input layer: every String and ID a client sends, as an argument or an input field
 * at any depth, is checked by its field's rule (engine/input.ts TEXT_RULES) before scope auth, any
 * resolver or the database sees it. A refused request stores nothing and is answered as an
 * InvalidInputError listing every problem at its path: in the field's result union where it has
 * one, else as a GraphQL error with the first problem's code and all of them in `extensions.problems`.
 * A Pothos plugin, so a new field or argument is covered without anyone remembering.
 */
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from "@pothos/core";
import type { GraphQLFieldResolver, GraphQLResolveInfo } from "graphql";
import { createGraphQLError } from "graphql-yoga";
import { InvalidInputError, type InputProblem } from "./engine/errors.ts";
import { DEFAULT_TEXT, ID_TEXT, TEXT_RULES, textProblem } from "./engine/input.ts";

/** The parts of graphql-js's input types walked here (duck-typed: vitest may load another copy of graphql). */
interface InputType {
  name?: string;
  ofType?: InputType;
  getFields?: () => Record<string, { name: string; type: InputType }>;
}

/** Problems of one value of `type` at `path`, its field named `name`. */
function problemsOf(value: unknown, type: InputType, path: string, name: string, problems: InputProblem[]): void {
  if (value === null || value === undefined) return;
  if (type.ofType) {
    // A non-null type prints as "T!", a list as "[T]": a list's items are checked one by one.
    const list = !String(type).endsWith("!");
    if (list && Array.isArray(value)) value.forEach((item, index) => problemsOf(item, type.ofType!, `${path}[${index}]`, name, problems));
    else problemsOf(value, type.ofType, path, name, problems);
    return;
  }
  if (type.getFields && typeof value === "object") {
    for (const field of Object.values(type.getFields())) problemsOf((value as Record<string, unknown>)[field.name], field.type, `${path}.${field.name}`, field.name, problems);
    return;
  }
  if (typeof value !== "string" || (type.name !== "String" && type.name !== "ID")) return;
  const problem = textProblem(path, value, TEXT_RULES[name] ?? (type.name === "ID" ? ID_TEXT : DEFAULT_TEXT));
  if (problem) problems.push(problem);
}

/** Every problem with the strings of a field's arguments. */
export function argumentProblems(args: Record<string, unknown>, info: GraphQLResolveInfo): InputProblem[] {
  const problems: InputProblem[] = [];
  const definition = info.parentType.getFields()[info.fieldName];
  for (const argument of definition?.args ?? []) problemsOf(args[argument.name], argument.type as unknown as InputType, argument.name, argument.name, problems);
  return problems;
}

/** The refusal: typed where the field's union holds InvalidInputError, a coded GraphQL error elsewhere. */
function refusal(problems: InputProblem[], typed: boolean): Error {
  const error = new InvalidInputError(problems);
  if (typed) return error;
  return createGraphQLError(error.message, { extensions: { code: error.problems[0]!.code, problems: error.problems } });
}

/**
 * Checks around the argument mappers (the relay plugin's global-ID decoding among them), so nothing
 * reads a value before it is checked; the errors plugin, outside, turns the InvalidInputError into
 * the field's typed result (`unsafelyHandleInputErrors`). A subscription answers with a coded error.
 */
export class TextInputPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapArgMappers(resolver: GraphQLFieldResolver<unknown, Types["Context"], object> | undefined, fieldConfig: PothosOutputFieldConfig<Types>) {
    if (!resolver || Object.keys(fieldConfig.args).length === 0) return resolver;
    const typed = fieldConfig.kind !== "Subscription" && declaresInvalidInput(fieldConfig);
    return (parent: unknown, args: object, context: Types["Context"], info: GraphQLResolveInfo) => {
      const problems = argumentProblems(args as Record<string, unknown>, info);
      if (problems.length > 0) throw refusal(problems, typed);
      return resolver(parent, args, context, info);
    };
  }
}

function declaresInvalidInput(fieldConfig: { pothosOptions: object }): boolean {
  const errors = (fieldConfig.pothosOptions as { errors?: { types?: unknown[] } }).errors;
  return errors?.types?.includes(InvalidInputError) ?? false;
}

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      textInput: TextInputPlugin<Types>;
    }
  }
}

SchemaBuilder.registerPlugin("textInput", TextInputPlugin);
export default "textInput" as const;
