import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { REPO_ROOT } from "./project-copy.ts";

/** TypeScript's command line, run by this Node (so the suite's second run, on Node 24, type-checks on it too). */
const TSC = createRequire(import.meta.url).resolve("typescript/bin/tsc");

/** How `tsc --noEmit` ended and everything it printed. */
export interface TypecheckResult {
  status: number | null;
  output: string;
}

/**
 * Runs `npm run typecheck` (tsc --noEmit, strict) on the repository as a process of its own. The global setup starts
 * it first, so tsc works on the second core while the setup's builds hold the first, and the test only reads the result.
 */
export function runTypecheck(): Promise<TypecheckResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSC, "--noEmit"], { cwd: REPO_ROOT });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, output }));
  });
}
