/**
 * `npm run new -- <kind> ...`: starts a draft (`draft: true`) that passes `npm run check` at once, its unknown text
 * marked `TODO:` (listed by the check, refused in published content), and prints the file to edit.
 * Kinds: article "Title" | course "Title" | session <course-id> <start> | promotion "Title" | service "Title".
 * The command itself is src/scaffold/new-command.ts; this file is its command line.
 */
import "../src/cli/short-run-tiering.ts";
import { runNew } from "../src/scaffold/new-command.ts";

process.exitCode = await runNew(process.argv.slice(2), process.cwd());
