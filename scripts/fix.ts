/**
 * `npm run fix`: repairs in place the content mistakes that have one right answer (heading levels, unquoted
 * dates, tabs in YAML indentation, a byte-order mark, Windows line ends, trailing spaces), prints each repair
 * and a summary, then runs `npm run check`, so what is left for a person is printed exactly as the check prints
 * it. `--dry-run` only says what it would repair; `--root <folder>` works on another project, as the check does.
 */
import "../src/cli/short-run-tiering.ts";
import { projectRoot, runCheck } from "../src/checks/check-command.ts";
import { fixProject, fixSummary } from "../src/fix/fix-project.ts";

const root = projectRoot(process.argv.slice(2), process.cwd());
const write = !process.argv.includes("--dry-run");

const reports = await fixProject(root, { write });
console.log(fixSummary(reports, write));
console.log("");
// The check itself, not a copy of it: what it prints is what `npm run check` prints (in this process, not a second node).
process.exitCode = await runCheck(["--root", root], process.cwd());
