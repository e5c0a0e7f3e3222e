import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { REPO_ROOT } from "./project-copy.ts";

/**
 * TypeScript 7's command line (the native compiler, `tsc` in package.json's scripts), started by this Node. The
 * package exports no path but its package.json, hence the way round. The `typescript` package is TypeScript 6,
 * kept for the compiler API that src/cms/schema-docs.ts and two tests parse with, which TypeScript 7 does not have.
 */
const TSC = path.join(path.dirname(createRequire(import.meta.url).resolve("@typescript/native/package.json")), "bin/tsc");

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
