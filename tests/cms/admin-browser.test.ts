import { cp, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadContent } from "../../src/content/load-content.ts";
import { createFixture } from "../support/content-fixture.ts";
import { FIXTURE_ROOT } from "../support/project-copy.ts";
import { buildDir } from "../support/site-output.ts";
import { watchPage } from "../support/page-watch.ts";
import { useServedBrowser } from "../support/served-browser.ts";

const served = useServedBrowser();

/** The content files of the tests' fixture site (what the December build was made from), by path, as a checkout holds them. */
async function projectFiles(): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await readdir(path.join(FIXTURE_ROOT, folder), { withFileTypes: true })) {
      const file = `${folder}/${entry.name}`;
      if (entry.isDirectory()) await walk(file);
      else if (/\.(ya?ml|md)$/.test(entry.name)) files[file] = await readFile(path.join(FIXTURE_ROOT, file), "utf8");
    }
  };
  await walk("_data");
  await walk("content/articles");
  await walk("content/copy");
  return files;
}

/** The pictures beside the articles and the portraits are not text the CMS edits: they come from the fixture as they are. */
async function copyPictures(root: string): Promise<void> {
  for (const folder of ["content/articles", "content/images"]) await cp(path.join(FIXTURE_ROOT, folder), path.join(root, folder), { recursive: true, force: false });
}

/** The CMS as the tests share it: its page, how /admin/ answered, and the repository folder it edits. */
interface Cms {
  page: Page;
  status: number | undefined;
  robots: string | undefined;
  violations: () => Promise<string[]>;
  read: (file: string) => Promise<string>;
}

/**
 * Opens /admin/ under its own headers and chooses "Work with Local Repository". Sveltia CMS edits a local
 * folder through the File System Access API, whose folder picker needs a person; the test hands it a folder
 * in the browser's private file system (same API, no picker) holding the project's content files.
 */
async function openLocalRepository(files: Record<string, string>): Promise<Cms> {
  const page = await served.browser.newPage();
  const watch = await watchPage(page);
  const response = await page.goto(`${served.server.origin}/admin/`);
  await page.evaluate(async (files) => {
    const root = await navigator.storage.getDirectory();
    const repository = await root.getDirectoryHandle("repository", { create: true });
    await repository.getDirectoryHandle(".git", { create: true });
    for (const [name, text] of Object.entries(files)) {
      const parts = name.split("/");
      let folder = repository;
      for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part, { create: true });
      const writable = await (await folder.getFileHandle(parts.at(-1)!, { create: true })).createWritable();
      await writable.write(text);
      await writable.close();
    }
    (window as unknown as { showDirectoryPicker: () => Promise<FileSystemDirectoryHandle> }).showDirectoryPicker = async () => repository;
  }, files);
  await page.getByRole("button", { name: /Local Repository/ }).click();
  return {
    page,
    status: response?.status(),
    robots: response?.headers()["x-robots-tag"],
    violations: () => watch.cspViolations(),
    read: (file) =>
      page.evaluate(async (file) => {
        const parts = file.split("/");
        let folder = await (await navigator.storage.getDirectory()).getDirectoryHandle("repository");
        for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part);
        return (await (await folder.getFileHandle(parts.at(-1)!)).getFile()).text();
      }, file),
  };
}

/** The project's files as the shared CMS holds them: the first flat article moved into a folder, with a code block. */
interface Repository {
  /** The fixture's files as a checkout holds them, which the loader of this branch reads. */
  files: Record<string, string>;
  /** What the CMS's folder holds: `files` with the article as `<slug>/index.md`. */
  edited: Record<string, string>;
  /** The article's flat file, its folder file, its slug and its original text. */
  article: { flat: string; folderFile: string; slug: string; text: string };
}

/** The files of the one repository the three tests edit (each a different file), read once. */
async function repositoryFiles(): Promise<Repository> {
  const files = await projectFiles();
  // The first fixture article, moved into a folder as the CMS keeps articles, with a code block in its text.
  const [flat, text] = Object.entries(files).find(([file]) => /^content\/articles\/[^/]+\.md$/.test(file))!;
  const slug = flat.slice("content/articles/".length, -".md".length);
  const folderFile = `content/articles/${slug}/index.md`;
  const edited = { ...files, [folderFile]: `${text.trimEnd()}\n\n\`\`\`python\nprint("measured")\n\`\`\`\n` };
  delete edited[flat];
  return { files, edited, article: { flat, folderFile, slug, text } };
}

// The CMS is a 2 MB bundle that Chromium parses on every load: the three tests share one load of it, each editing
// files the others do not touch (the schedule and promotions; one article), and each still checks the whole page
// for CSP violations. Opened by whichever test runs first, so any one of them also runs alone.
let shared: Promise<{ repository: Repository; cms: Cms }> | undefined;
const openCms = () =>
  (shared ??= (async () => {
    const repository = await repositoryFiles();
    return { repository, cms: await openLocalRepository(repository.edited) };
  })());

