import { cp, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadContent } from "../../src/content/load-content.ts";
import { createFixture } from "../support/content-fixture.ts";
import { FIXTURE_ROOT } from "../support/project-copy.ts";
import { buildDir } from "../support/site-output.ts";
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

/**
 * Opens /admin/ under its own headers and chooses "Work with Local Repository". Sveltia CMS edits a local
 * folder through the File System Access API, whose folder picker needs a person; the test hands it a folder
 * in the browser's private file system (same API, no picker) holding the project's content files.
 */
async function openLocalRepository(files: Record<string, string>): Promise<{ page: Page; violations: () => Promise<string[]>; read: (file: string) => Promise<string> }> {
  const page = await served.browser.newPage();
  await page.addInitScript(() => {
    const record: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = record;
    document.addEventListener("securitypolicyviolation", (event) => record.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  const response = await page.goto(`${served.server.origin}/admin/`);
  expect(response?.status()).toBe(200);
  expect(response?.headers()["x-robots-tag"]).toContain("noindex");
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
    violations: () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
    read: (file) =>
      page.evaluate(async (file) => {
        const parts = file.split("/");
        let folder = await (await navigator.storage.getDirectory()).getDirectoryHandle("repository");
        for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part);
        return (await (await folder.getFileHandle(parts.at(-1)!)).getFile()).text();
      }, file),
  };
}

describe("/admin/ in Chromium", () => {
  it("opens the local repository and lists every collection of its configuration, with no CSP violation", async () => {
    const config = parse(await readFile(path.join(buildDir("december"), "admin/config.yml"), "utf8")) as { collections: { label: string }[] };
    const { page, violations } = await openLocalRepository(await projectFiles());
    const navigation = page.getByRole("navigation").or(page.locator("body"));
    for (const collection of config.collections) {
      await expect.poll(() => navigation.getByText(collection.label, { exact: true }).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    }
    expect(await violations()).toEqual([]);
    await page.close();
  });

  it("saves the schedule and a promotion in a form the loader accepts unchanged", async () => {
    const files = await projectFiles();
    const { page, violations, read } = await openLocalRepository(files);
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
      expect(content.sessions[0]!.seats).toBe(original[0]!.seats + 1);
      expect(content.promotions.map((promotion) => promotion.title)).toContain("Edited in the CMS");
    } finally {
      await fixture.cleanup();
    }
    expect(await violations()).toEqual([]);
    await page.close();
  });

  it("edits an article kept as a folder, with code in its text, and saves front matter the loader accepts", async () => {
    const files = await projectFiles();
    // The first fixture article, moved into a folder as the CMS keeps articles, with a code block in its text.
    const [flat, text] = Object.entries(files).find(([file]) => /^content\/articles\/[^/]+\.md$/.test(file))!;
    delete files[flat];
    const slug = flat.slice("content/articles/".length, -".md".length);
    const folderFile = `content/articles/${slug}/index.md`;
    files[folderFile] = `${text.trimEnd()}\n\n\`\`\`python\nprint("measured")\n\`\`\`\n`;
    const { page, violations, read } = await openLocalRepository(files);
    await page.getByText("Articles", { exact: true }).first().click();
    const title = (parse(text.split("---")[1]!) as { title: string }).title;
    await page.getByText(title).first().click();
    await page.getByRole("textbox", { name: "Title" }).first().fill(`${title}, revised`);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect.poll(() => read(folderFile), { timeout: 15_000 }).not.toBe(files[folderFile]);
    const saved = await read(folderFile);
    expect(saved).toContain(`title: "${title}, revised"`);
    // The loader of this branch reads <slug>.md; the front matter and text are the same in a folder's index.md.
    const onDisk: Record<string, string> = { ...files, [flat]: saved };
    delete onDisk[folderFile];
    const fixture = await createFixture(onDisk);
    await copyPictures(fixture.root);
    try {
      const content = await loadContent(fixture.root);
      expect(content.articles.find((article) => article.slug === slug)?.title).toBe(`${title}, revised`);
    } finally {
      await fixture.cleanup();
    }
    expect(await violations()).toEqual([]);
    await page.close();
  });
});
