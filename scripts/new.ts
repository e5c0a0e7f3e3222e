/**
 * `npm run new -- <kind> ...`: starts a draft (`draft: true`) that passes `npm run check` at once, its unknown text
 * marked `TODO:` (listed by the check, refused in published content), and prints the file to edit.
 * Kinds: article "Title" | course "Title" | session <course-id> <start> | promotion "Title" | service "Title".
 */
import { existsSync } from "node:fs";
import { appendFile, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { loadContent } from "../src/content/load-content.ts";
import { ContentError } from "../src/content/problems.ts";
import { newArticle, newCourse, newPromotion, newService, newSession, ScaffoldError, type ScaffoldEdit, type ScaffoldInput } from "../src/scaffold/scaffold.ts";
import { readSiteNow } from "../src/time/clock.ts";

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

async function main(): Promise<number> {
  const [kind, ...rest] = process.argv.slice(2);
  const root = process.cwd();
  const commands: Record<string, (input: ScaffoldInput) => ScaffoldEdit> = {
    article: (input) => newArticle(input, rest.join(" ")),
    course: (input) => newCourse(input, rest.join(" ")),
    session: (input) => newSession(input, rest[0], rest[1]),
    promotion: (input) => newPromotion(input, rest.join(" ")),
    service: (input) => newService(input, rest.join(" ")),
  };
  const command = kind ? commands[kind] : undefined;
  if (!command) {
    console.error(kind ? `Unknown kind "${kind}".\n${USAGE}` : USAGE);
    return 2;
  }
  try {
    const edit = command({ root, content: await loadContent(root), now: readSiteNow() });
    await apply(root, edit);
    console.log(`${edit.action === "create" ? "Created" : "Added to"} ${edit.file}\n${edit.hint}\nThen run: npm run check`);
    return 0;
  } catch (error) {
    if (error instanceof ContentError) {
      console.error(`Fix the content first (npm run check):\n${error.message}`);
      return 1;
    }
    if (error instanceof ScaffoldError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main();
