import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { nodeArgumentsOf } from "../../src/cli/npm-script.ts";

/** The clock the audit and screenshot builds run at, unless SITE_NOW says otherwise: pictures that can be compared. */
export const DEFAULT_AUDIT_NOW = "2026-12-01T09:00:00-07:00";

/** Builds the production site into a fresh temporary folder with the real build command, and returns the folder. */
export function buildIntoTemporaryFolder(prefix: string): string {
  const output = mkdtempSync(path.join(os.tmpdir(), prefix));
  execFileSync(process.execPath, [...nodeArgumentsOf("build"), `--output=${output}`], {
    env: { ...process.env, SITE_NOW: process.env.SITE_NOW ?? DEFAULT_AUDIT_NOW },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return output;
}
