import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { FIXTURE_ROOT, REPO_ROOT } from "../support/project-copy.ts";
import { buildDir, page } from "../support/site-output.ts";

// Expectations come from the copy files, read here without src/.
interface CopyFile {
  title: string;
  description?: string;
  lede: string;
  blocks?: Record<string, string>;
  body: string;
}
function readCopy(root: string, id: string): CopyFile {
  const text = readFileSync(path.join(root, "content/copy", `${id}.md`), "utf8");
  const [, frontMatter, body] = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text)!;
  return { ...(parse(frontMatter!) as Omit<CopyFile, "body">), body: body!.trim() };
}
const squash = (text: string) => text.replace(/\s+/g, " ").trim();
/** The words of a Markdown passage as a reader sees them: no link targets, emphasis or list markers. */
const plainWords = (markdown: string) =>
  squash(markdown.replace(/\[([^\]]+)\]\([^)]+\)/g, "$1").replace(/[*_#]/g, "").replace(/^\s*(?:\d+\.|-)\s+/gm, "").replace(/'/g, "’"));

const PAGES = { "/": "home", "/about/": "about", "/training/mentoring/": "mentoring", "/training/private/": "private-training", "/contact/": "contact", "/consulting/": "consulting" } as const;
// The fixture's build, and the real content's: whatever the editors write in content/copy/ reaches its page.
describe.each([
  ["december", FIXTURE_ROOT],
  ["sample", REPO_ROOT],
] as const)("pages whose words are content (%s build)", (build, root) => {
  const dir = buildDir(build);
  for (const [url, id] of Object.entries(PAGES)) {
    it(`${url} shows ${id}.md: lede, description, main text and blocks`, () => {
      const copy = readCopy(root, id);
      const $ = page(dir, url);
      const main = squash($("main").text()).replace(/'/g, "’");
      expect(squash($("main .lede").first().text())).toBe(copy.lede.replace(/'/g, "’"));
      if (url !== "/") {
        expect(squash($("main h1").first().text())).toBe(copy.title);
        expect($('meta[name="description"]').attr("content")).toBe(copy.description);
      }
      for (const paragraph of copy.body.split(/\n\n+/)) {
        for (const line of paragraph.split("\n")) if (line.trim()) expect(main, `${id}.md`).toContain(plainWords(line));
      }
      for (const block of Object.values(copy.blocks ?? {})) expect(main, `${id}.md`).toContain(plainWords(block));
    });
  }
});
