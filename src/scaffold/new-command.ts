/**
 * `npm run new -- <kind> ...` as a function (scripts/new.ts is its command line): starts a draft (`draft: true`)
 * that passes `npm run check` at once, its unknown text marked `TODO:`, and prints the file to edit. A function so
 * that the tests scaffold in their own process, without paying a node start per scaffold.
 */
import { existsSync } from "node:fs";
import { appendFile, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { TERMINAL, type CommandOutput } from "../cli/command-output.ts";
import { loadContent } from "../content/load-content.ts";
import { ContentError } from "../content/problems.ts";
import { readSiteNow } from "../time/clock.ts";
import { newArticle, newCourse, newPromotion, newService, newSession, ScaffoldError, type ScaffoldEdit, type ScaffoldInput } from "./scaffold.ts";

const USAGE = `Usage:
  npm run new -- article "Title"
  npm run new -- course "Title"
  npm run new -- session <course-id> <start>      e.g. session java-fundamentals 2027-09-13
  npm run new -- promotion "Title"
  npm run new -- service "Title"`;

async function apply(root: string, edit: ScaffoldEdit): Promise<void> {
  const target = path.join(root, edit.file);
  if (edit.action === "create") {
    if (existsSync(target)) throw new ScaffoldError(`${edit.file} already exists.`);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, edit.text, { flag: "wx" });
    return;
  }
  const before = existsSync(target) ? await readFile(target, "utf8") : "";
  // A blank line between entries, as the editors' files have them.
  const separator = before === "" ? "" : before.endsWith("\n\n") ? "" : before.endsWith("\n") ? "\n" : "\n\n";
  await appendFile(target, separator + edit.text);
}

/**
 * Runs `npm run new -- ...argv` in the project at `root`, at the clock of `env` (SITE_NOW), printing through
 * `output`; resolves to the exit code: 0 written, 1 refused (content to fix first, or a scaffold error), 2 usage.
 */
export async function runNew(argv: readonly string[], root: string, env: NodeJS.ProcessEnv = process.env, output: CommandOutput = TERMINAL): Promise<number> {
  const [kind, ...rest] = argv;
  const commands: Record<string, (input: ScaffoldInput) => ScaffoldEdit> = {
    article: (input) => newArticle(input, rest.join(" ")),
    course: (input) => newCourse(input, rest.join(" ")),
    session: (input) => newSession(input, rest[0], rest[1]),
    promotion: (input) => newPromotion(input, rest.join(" ")),
    service: (input) => newService(input, rest.join(" ")),
  };
  const command = kind ? commands[kind] : undefined;
  if (!command) {
    output.err(kind ? `Unknown kind "${kind}".\n${USAGE}` : USAGE);
    return 2;
  }
  try {
    const edit = command({ root, content: await loadContent(root), now: readSiteNow(env, output.err) });
    await apply(root, edit);
    output.out(`${edit.action === "create" ? "Created" : "Added to"} ${edit.file}\n${edit.hint}\nThen run: npm run check`);
    return 0;
  } catch (error) {
    if (error instanceof ContentError) {
      output.err(`Fix the content first (npm run check):\n${error.message}`);
      return 1;
    }
    if (error instanceof ScaffoldError) {
      output.err(error.message);
      return 1;
    }
    throw error;
  }
}
