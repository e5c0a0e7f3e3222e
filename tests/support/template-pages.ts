import { readFile } from "node:fs/promises";
import path from "node:path";
import { allPages, urlOfFile } from "./site-output.ts";

/**
 * One URL per page template of a build, read from the `data-template` attribute every page carries: templates added
 * later are covered without a list to keep up to date. The first page in path order stands for its template; the
 * 404 page is included by its file name, as Netlify serves it.
 */
export async function onePagePerTemplate(dir: string): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const file of await allPages(dir)) {
    const html = await readFile(path.join(dir, file), "utf8");
    const template = /<body[^>]*\sdata-template="([^"]+)"/.exec(html)?.[1];
    if (template && !found.has(template)) found.set(template, urlOfFile(file));
  }
  if (found.size === 0) throw new Error(`No page in ${dir} names its template: is data-template missing from the layout?`);
  return found;
}
