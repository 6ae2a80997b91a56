/**
 * The server's log: one JSON object a line on stdout (pino), for a log shipper; readable lines
 * instead when stdout is a terminal. RAMME_LOG_LEVEL (fatal, error, warn, info, debug, trace or
 * silent; default info) sets how much. Every GraphQL request is one `info` line (requests.ts); what
 * a request carries (variables, documents, headers, cookies, tokens, passwords) is never logged.
 */
import pino, { type DestinationStream, type Logger } from "pino";

const LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

export function logLevelFrom(value: string | undefined): (typeof LEVELS)[number] {
  const level = (value?.trim() || "info").toLowerCase();
  if (!(LEVELS as readonly string[]).includes(level)) throw new Error(`RAMME_LOG_LEVEL must be one of ${LEVELS.join(", ")}, got ${JSON.stringify(value)}`);
  return level as (typeof LEVELS)[number];
}

// pino-pretty is loaded only for a terminal: a server whose output goes to a file or journald does not carry it.
const destination: DestinationStream = process.stdout.isTTY
  ? (await import("pino-pretty")).default({ colorize: true, sync: true, ignore: "pid,hostname" })
  : pino.destination({ fd: 1, sync: true });

export const log: Logger = pino(
  {
    level: logLevelFrom(process.env.RAMME_LOG_LEVEL),
    base: { pid: process.pid },
    formatters: { level: (label) => ({ level: label }) },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Belt and braces: nothing logs these fields, and should one ever be passed they are censored.
    redact: { paths: ["password", "*.password", "token", "*.token", "authorization", "*.authorization", "cookie", "*.cookie", "variables", "*.variables"], censor: "[redacted]" },
  },
  destination,
);
