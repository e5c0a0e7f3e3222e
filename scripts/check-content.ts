/**
 * `npm run check`: validates every content file without rendering a page, printing each problem as
 * `path:line: field: message`, including links between pages (against the paths the build would write).
 * Warnings are printed and do not fail; exits 1 when anything is an error. `--root <folder>` checks another
 * project. The command itself is src/checks/check-command.ts; this file is its command line.
 */
import "../src/cli/short-run-tiering.ts";
import { runCheck } from "../src/checks/check-command.ts";

process.exitCode = await runCheck(process.argv.slice(2), process.cwd());
