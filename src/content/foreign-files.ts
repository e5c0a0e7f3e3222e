import { readdirSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import type { ContentProblem } from "./problems.ts";

/**
 * Files in the content folders that Eleventy itself would run or read: it imports every `.js`, `.cjs`, `.mjs`
 * and `.json` file in `_data/` as global data, and compiles every template (`.njk`, `.11ty.ts`) and template
 * data file anywhere below its input folder, `content/`. Only `content/pages/` holds templates, and it is code;
 * anywhere else such a file is content that could run code in the build, so it is refused. The build checks
 * this before Eleventy reads a single file (src/plugins/content-folders-plugin.ts), and `npm run check` with
 * the rest of the content.
 */

/** The folder of page templates: code, reviewed as code. */
const TEMPLATES_FOLDER = "pages";

/** Names Eleventy would compile or import: templates, template data files, scripts and JSON. */
const EXECUTABLE = /\.(njk|liquid|html?|webc|11ty\.\w+|11tydata\.\w+|[cm]?[jt]sx?|json5?)$/i;

/** Files below `folder` (relative to `root`), relative to the root; none when the folder does not exist. */
async function filesBelow(root: string, folder: string): Promise<string[]> {
  try {
    // With the entries' types from the folder itself: without them, Node stats every entry to find the folders
    // (4,000 stats for 4,000 articles, in every build). Such a listing does not enter a symbolic link to a folder,
    // which Eleventy's globbing follows: what lies behind one is listed too, as the listing without types did.
    // Synchronously: Node 20's promise-based recursive listing took 46 to 86 ms for the content of 4,000 articles,
    // the synchronous one 26 to 30 ms, and the check runs at every save of `npm start`.
    const top = path.join(root, folder);
    const names: string[] = [];
    for (const entry of readdirSync(top, { recursive: true, withFileTypes: true })) {
      if (entry.isDirectory()) continue;
      const name = path.relative(top, path.join(entry.parentPath, entry.name));
      names.push(name);
      if (entry.isSymbolicLink()) names.push(...(await linkedFolder(path.join(top, name))).map((inside) => path.join(name, inside)));
    }
    return names.map((name) => `${folder}/${name.split(path.sep).join("/")}`);
  } catch {
    return [];
  }
}

/** What lies below a symbolic link, when it leads to a folder (followed further, as Node's listing without types does). */
async function linkedFolder(link: string): Promise<string[]> {
  try {
    return await readdir(link, { recursive: true });
  } catch {
    return [];
  }
}

/** Every file in `_data/` or `content/` (outside `content/pages/`) that Eleventy would run or read, as a problem. */
export async function foreignFiles(root: string): Promise<ContentProblem[]> {
  const [data, content] = await Promise.all([filesBelow(root, "_data"), filesBelow(root, "content")]);
  const templates = `content/${TEMPLATES_FOLDER}/`;
  const refused = [...data, ...content.filter((file) => !file.startsWith(templates))].filter((file) => EXECUTABLE.test(file));
  return refused.map((file) => ({
    file: JSON.stringify(file).slice(1, -1),
    field: "",
    message: file.startsWith("_data/")
      ? "is not a content file: _data/ holds YAML only, and Eleventy would run or read this file in the build"
      : `is not a content file: only content/${TEMPLATES_FOLDER}/ holds templates and code, and Eleventy would run this file in the build`,
  }));
}
