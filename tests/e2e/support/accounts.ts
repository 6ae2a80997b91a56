/**
 * Accounts mode in the e2e suite: users made with the project's own command line, as an operator
 * makes them, and signing in through the sign-in page, as a person does.
 */
import { execFile, execFileSync } from "node:child_process";
import path from "node:path";
import type { Page } from "playwright-core";
import { serverDirectory } from "./app.ts";

/** Runs server/src/auth/cli.ts on the test server's database file, with `input` on stdin (a password); its stdout. */
export function ramme(databaseFile: string, args: string[], input = ""): string {
  return execFileSync(path.join(serverDirectory, "node_modules", ".bin", "tsx"), ["src/auth/cli.ts", ...args], {
    cwd: serverDirectory,
    env: { ...process.env, DATABASE_URL: `file:${databaseFile}` },
    input,
    stdio: "pipe",
  }).toString();
}

/**
 * ramme() without blocking this process: while a command runs, the test's HTTP client keeps its timers,
 * so it drops idle keep-alive connections the server is about to close instead of reusing one that
 * the server closes under it ("other side closed") once a slow command has blocked it for 5 s.
 */
export function rammeAsync(databaseFile: string, args: string[], input = ""): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(path.join(serverDirectory, "node_modules", ".bin", "tsx"), ["src/auth/cli.ts", ...args], {
      cwd: serverDirectory,
      env: { ...process.env, DATABASE_URL: `file:${databaseFile}` },
    }, (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout)));
    child.stdin?.end(input);
  });
}

/** `user:create` with these arguments, the password typed at its prompt. */
export function createUserWithCli(databaseFile: string, args: string[], password: string): void {
  ramme(databaseFile, ["user:create", ...args], `${password}\n`);
}

/** Fills in the sign-in page the browser shows and waits for the planner (Log ud). */
export async function signInOnPage(page: Page, who: { email: string; password: string }): Promise<void> {
  await page.getByLabel("E-mail").fill(who.email);
  await page.getByLabel("Adgangskode").fill(who.password);
  await page.getByRole("button", { name: "Log ind" }).click();
  await page.getByRole("button", { name: "Log ud" }).waitFor();
}

/** The browser logs every refused request (HTTP 401) as a console error; signed out, those are expected. */
export const unexpectedErrors = (errors: string[]) => errors.filter((error) => !error.includes("status of 401"));
