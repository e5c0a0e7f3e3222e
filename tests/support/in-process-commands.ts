import { runCheck } from "../../src/checks/check-command.ts";
import { runNew } from "../../src/scaffold/new-command.ts";
import type { CommandResult } from "./sample-project.ts";
import { commandEnv } from "./sample-project.ts";

// `npm run new` and `npm run check` run in the test's own process: the same functions their command lines call,
// without the ~1.5 CPU-seconds a `node --import tsx` start costs before any work. Tests that are about the
// command line itself (exit status and output of the real process) spawn it instead (runIn, runInAsync).

/** Runs `command` with output captured as a spawned process's would be: one line per message, in order. */
async function captured(command: (output: { out(message: string): void; err(message: string): void }) => Promise<number>): Promise<CommandResult> {
  let stdout = "";
  let stderr = "";
  const status = await command({ out: (message) => (stdout += `${message}\n`), err: (message) => (stderr += `${message}\n`) });
  return { status, stdout, stderr };
}

/** `npm run new -- ...args` in the project at `root`, in this process, at the December clock (or `env`'s SITE_NOW). */
export const scaffoldInProcess = (root: string, args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<CommandResult> =>
  captured((output) => runNew(args, root, commandEnv(env), output));

/** `npm run check` of the project at `root`, in this process, at the December clock (or `env`'s SITE_NOW). */
export const checkInProcess = (root: string, env: Readonly<Record<string, string>> = {}): Promise<CommandResult> =>
  captured((output) => runCheck(["--root", root], root, commandEnv(env), output));
