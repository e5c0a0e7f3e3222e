import { mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadContent } from "../../src/content/load-content.ts";
import { readYamlDocument } from "../../src/content/yaml-source.ts";
import { fixFile } from "../../src/fix/fix-file.ts";
import { fixProject, fixSummary } from "../../src/fix/fix-project.ts";
import { fixHeadingLevels } from "../../src/fix/heading-fixes.ts";
import { fixTabs, fixYaml, quoteDates } from "../../src/fix/yaml-fixes.ts";
import { renderMarkdownDocument } from "../../src/markdown/render-markdown.ts";
import { createFixture, MINIMAL_PROJECT, type Fixture } from "../support/content-fixture.ts";
import { REPO_ROOT } from "../support/project-copy.ts";
import { COMMANDS, runIn } from "../support/sample-project.ts";

/** A body as the site renders it, and the problems the renderer finds in it. */
const rendered = (body: string) => renderMarkdownDocument(body, { file: "content/articles/a.md", firstLine: 1 });

describe("heading levels", () => {
  const CODE = ["```sh", "# a shell comment, not a heading", "### nor this", "```", "", "~~~", "# still code", "~~~", "", "    # indented code"].join("\n");

  it("turns a # into ## and closes a jump, keeping the outline, and renders what the editor meant", () => {
    const written = ["### Notable Changes", "", "#### Permission Model", "", "Text.", "", "# Commits", "", "## Semver-major", "", CODE, ""].join("\n");
    const intended = ["## Notable Changes", "", "### Permission Model", "", "Text.", "", "## Commits", "", "### Semver-major", "", CODE, ""].join("\n");
    const fixed = fixHeadingLevels(written, 5);
    expect(fixed.text).toBe(intended);
    expect(fixed.repairs.map((repair) => repair.line)).toEqual([5, 7, 11, 13]);
    expect(rendered(fixed.text).html).toBe(rendered(intended).html);
    expect(rendered(fixed.text).problems).toEqual([]);
    expect(rendered(written).problems.length).toBeGreaterThan(0);
  });

  it("leaves text inside code blocks byte for byte as written", () => {
    const fixed = fixHeadingLevels(`# Title\n\n${CODE}\n`);
    expect(fixed.text).toBe(`## Title\n\n${CODE}\n`);
  });

  it("changes nothing in a body whose headings are already right", () => {
    const body = "## One\n\n### One a\n\n## Two\n\nText with a # sign.\n";
    expect(fixHeadingLevels(body)).toEqual({ text: body, repairs: [], unfixed: [] });
  });

  it("mends headings in block quotes and lists and an underlined level 1, and keeps closing #s", () => {
    const written = "> # Quoted\n\n- #### Listed\n\nUnderlined\n==========\n\n# Closed #\n";
    const intended = "> ## Quoted\n\n- ### Listed\n\nUnderlined\n----------\n\n## Closed #\n";
    const fixed = fixHeadingLevels(written);
    expect(fixed.text).toBe(intended);
    expect(rendered(fixed.text).html).toBe(rendered(intended).html);
  });

  it("places the headings after one it cannot move from the level that one keeps, so that none skips a level", () => {
    // "Text" underlined with --- is level 2 and can be no deeper; the ### under it stays ### (it became #### and skipped).
    const written = "# Title\n\n## Section\n\nText\n---\n\n### Under it\n";
    const fixed = fixHeadingLevels(written, 3);
    expect(fixed.text).toBe("## Title\n\n### Section\n\nText\n---\n\n### Under it\n");
    expect(fixed.unfixed).toEqual([7]);
    expect(rendered(fixed.text).problems).toEqual([]);
  });
});

describe("YAML repairs", () => {
  it("quotes unquoted dates and date-times, and only values", () => {
    const written = 'date: 2026-12-07\nstart: 2027-02-08T09:00\nend: "2027-02-08T16:00"\nlist: [2026-01-05, x]\n2026-01-01: a key\n';
    const fixed = quoteDates(written);
    expect(fixed.text).toBe('date: "2026-12-07"\nstart: "2027-02-08T09:00"\nend: "2027-02-08T16:00"\nlist: ["2026-01-05", x]\n2026-01-01: a key\n');
    expect(fixed.repairs.map((repair) => repair.line)).toEqual([1, 2, 4]);
  });

  it("turns a tab in the indentation into spaces when only one reading makes sense", () => {
    const written = "- id: a\n\tseats: 12\n  mode: online\n";
    const fixed = fixTabs(written);
    expect(fixed.text).toBe("- id: a\n  seats: 12\n  mode: online\n");
    expect(readYamlDocument(fixed.text).toJS()).toEqual([{ id: "a", seats: 12, mode: "online" }]);
    expect(fixed.repairs).toEqual([{ line: 2, kind: "tab", detail: "a tab in the indentation became spaces" }]);
  });

  it("leaves a tab alone when two widths would read differently", () => {
    // Two spaces make c a field beside b; four make it a field of b: no one right answer.
    const written = "a:\n  b:\n\tc: 1\n";
    const readings = [2, 4].map((width) => readYamlDocument(written.replace("\t", " ".repeat(width))));
    expect(readings.map((reading) => reading.toJS())).toEqual([{ a: { b: null, c: 1 } }, { a: { b: { c: 1 } } }]);
    expect(fixTabs(written).text).toBe(written);
  });

  it("removes trailing spaces but keeps them inside a block of text, where they can be a line break", () => {
    const written = "title: A   \nbody: |\n  Line one  \n  Line two\nsummary: B\t\n";
    expect(fixYaml(written).text).toBe("title: A\nbody: |\n  Line one  \n  Line two\nsummary: B\n");
  });
});

