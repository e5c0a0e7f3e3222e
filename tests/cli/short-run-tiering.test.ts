import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../support/project-copy.ts";

// The module is only ever imported by processes started here: importing it would change this worker's V8 for the
// rest of the run.
const MODULE = pathToFileURL(path.join(REPO_ROOT, "src/cli/short-run-tiering.ts")).href;
const folder = mkdtempSync(path.join(tmpdir(), "hsg-tiering-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Runs `script` (an ES module) in a process of its own under tsx, with Node's extra `flags`. */
function runScript(name: string, script: string, flags: string[] = []): { stdout: string; stderr: string } {
  const file = path.join(folder, `${name}.mjs`);
  writeFileSync(file, script);
  const run = spawnSync(process.execPath, ["--import", "tsx", ...flags, file], { cwd: REPO_ROOT, encoding: "utf8", timeout: 60_000 });
  expect(run.status, run.stderr).toBe(0);
  return run;
}

/**
 * Whether V8 optimises a small function after 2,000 calls (TurboFan; Maglev, where V8 has it on), in a process that
 * imports the module or not: `--trace-opt` names each function it compiles.
 */
function optimisedAfter2000Calls(tuned: boolean): { compiled: boolean; stderr: string } {
  const run = runScript(
    `hot-${tuned}`,
    `${tuned ? `await import(${JSON.stringify(MODULE)});\n` : ""}function hotSum(value) { let sum = 0; for (const char of String(value)) sum += char.charCodeAt(0); return sum; }
let total = 0; for (let index = 0; index < 2000; index++) total += hotSum(index);
console.log(total);
`,
    ["--trace-opt"],
  );
  return { compiled: /compiling method \S+ <JSFunction hotSum\b[^>]*> \(target (?:TURBOFAN|MAGLEV)\)/.test(run.stdout), stderr: run.stderr };
}

describe("V8's tiering for the project's short commands", () => {
  let verdicts: { node20: boolean; node22: boolean; node24: boolean; here: boolean };
  beforeAll(() => {
    const { stdout } = runScript(
      "verdicts",
      `const { tieringApplies } = await import(${JSON.stringify(MODULE)});
console.log(JSON.stringify({ node20: tieringApplies("11.3.244.8-node.38"), node22: tieringApplies("12.4.254.21-node.33"), node24: tieringApplies("13.6.233.17-node.63"), here: tieringApplies() }));
`,
    );
    verdicts = JSON.parse(stdout) as typeof verdicts;
  });

  it("applies to Node 20's V8 alone, whose flag it sets", () => {
    expect(verdicts).toMatchObject({ node20: true, node22: false, node24: false });
    expect(verdicts.here).toBe(process.versions.v8.startsWith("11."));
  });

  it("holds TurboFan back from a function called 2,000 times on Node 20, and changes nothing elsewhere", () => {
    const plain = optimisedAfter2000Calls(false);
    const tuned = optimisedAfter2000Calls(true);
    // Without the setting every V8 this project runs on optimises it, so the comparison can tell.
    expect(plain.compiled).toBe(true);
    expect(tuned.compiled).toBe(!verdicts.here);
    // No V8 is given a flag it does not know (it would print an error on every command).
    expect(tuned.stderr).toBe("");
  });
});
