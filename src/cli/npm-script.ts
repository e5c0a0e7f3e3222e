import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * Node's arguments for `npm run <name>`, read from package.json's scripts (`node --import tsx scripts/build.ts`
 * gives `--import tsx scripts/build.ts`), so the bench, the audit and the tests run the command editors run, not
 * a copy of it that could drift. Refuses a script that is not one plain node command.
 */
export function nodeArgumentsOf(name: string): string[] {
  const scripts = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
  const [program, ...args] = (scripts[name] ?? "").split(/\s+/);
  if (program !== "node" || args.some((arg) => /["'$&|;<>]/.test(arg))) throw new Error(`npm run ${name} is not a plain node command: ${scripts[name]}`);
  return args;
}
