/**
 * Accounts from the command line (RAMME_AUTH=accounts), against DATABASE_URL's database:
 *
 *   user:create -- --email anna@fm.dk --name "Anna Holm" --organisation finansministeriet
 *                  [--organisation-name Finansministeriet] [--kind secretariat|party] --role admin|editor|viewer
 *   token:create -- --email anna@fm.dk --name "Regneark" --scope read|read-write
 *   token:revoke -- --prefix ramme_1a2b3c4d   (or --id <ApiToken.id>)
 *
 * The password is read from the terminal without echo, or from the first line of stdin when piped,
 * never from the arguments (which `ps` shows to everyone). The token is printed once.
 */
import { parseArgs } from "node:util";
import { configureDatabase, db, disconnectDatabase, writeTransaction } from "../db.ts";
import { createUser } from "./accounts.ts";
import { commandLine } from "./accountChanges.ts";
import { createApiToken, revokeApiTokenIn } from "./apiTokens.ts";
import { ORGANISATION_KINDS, ROLES, TOKEN_SCOPES, type OrganisationKind, type Role, type TokenScope } from "./caller.ts";
import { normaliseEmail } from "./users.ts";

function choice<T extends string>(value: string | undefined, allowed: readonly T[], what: string): T {
  const upper = value?.toUpperCase().replace("-", "_");
  if (!allowed.includes(upper as T)) throw new Error(`--${what} must be one of ${allowed.map((option) => option.toLowerCase().replace("_", "-")).join(", ")}.`);
  return upper as T;
}

function required(value: string | undefined, what: string): string {
  if (!value?.trim()) throw new Error(`--${what} is required.`);
  return value;
}

/** One line from stdin: typed without echo at a terminal, or piped. */
async function readPassword(prompt: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    let text = "";
    for await (const chunk of input) text += String(chunk);
    return text.split(/\r?\n/)[0] ?? "";
  }
  process.stderr.write(prompt);
  input.setRawMode(true);
  input.resume();
  input.setEncoding("utf8");
  return new Promise((resolve, reject) => {
    let typed = "";
    const onData = (chunk: string) => {
      for (const character of chunk) {
        if (character === "\r" || character === "\n") {
          finish();
          return resolve(typed);
        }
        if (character === "\u0003") {
          finish();
          return reject(new Error("Cancelled."));
        }
        typed = character === "\u007f" ? typed.slice(0, -1) : typed + character;
      }
    };
    const finish = () => {
      input.off("data", onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write("\n");
    };
    input.on("data", onData);
  });
}

async function createUserCommand(args: string[]) {
  const { values } = parseArgs({ args, options: { email: { type: "string" }, name: { type: "string" }, organisation: { type: "string" }, "organisation-name": { type: "string" }, kind: { type: "string" }, role: { type: "string" } } });
  const role = choice<Role>(values.role, ROLES, "role");
  const organisationKind = values.kind === undefined ? undefined : choice<OrganisationKind>(values.kind, ORGANISATION_KINDS, "kind");
  const email = required(values.email, "email");
  const displayName = required(values.name, "name");
  const organisationKey = required(values.organisation, "organisation");
  const password = await readPassword(`Password for ${email}: `);
  const confirmation = process.stdin.isTTY ? await readPassword("Again: ") : password;
  if (password !== confirmation) throw new Error("The two passwords differ.");
  const user = await createUser({ email, displayName, role, password, organisationKey, organisationName: values["organisation-name"], organisationKind });
  console.log(`Created ${user.role.toLowerCase()} ${user.displayName} <${user.email}> in ${user.organisation.name} (${user.organisation.kind.toLowerCase()}).`);
}

async function createTokenCommand(args: string[]) {
  const { values } = parseArgs({ args, options: { email: { type: "string" }, name: { type: "string" }, scope: { type: "string" } } });
  const scope = choice<TokenScope>(values.scope, TOKEN_SCOPES, "scope");
  const name = required(values.name, "name").trim().slice(0, 100);
  const email = normaliseEmail(required(values.email, "email"));
  const owner = await db.user.findUnique({ where: { email } });
  if (!owner || owner.disabledAt) throw new Error(`No active user has the email ${email}.`);
  if (owner.role === "VIEWER" && scope !== "READ") throw new Error("A viewer may only have READ tokens.");
  const { secret } = await createApiToken(owner.id, name, scope, commandLine("token:create"));
  console.error(`API token "${name}" (${scope.toLowerCase()}) for ${email}; shown this once, send it as "Authorization: Bearer <token>":`);
  console.log(secret);
}

/** The prefix as lists show it ("ramme_1a2b3c4d"), bare ("1a2b3c4d"), or the start of a whole token. */
const PREFIX_PATTERN = /^(?:ramme_)?([0-9a-f]{8})(?:_|$)/;

async function revokeTokenCommand(args: string[]) {
  const { values } = parseArgs({ args, options: { prefix: { type: "string" }, id: { type: "string" } } });
  if ((values.prefix === undefined) === (values.id === undefined)) throw new Error("Give either --prefix ramme_1a2b3c4d or --id <ApiToken.id>.");
  const prefix = values.prefix === undefined ? undefined : PREFIX_PATTERN.exec(values.prefix.trim())?.[1];
  if (values.prefix !== undefined && !prefix) throw new Error(`--prefix must look like ramme_1a2b3c4d (8 hex digits), not "${values.prefix.slice(0, 20)}".`);
  const where = prefix ? { prefix } : { id: values.id!.trim() };
  const token = await db.apiToken.findUnique({ where, include: { owner: true } });
  if (!token) throw new Error(`No API token has the ${prefix ? `prefix ramme_${prefix}` : `id ${where.id}`}.`);
  const described = `API token "${token.name}" (ramme_${token.prefix}, ${token.scope.toLowerCase()}) of ${token.owner.email}`;
  if (token.revokedAt) return console.log(`${described} was revoked already, at ${token.revokedAt.toISOString()}.`);
  const revoked = await writeTransaction((tx) => revokeApiTokenIn(tx, token.id, commandLine("token:revoke")));
  console.log(`Revoked ${described} at ${revoked.revokedAt!.toISOString()}; it is refused from the next request on.`);
}

const [command, ...rest] = process.argv.slice(2);
const commands: Record<string, (args: string[]) => Promise<void>> = { "user:create": createUserCommand, "token:create": createTokenCommand, "token:revoke": revokeTokenCommand };
try {
  const run = commands[command ?? ""];
  if (!run) throw new Error(`Unknown command "${command}"; use user:create, token:create or token:revoke.`);
  await configureDatabase();
  await run(rest.filter((arg) => arg !== "--"));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
} finally {
  await disconnectDatabase();
}