afterAll(async () => {
  await (await shared?.catch(() => undefined))?.cms.page.close();
});

describe("/admin/ in Chromium", () => {
  it("opens the local repository under a noindex header and lists every collection of its configuration, with no CSP violation", async () => {
    const config = parse(await readFile(path.join(buildDir("december"), "admin/config.yml"), "utf8")) as { collections: { label: string }[] };
    const { cms } = await openCms();
    expect(cms.status).toBe(200);
    expect(cms.robots).toContain("noindex");
    const navigation = cms.page.getByRole("navigation").or(cms.page.locator("body"));
    for (const collection of config.collections) {
      await expect.poll(() => navigation.getByText(collection.label, { exact: true }).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    }
    expect(await cms.violations()).toEqual([]);
  });

  it("saves the schedule and a promotion in a form the loader accepts unchanged", async () => {
    const { repository, cms } = await openCms();
    const { page, read } = cms;
    const files = repository.files;
    /** Opens a collection in the sidebar, then its one file. */
    const openFile = async (label: string) => {
      await page.getByText(label, { exact: true }).first().click();
      // The sidebar entry, the collection's heading and its one file: the file is the last of the three.
      await expect.poll(() => page.getByText(label, { exact: true }).count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
      await page.getByText(label, { exact: true }).last().click();
      await page.getByRole("button", { name: "Save", exact: true }).waitFor();
    };
    /** Saves, then waits until the CMS has written the file (it returns to the collection afterwards). */
    const save = async (file: string) => {
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await expect.poll(() => read(file), { timeout: 15_000 }).not.toBe(files[file]);
      return read(file);
    };
    // One more seat in the first class: the CMS writes the whole schedule back, every date through its widget.
    await openFile("Class schedule");
    const seats = page.getByRole("spinbutton", { name: "Seats" }).first();
    await seats.fill(String(Number(await seats.inputValue()) + 1));
    const schedule = await save("_data/schedule.yaml");
    // A promotion's headline and first day, through the text and date widgets.
    await openFile("Promotions");
    await page.getByRole("textbox", { name: "Title" }).first().fill("Edited in the CMS");
    await page.locator('input[type="date"]').first().fill("2026-10-30");
    const promotions = await save("_data/promotions.yaml");

    expect(promotions).toContain('title: "Edited in the CMS"');
    expect(promotions).toContain('validFrom: "2026-10-30"');
    expect(schedule).toMatch(/start: "\d{4}-\d\d-\d\dT\d\d:\d\d"/);
    const fixture = await createFixture({ ...files, "_data/schedule.yaml": schedule, "_data/promotions.yaml": promotions });
    await copyPictures(fixture.root);
    try {
      const content = await loadContent(fixture.root);
      const original = parse(files["_data/schedule.yaml"]!) as { seats: number }[];
      // Every class is still there, the first with one more seat.
      expect(content.sessions).toHaveLength(original.length);
      expect(content.sessions[0]!.seats).toBe(original[0]!.seats + 1);
      expect(content.promotions.map((promotion) => promotion.title)).toContain("Edited in the CMS");
      // Every promotion is still there: the CMS wrote the whole file back, not the edited one alone.
      expect(content.promotions).toHaveLength((parse(files["_data/promotions.yaml"]!) as unknown[]).length);
    } finally {
      await fixture.cleanup();
    }
    expect(await cms.violations()).toEqual([]);
  });

  it("edits an article kept as a folder, with code in its text, and saves front matter the loader accepts", async () => {
    const { repository, cms } = await openCms();
    const { page, read } = cms;
    const { files, edited, article } = repository;
    const { flat, folderFile, slug, text } = article;
    await page.getByText("Articles", { exact: true }).first().click();
    const title = (parse(text.split("---")[1]!) as { title: string }).title;
    await page.getByText(title).first().click();
    await page.getByRole("textbox", { name: "Title" }).first().fill(`${title}, revised`);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect.poll(() => read(folderFile), { timeout: 15_000 }).not.toBe(edited[folderFile]);
    const saved = await read(folderFile);
    expect(saved).toContain(`title: "${title}, revised"`);
    // The code block in the text comes back as it was written.
    expect(saved).toContain('```python\nprint("measured")\n```');
    // The loader of this branch reads <slug>.md; the front matter and text are the same in a folder's index.md.
    const fixture = await createFixture({ ...files, [flat]: saved });
    await copyPictures(fixture.root);
    try {
      const content = await loadContent(fixture.root);
      const loaded = content.articles.find((entry) => entry.slug === slug);
      expect(loaded?.title).toBe(`${title}, revised`);
      // The fields the edit did not touch come back as they were.
      expect(loaded?.summary).toBe((parse(text.split("---")[1]!) as { summary: string }).summary);
    } finally {
      await fixture.cleanup();
    }
    expect(await cms.violations()).toEqual([]);
  });
});