describe("a whole file", () => {
  it("drops a byte-order mark, makes Windows line ends Unix ones and repairs front matter and body, lines named as in the file", () => {
    const written = "\uFEFF--- \r\ntitle: A  \r\ndate: 2026-11-02\r\n---\r\n\r\n# Section\r\n\r\nText.\r\n";
    const fixed = fixFile("markdown", written);
    expect(fixed.text).toBe('---\ntitle: A\ndate: "2026-11-02"\n---\n\n## Section\n\nText.\n');
    expect(fixed.repairs.map(({ line, kind }) => `${line} ${kind}`)).toEqual(["1 bom", "1 lineEnds", "1 trailingSpace", "2 trailingSpace", "3 date", "6 heading"]);
  });

  it("leaves a file without front matter to the check", () => {
    expect(fixFile("markdown", "# Title\n\nText.\n").text).toBe("# Title\n\nText.\n");
  });
});

describe("npm run fix on a project", () => {
  let fixture: Fixture;
  beforeEach(async () => {
    fixture = await createFixture();
  });
  afterEach(async () => {
    await fixture.cleanup();
  });

  it("repairs every mechanical mistake in place, so the content loads, and says what it did", async () => {
    const article = "content/articles/first-article.md";
    const intended = MINIMAL_PROJECT[article]!.replace("Hello **world**.", "## Hello\n\nHello **world**.\n\n### Deeper\n\n```md\n# kept\n```");
    await fixture.write(article, `\uFEFF${intended.replace('date: "2026-11-02"', "date: 2026-11-02").replace("## Hello", "# Hello").replace("### Deeper", "#### Deeper").replace(/\n/g, "\r\n")}`);
    await fixture.edit("_data/schedule.yaml", (text) => text.replace("  seats: 12\n", "\tseats: 12\n").replace('start: "2027-01-12T09:00"', "start: 2027-01-12T09:00"));
    await expect(loadContent(fixture.root)).rejects.toThrow();

    const reports = await fixProject(fixture.root);
    expect(reports.map((report) => report.file)).toEqual(["_data/schedule.yaml", article]);
    expect(await fixture.read(article)).toBe(intended);
    // The fixed text is the intended one, so the page is: and the content now loads.
    await expect(loadContent(fixture.root)).resolves.toBeDefined();
    expect(fixSummary(reports)).toMatch(/^Repaired 7 mistakes in 2 files: 2 heading levels, 2 unquoted dates, 1 tabs in indentation, 1 byte-order marks, 1 Windows line ends\.$/m);
    expect(await fixProject(fixture.root)).toEqual([]);
  });

  it("never follows a symbolic link: a file outside the repository is neither repaired nor read", async () => {
    const outside = await mkdtemp(path.join(os.tmpdir(), "hsg-outside-"));
    try {
      const target = path.join(outside, "notes.md");
      const text = MINIMAL_PROJECT["content/articles/first-article.md"]!.replace("Hello **world**.", "# A level-1 heading the fix would change");
      await writeFile(target, text);
      await symlink(target, path.join(fixture.root, "content/articles/linked.md"));
      await symlink(outside, path.join(fixture.root, "content/articles/linked-folder"));
      expect((await fixProject(fixture.root)).map((report) => report.file)).toEqual([]);
      expect(await readFile(target, "utf8")).toBe(text);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it("then prints what it could not repair exactly as npm run check does, and fails like it", async () => {
    await fixture.edit("content/articles/second-article.md", (text) => text.replace("author: hsg", "author: nobody").replace("date: \"2026-11-20T08:00\"", "date: 2026-11-20T08:00"));
    // Both as npm runs them (package.json's scripts), from the repository, on the fixture.
    const fix = runIn(REPO_ROOT, [...COMMANDS.fix, "--root", fixture.root]);
    const check = runIn(REPO_ROOT, [...COMMANDS.check, "--root", fixture.root]);
    expect(fix.stdout).toMatch(/^content\/articles\/second-article\.md:3: 2026-11-20T08:00 was put in quotes$/m);
    expect(check.stderr).toMatch(/second-article\.md:\d+: author: author "nobody" does not exist/);
    expect(fix.stderr).toBe(check.stderr);
    expect([fix.status, check.status]).toEqual([1, 1]);
  });
});
