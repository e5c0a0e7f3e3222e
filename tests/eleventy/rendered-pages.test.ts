import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { appendFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { buildSite, CLOCKS } from "../support/build-site.ts";
import { freePort } from "../support/free-port.ts";
import { copyProject, REPO_ROOT } from "../support/project-copy.ts";
import { COMMANDS, commandEnv, copyWarmCache } from "../support/sample-project.ts";
import { editEveryField } from "./content-edits.ts";
import { KINDS } from "./content-kinds.ts";

/**
 * `npm start` renders again only the pages whose recorded reads of the model changed (src/eleventy/rendered-pages.ts).
 * A running `npm start` (scripts/start.ts, whose load made once the watcher listens spares the first save reading
 * every file) gets, kind by kind, a save that changes every field of that kind of content (the
 * fields come from the schemas), and after its rebuild the output must equal, byte for byte, a fresh development
 * build of the same files: no page that shows any of those fields may be left as it was.
 */

/** Schemas that are parts of others (a postal address is part of the site and of a location), not kinds of their own. */
const PART_SCHEMAS = new Set(["postalAddressSchema"]);

/** Written by steps that `npm start` runs on its first build only (see docs/PERFORMANCE.md), or partial by design. */
const FIRST_BUILD_ONLY = [/^sitemap.*\.xml$/, /^pagefind\//, /^assets\/social\//, /^_headers$/];

async function files(root: string, folder = ""): Promise<string[]> {
  const entries = await readdir(path.join(root, folder), { withFileTypes: true });
  const nested = await Promise.all(entries.map((entry) => (entry.isDirectory() ? files(root, path.join(folder, entry.name)) : [path.join(folder, entry.name)])));
  return nested.flat();
}

/**
 * The files whose bytes differ between two outputs, each with its first differing line, or that the fresh build has and the watcher's lacks, apart
 * from FIRST_BUILD_ONLY. A file only the watcher's output has is a page whose URL changed: Eleventy's watch never
 * deletes what an earlier build wrote, which is not the page choice this test is about.
 */
async function differences(incremental: string, fresh: string): Promise<string[]> {
  const compared = (list: string[]) => list.filter((file) => !FIRST_BUILD_ONLY.some((pattern) => pattern.test(file)));
  const differing: string[] = [];
  for (const file of compared(await files(fresh)).sort()) {
    const [a, b] = await Promise.all([readFile(path.join(incremental, file)).catch(() => undefined), readFile(path.join(fresh, file))]);
    if (!a || !a.equals(b)) differing.push(a ? `${file}: ${firstDifference(a.toString("utf8"), b.toString("utf8"))}` : `${file}: missing`);
  }
  return differing;
}

/** Where two texts first differ, by line, so that a failure in CI says what went stale and not only where. */
function firstDifference(watcher: string, fresh: string): string {
  const [left, right] = [watcher.split("\n"), fresh.split("\n")];
  const line = left.findIndex((text, index) => text !== right[index]);
  const at = line === -1 ? left.length : line;
  return `line ${at + 1}: watcher ${JSON.stringify(left[at]?.slice(0, 160))}, fresh ${JSON.stringify(right[at]?.slice(0, 160))}`;
}

describe("npm start after a save", { timeout: 600_000 }, () => {
  let project: string;
  let scratch: string;
  let watcher: ChildProcess;
  let log = "";
  const builds = () => (log.match(/Wrote \d+ files/g) ?? []).length;
  const written = () => Number(/Wrote (\d+) files(?![\s\S]*Wrote \d+ files)/.exec(log)?.[1] ?? Number.NaN);

  // Set while a reference build reads the project: the watcher's late first event must then not be helped by
  // saving a file again, which a build reading it at that moment could see half written.
  let referenceRunning = false;

  /** What the first build wrote, and the saves made while it ran. */
  let firstBuildFiles = Number.NaN;
  let earlySaves: { article: string; course: string } | undefined;
  const EARLY_MARKER = "savedwhilebuilding";

  /**
   * Whether the watcher has finished its last build with nothing left to build: Eleventy says "Watching…" after a
   * build whose queue is empty, and "let's run again" instead when a file changed while it built (a save of
   * twelve files can reach it in two events). The "Wrote" line alone does not tell: a CI run compared the output
   * while such a second build was rewriting admin/config.yml. Hence a watcher without --quiet, which hides both.
   */
  const idle = () => {
    const watching = log.lastIndexOf("Watching…");
    return watching > log.lastIndexOf("Wrote ") && watching > log.lastIndexOf("File changed");
  };

  /**
   * Saves the files `change` writes, at once (before this returns), and resolves when the rebuilds they start have
   * finished. The watcher may still be reading the folders when Eleventy says "Watching" on a busy machine and
   * miss the first event: without a rebuild in a while, the first file is saved again with the same bytes, which
   * changes nothing but its time.
   */
  function save(targets: string[], change: () => void): Promise<void> {
    const before = builds();
    const mark = log.length;
    change();
    return rebuilt(targets, before, mark);
  }

  async function rebuilt(targets: string[], before: number, mark: number): Promise<void> {
    const started = Date.now();
    let saved = started;
    for (;;) {
      if (idle() && builds() > before) {
        // A late event (a second write of a file the first build read) starts another build after a pause.
        await new Promise((resolve) => setTimeout(resolve, 400));
        if (idle()) return;
      }
      if (Date.now() - started > 180_000) throw new Error(`no rebuild after the save:\n${log.slice(-3000)}`);
      if (watcher.exitCode !== null) throw new Error(log.slice(-3000));
      if (!referenceRunning && builds() === before && Date.now() - saved > 15_000 && !/File changed/.test(log.slice(mark))) {
        writeFileSync(targets[0]!, readFileSync(targets[0]!));
        saved = Date.now();
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /**
   * Saves as `save` does and, while the watcher rebuilds, makes a fresh development build of the same files;
   * once both have finished, the files where the watcher's output differs from it. Both may run together: the
   * fresh build reads only the saved files, written before either starts, and the caches they share under
   * `.cache/` are written aside and renamed; it writes its output to `_fresh/`, outside what Eleventy watches
   * (content/, _data/, _includes/ and the config's code), so its writes start no rebuild. After a template
   * changed, the fresh build runs on a copy (file times kept), made before the save while the watcher is idle
   * (a copy during a rebuild could meet files being renamed), with the saved files then copied in: Eleventy keeps
   * the templates it read in memory for the life of the process, by path, and this process built the project
   * before. The fresh build is a reference build: it writes no search index, social images or `_headers`, which
   * FIRST_BUILD_ONLY leaves out of the comparison (Pagefind's indexing was about a quarter of each build's CPU).
   */
  async function saveAndCompare(targets: string[], change: () => void, afterTemplateChange = false): Promise<string[]> {
    let root = project;
    if (afterTemplateChange) {
      root = `${project}-fresh-${Date.now()}`;
      execFileSync("cp", ["-a", project, root]);
      rmSync(path.join(root, "_fresh"), { recursive: true, force: true });
    }
    const saved = save(targets, change);
    if (root !== project) for (const target of targets) execFileSync("cp", ["-a", target, path.join(root, path.relative(project, target))]);
    referenceRunning = true;
    const fresh = buildSite(root, CLOCKS.december, "watch", path.join(root, "_fresh"), {}, { reference: true }).finally(() => (referenceRunning = false));
    // Both are waited for even when one fails, so that no build is left running into the next test.
    const [rebuild, reference] = await Promise.allSettled([saved, fresh]);
    if (rebuild.status === "rejected") throw rebuild.reason;
    if (reference.status === "rejected") throw reference.reason;
    return differences(path.join(project, "_site"), reference.value);
  }

  const file = (...parts: string[]) => path.join(project, ...parts);

  beforeAll(async () => {
    [project, scratch] = await Promise.all([copyProject("fixture"), copyProject("fixture")]);
    // The run's warm cache of the same content: the first build of `npm start` is not what this file tests.
    await copyWarmCache("fixture", project);
    watcher = spawn(process.execPath, [...COMMANDS.start, `--port=${await freePort()}`], {
      cwd: project,
      env: commandEnv(),
      stdio: ["ignore", "pipe", "pipe"],
    });
    watcher.stdout!.on("data", (chunk: Buffer) => (log += chunk.toString()));
    watcher.stderr!.on("data", (chunk: Buffer) => (log += chunk.toString()));
    const started = Date.now();
    // The server starts once Eleventy's watcher is ready. An editor's saves while the first build writes its pages
    // (it has read the content by then, and no watcher listens yet): an article's, which npm start's own watcher
    // covers, and a course's, which Eleventy's covers.
    while (!/Server at/.test(log)) {
      if (watcher.exitCode !== null || Date.now() - started > 150_000) throw new Error(`npm start did not start:\n${log}`);
      if (!earlySaves && /Writing \.\/_site\//.test(log)) {
        earlySaves = { article: articleFile(articles()[1]!), course: file("_data/courses", readdirSync(file("_data/courses")).sort()[0]!) };
        appendFileSync(earlySaves.article, `\nA sentence saved while the first build ran: ${EARLY_MARKER}.\n`);
        writeFileSync(earlySaves.course, readFileSync(earlySaves.course, "utf8").replace(/^summary: (.*)$/m, (_, summary: string) => `summary: ${summary} ${EARLY_MARKER}.`));
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    firstBuildFiles = Number(/Wrote (\d+) files/.exec(log)?.[1] ?? Number.NaN);
  });

  afterAll(async () => {
    // Waited for, so that the watcher is not left running beside the next files (and its CPU counts as this file's).
    if (watcher && watcher.exitCode === null && watcher.signalCode === null) {
      const exited = new Promise((resolve) => watcher.once("exit", resolve));
      watcher.kill();
      await exited;
    }
  });

  const articles = () => readdirSync(file("content/articles")).sort();
  const articleFile = (name: string) => (name.endsWith(".md") ? file("content/articles", name) : file("content/articles", name, "index.md"));

  it("covers every kind of content the schemas define", async () => {
    const uncovered: string[] = [];
    for (const name of readdirSync(path.join(REPO_ROOT, "src/schemas"))) {
      const module = (await import(path.join(REPO_ROOT, "src/schemas", name))) as Record<string, z.ZodType>;
      for (const [key, value] of Object.entries(module)) {
        if (key.endsWith("Schema") && !PART_SCHEMAS.has(key) && !KINDS.some((kind) => kind.schema === value)) uncovered.push(key);
      }
    }
    expect(uncovered).toEqual([]);
  });

  it("builds the saves made while the first build ran once the watchers listen, and nothing goes stale", async () => {
    expect(earlySaves).toBeDefined();
    // Without saving again (as `save` would after a while): no watcher saw these saves.
    const started = Date.now();
    while (!(builds() > 1 && idle())) {
      if (Date.now() - started > 60_000) throw new Error(`no rebuild of the saves made during the first build:\n${log.slice(-3000)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(log).toContain(`File changed: ./${path.relative(project, earlySaves!.article)}`);
    expect(log).toContain(`File changed: ./${path.relative(project, earlySaves!.course)}`);
    const slug = path.relative(file("content/articles"), earlySaves!.article).replace(/(\/index)?\.md$/, "");
    expect(readFileSync(file("_site/articles", slug, "index.html"), "utf8")).toContain(EARLY_MARKER);
    referenceRunning = true;
    const fresh = await buildSite(project, CLOCKS.december, "watch", file("_fresh"), {}, { reference: true }).finally(() => (referenceRunning = false));
    expect(await differences(file("_site"), fresh)).toEqual([]);
  });

  it("rewrites only the edited article's own pages when its body changes, and nothing goes stale", async () => {
    const total = firstBuildFiles;
    const target = articleFile(articles()[0]!);
    const mark = log.length;
    const stale = await saveAndCompare([target], () => appendFileSync(target, "\nA paragraph added while the site was being served.\n"));
    expect(written()).toBeLessThan(total / 2);
    expect(stale).toEqual([]);
    // Reported by npm start's own watcher of the articles alone (src/eleventy/folder-watcher.ts), not by Eleventy's too.
    expect(log.slice(mark).match(/File changed/g)).toHaveLength(1);
  });

  for (const kind of KINDS) {
    it(`updates every page that shows a ${kind.name} when each of its fields changes`, async () => {
      const batch = await editEveryField(scratch, kind, CLOCKS.december, file("_site"));
      expect(batch.unchanged, `fields of ${kind.name} no valid change was found for`).toEqual([]);
      const targets = [...batch.files.keys()].map((name) => file(name));
      const stale = await saveAndCompare(targets, () => {
        for (const [name, text] of batch.files) writeFileSync(file(name), text);
      });
      expect(stale).toEqual([]);
    });
  }

  it("updates a page whose template was changed to show one more field of a linked object, when that field changes", async () => {
    // The article template (a copy in this project) now shows each related article's summary and its author's role.
    const template = file("content/pages/article.njk");
    const marker = '<p data-stale-test>{% for other in article.related %}{{ other.summary }} {{ other.byline.name }};{% endfor %}</p>';
    const staleAfterTemplate = await saveAndCompare([template], () => writeFileSync(template, readFileSync(template, "utf8").replace("{%- block main %}", `{%- block main %}\n${marker}`)), true);
    expect(staleAfterTemplate).toEqual([]);
    // An article some page lists as related: its summary now shows on that page, and only through the new line.
    const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&#34;").replace(/'/g, "&#39;");
    const shown = (await files(file("_site")))
      .filter((name) => name.endsWith(".html"))
      .map((name) => /<p data-stale-test>(.*?)<\/p>/.exec(readFileSync(file("_site", name), "utf8"))?.[1] ?? "")
      .join("\n");
    const target = articles()
      .map(articleFile)
      .find((candidate) => {
        const summary = /^summary: "?(.*?)"?$/m.exec(readFileSync(candidate, "utf8"))?.[1];
        return summary !== undefined && shown.includes(escape(summary));
      });
    expect(target, "an article that another article lists as related").toBeDefined();
    const summary = "A summary changed to see the pages that list this article as related change with it.";
    const stale = await saveAndCompare([target!], () => writeFileSync(target!, readFileSync(target!, "utf8").replace(/^summary: .*$/m, `summary: "${summary}"`)), true);
    const updated = (await files(file("_site"))).filter((name) => name.endsWith(".html") && readFileSync(file("_site", name), "utf8").includes(`${summary} `));
    expect(updated.length).toBeGreaterThan(0);
    expect(stale).toEqual([]);
  });
});
