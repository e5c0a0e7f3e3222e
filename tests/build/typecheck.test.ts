import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../support/project-copy.ts";

/** TypeScript's command line, run by this Node (so the suite's second run, on Node 24, type-checks on it too). */
const TSC = createRequire(import.meta.url).resolve("typescript/bin/tsc");

describe("npm run typecheck", () => {
  // A test rather than a step before vitest: it runs beside the other test files instead of ahead of them.
  it("finds no type error in the site's code, scripts and tests (tsc --noEmit, strict)", async () => {
    const result = await new Promise<{ status: number | null; output: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [TSC, "--noEmit"], { cwd: REPO_ROOT });
      let output = "";
      child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
      child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
      child.on("error", reject);
      child.on("close", (status) => resolve({ status, output }));
    });
    expect(result.output).toBe("");
    expect(result.status).toBe(0);
  }, 240_000);
});
