/**
 * `npm run fix`: repairs in place the content mistakes that have one right answer (heading levels, unquoted
 * dates, tabs in YAML indentation, a byte-order mark, Windows line ends, trailing spaces), prints each repair
 * and a summary, then runs `npm run check`, so what is left for a person is printed exactly as the check prints
 * it. `--dry-run` only says what it would repair; `--root <folder>` works on another project, as the check does.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { fixProject, fixSummary } from "../src/fix/fix-project.ts";

const rootArgument = process.argv.indexOf("--root");
const root = path.resolve(rootArgument > 0 ? (process.argv[rootArgument + 1] ?? ".") : ".");
const write = !process.argv.includes("--dry-run");

const reports = await fixProject(root, { write });
console.log(fixSummary(reports, write));
console.log("");
// The check itself, not a copy of it: what it prints is what `npm run check` prints.
const check = spawnSync(process.execPath, ["--import", "tsx", fileURLToPath(new URL("./check-content.ts", import.meta.url)), "--root", root], { stdio: "inherit" });
process.exitCode = check.status ?? 1;
