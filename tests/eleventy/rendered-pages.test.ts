import { spawn, type ChildProcess } from "node:child_process";
import { appendFileSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite, CLOCKS } from "../support/build-site.ts";
import { copyProject } from "../support/project-copy.ts";
import { commandEnv } from "../support/sample-project.ts";

/**
 * `npm start` renders only the pages whose signature changed since the last build (src/eleventy/rendered-pages.ts).
 * Each edit below is saved into a running `eleventy --watch`, and after its rebuild the output must equal, byte
 * for byte, a fresh development build of the same files: a page that shows another page's data (a neighbour's
 * title, a tag count, a course's summary on its sessions) must never go stale.
 */

/** Written by steps that `npm start` runs on its first build only (see docs/PERFORMANCE.md), or partial by design. */
const FIRST_BUILD_ONLY = [/^sitemap.*\.xml$/, /^pagefind\//, /^assets\/social\//, /^_headers$/];

async function files(root: string, folder = ""): Promise<string[]> {
  const entries = await readdir(path.join(root, folder), { withFileTypes: true });
  const nested = await Promise.all(entries.map((entry) => (entry.isDirectory() ? files(root, path.join(folder, entry.name)) : [path.join(folder, entry.name)])));
  return nested.flat();
}

/** The files whose bytes differ between two outputs, or that only one has, apart from FIRST_BUILD_ONLY. */
async function differences(incremental: string, fresh: string): Promise<string[]> {
  const compared = (list: string[]) => list.filter((file) => !FIRST_BUILD_ONLY.some((pattern) => pattern.test(file)));
  const [left, right] = [compared(await files(incremental)), compared(await files(fresh))];
  const all = [...new Set([...left, ...right])].sort();
  const differing: string[] = [];
  for (const file of all) {
    const [a, b] = await Promise.all([readFile(path.join(incremental, file)).catch(() => undefined), readFile(path.join(fresh, file)).catch(() => undefined)]);
    if (!a || !b || !a.equals(b)) differing.push(file);
  }
  return differing;
}

describe("npm start after a save", { timeout: 240_000 }, () => {
  let project: string;
  let watcher: ChildProcess;
  let log = "";
  const builds = () => (log.match(/Wrote \d+ files/g) ?? []).length;
  const written = () => Number(/Wrote (\d+) files(?![\s\S]*Wrote \d+ files)/.exec(log)?.[1] ?? Number.NaN);

  /**
   * Saves a change to `target` and waits for the rebuild it starts to finish. The watcher may still be reading
   * the folders when Eleventy says "Watching" on a busy machine and miss the first event: without a rebuild in
   * a while, the file is saved again with the same bytes, which changes nothing but its time.
   */
  async function save(target: string, change: () => void): Promise<void> {
    const before = builds();
    const mark = log.length;
    change();
    const started = Date.now();
    let saved = started;
    while (builds() === before) {
      if (Date.now() - started > 120_000) throw new Error(`no rebuild after the save:\n${log.slice(-3000)}`);
      if (/\[11ty\] Problem|Error/.test(log.slice(-4000)) && watcher.exitCode !== null) throw new Error(log.slice(-3000));
      if (Date.now() - saved > 15_000 && !/File changed/.test(log.slice(mark))) {
        writeFileSync(target, readFileSync(target));
        saved = Date.now();
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** The difference between the watcher's output and a fresh development build of the same files. */
  async function staleFiles(): Promise<string[]> {
    const fresh = await buildSite(project, CLOCKS.december, "watch", path.join(project, "_fresh"));
    return differences(path.join(project, "_site"), fresh);
  }

  const file = (...parts: string[]) => path.join(project, ...parts);
  const edit = (target: string, from: RegExp, to: string) => {
    const text = readFileSync(target, "utf8");
    expect(text).toMatch(from);
    writeFileSync(target, text.replace(from, to));
  };

  beforeAll(async () => {
    project = await copyProject("fixture");
    watcher = spawn(process.execPath, ["--import", "tsx", "node_modules/@11ty/eleventy/cmd.cjs", "--config=.eleventy.ts", "--watch", "--quiet"], {
      cwd: project,
      env: commandEnv(),
      stdio: ["ignore", "pipe", "pipe"],
    });
    watcher.stdout!.on("data", (chunk: Buffer) => (log += chunk.toString()));
    watcher.stderr!.on("data", (chunk: Buffer) => (log += chunk.toString()));
    const started = Date.now();
    while (!/Watching/.test(log)) {
      if (watcher.exitCode !== null || Date.now() - started > 150_000) throw new Error(`eleventy --watch did not start:\n${log}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  afterAll(() => {
    watcher?.kill();
  });

  const articles = () => readdirSync(file("content/articles")).filter((name) => name.endsWith(".md")).sort();

  it("rewrites only the edited article's own pages when its body changes, and nothing goes stale", async () => {
    const total = written();
    const target = file("content/articles", articles()[0]!);
    await save(target, () => appendFileSync(target, "\nA paragraph added while the site was being served.\n"));
    expect(written()).toBeLessThan(total / 2);
    expect(await staleFiles()).toEqual([]);
  });

  it("updates neighbours, lists, tags and the sidebar when a title changes", async () => {
    const target = file("content/articles", articles()[1]!);
    await save(target, () => edit(target, /^title: .*$/m, 'title: "A title changed while the site was served"'));
    expect(await staleFiles()).toEqual([]);
  });

  it("updates every page that shows a course when its summary changes", async () => {
    const course = readdirSync(file("_data/courses")).sort()[0]!;
    await save(file("_data/courses", course), () => edit(file("_data/courses", course), /^summary: .*$/m, "summary: A summary changed while the site was served, to see where it shows."));
    expect(await staleFiles()).toEqual([]);
  });

  it("updates a class's pages, its course and the schedule when its seats change", async () => {
    await save(file("_data/schedule.yaml"), () => edit(file("_data/schedule.yaml"), /^( {2}enrolled: )\d+$/m, "$11"));
    expect(await staleFiles()).toEqual([]);
  });

  it("adds a new article to lists, tags and its neighbours' pages", async () => {
    const added = file("content/articles", "zz-added-while-serving.md");
    await save(added, () =>
      writeFileSync(
        added,
        '---\ntitle: "An article added while the site was served"\ndate: "2026-11-20"\nauthor: hsg\nsummary: "Written to see the lists, the tags and the neighbours take it in."\ntags: [Architecture]\n---\n\nIt has one paragraph.\n',
      ),
    );
    expect(await staleFiles()).toEqual([]);
  });

  it("updates the pages that show an instructor when the bio changes", async () => {
    await save(file("_data/instructors.yaml"), () => edit(file("_data/instructors.yaml"), /^( {2}bio: )(.*)$/m, "$1A bio changed while the site was served. $2"));
    expect(await staleFiles()).toEqual([]);
  });
});
