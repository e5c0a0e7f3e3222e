import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { tieringApplies } from "../../src/cli/short-run-tiering.ts";
import { REPO_ROOT } from "../support/project-copy.ts";

const folder = mkdtempSync(path.join(tmpdir(), "hsg-tiering-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/**
 * Whether V8 optimises a small function after 2,000 calls (TurboFan; Maglev, where V8 has it on), in a process that
 * imports the module or not: `--trace-opt` names each function it compiles.
 */
function optimisedAfter2000Calls(tuned: boolean): { compiled: boolean; stderr: string } {
  const module = pathToFileURL(path.join(REPO_ROOT, "src/cli/short-run-tiering.ts")).href;
  const script = path.join(folder, `hot-${tuned}.mjs`);
  writeFileSync(
    script,
    `${tuned ? `await import(${JSON.stringify(module)});\n` : ""}function hotSum(value) { let sum = 0; for (const char of String(value)) sum += char.charCodeAt(0); return sum; }
let total = 0; for (let index = 0; index < 2000; index++) total += hotSum(index);
console.log(total);
`,
  );
  const run = spawnSync(process.execPath, ["--import", "tsx", "--trace-opt", script], { cwd: REPO_ROOT, encoding: "utf8", timeout: 60_000 });
  expect(run.status, run.stderr).toBe(0);
  return { compiled: /compiling method \S+ <JSFunction hotSum\b[^>]*> \(target (?:TURBOFAN|MAGLEV)\)/.test(run.stdout), stderr: run.stderr };
}

describe("V8's tiering for the project's short commands", () => {
  it("applies to Node 20's V8 alone, whose flag it sets", () => {
    expect(tieringApplies("11.3.244.8-node.38")).toBe(true);
    expect(tieringApplies("12.4.254.21-node.33")).toBe(false);
    expect(tieringApplies("13.6.233.17-node.63")).toBe(false);
  });

  it("holds TurboFan back from a function called 2,000 times on Node 20, and changes nothing elsewhere", () => {
    const plain = optimisedAfter2000Calls(false);
    const tuned = optimisedAfter2000Calls(true);
    // Without the setting every V8 this project runs on optimises it, so the comparison can tell.
    expect(plain.compiled).toBe(true);
    expect(tuned.compiled).toBe(!tieringApplies());
    // No V8 is given a flag it does not know (it would print an error on every command).
    expect(tuned.stderr).toBe("");
  });
});
