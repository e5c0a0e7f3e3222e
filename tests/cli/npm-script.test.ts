import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { nodeArgumentsOf } from "../../src/cli/npm-script.ts";

const scripts = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { scripts: Record<string, string> }).scripts;

describe("nodeArgumentsOf", () => {
  it("gives node's arguments of each command the tests and the bench run, as package.json spells them", () => {
    for (const name of ["check", "fix", "build", "new", "eleventy"]) expect(`node ${nodeArgumentsOf(name).join(" ")}`).toBe(scripts[name]);
  });

  it("refuses a script that is not one plain node command, and one that does not exist", () => {
    expect(() => nodeArgumentsOf("test")).toThrow(/npm run test is not a plain node command: vitest run/);
    expect(() => nodeArgumentsOf("no-such-script")).toThrow(/npm run no-such-script is not a plain node command/);
  });
});
