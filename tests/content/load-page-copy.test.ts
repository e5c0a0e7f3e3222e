import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadContent } from "../../src/content/load-content.ts";
import { parsePageCopy } from "../../src/content/load-page-copy.ts";
import { createFixture, loadProblems, type Fixture } from "../support/content-fixture.ts";

let fixture: Fixture;
beforeEach(async () => {
  fixture = await createFixture();
});
afterEach(() => fixture.cleanup());

describe("page copy", () => {
  it("loads every fixed page's words with its Markdown body", async () => {
    const content = await loadContent(fixture.root);
    expect(content.pageCopy.about.title).toBe("About us");
    expect(content.pageCopy.about.blocks.faculty).toBe("Our teachers.");
    expect(content.pageCopy.about.body).toBe("We exist to be **tested**.");
    expect(content.pageCopy.home.description).toBeUndefined();
  });

  it("reports unknown fields, missing and unused blocks and a missing description at file:line", async () => {
    await fixture.edit("content/copy/about.md", (text) => text.replace("title: About us", "titel: About us").replace("  contact: \"[Write to us](/contact/).\"\n", "  footer: Extra.\n"));
    await fixture.edit("content/copy/contact.md", (text) => text.replace("description: How to reach us.\n", ""));
    const problems = await loadProblems(fixture.root);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: "content/copy/about.md", line: 2, field: "titel", message: "unknown field titel: did you mean title?" }),
      ]),
    );
    // The misspelling is the one mistake: title is not reported missing as well.
    expect(problems).not.toContainEqual(expect.objectContaining({ file: "content/copy/about.md", field: "title" }));
    await fixture.edit("content/copy/about.md", (text) => text.replace("titel:", "title:"));
    const next = await loadProblems(fixture.root);
    expect(next).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: "content/copy/about.md", field: "blocks.contact", message: expect.stringContaining("is required") }),
        expect.objectContaining({ file: "content/copy/about.md", line: 8, field: "blocks.footer", message: expect.stringContaining("is not used") }),
        expect.objectContaining({ file: "content/copy/contact.md", field: "description", message: "is required" }),
      ]),
    );
  });

  it("names a missing page's file and refuses a file no page uses", async () => {
    await fixture.remove("content/copy/mentoring.md");
    await fixture.write("content/copy/careers.md", "---\ntitle: Careers\nlede: Join us.\n---\n");
    const problems = await loadProblems(fixture.root);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: "content/copy/mentoring.md", message: expect.stringContaining("missing") }),
        expect.objectContaining({ file: "content/copy/careers.md", message: expect.stringContaining("no page uses this file") }),
      ]),
    );
  });

  it("checks the body and blocks as an article's Markdown, at their lines, and keeps their links by field", () => {
    const text = [
      "---", // 1
      "title: Home", // 2
      "lede: Hello.", // 3
      "blocks:", // 4
      "  training: Classes on <b>all</b> levels.", // 5
      "  consulting: |", // 6
      "    Projects.", // 7
      "    # Our method", // 8
      "  mentoring: \"[Coaching](/training/mentoring/).\"", // 9
      "---", // 10
      "", // 11
      "# Welcome", // 12
      "", // 13
      "See ![our room](room.jpg) and [the schedule](/schedule/).", // 14
    ].join("\n");
    const parse = parsePageCopy("content/copy/home.md", "home", text);
    expect(parse.ok ? [] : parse.problems.map((problem) => `${problem.line} ${problem.field} ${problem.severity ?? "error"}: ${problem.message.slice(0, 24)}`)).toEqual([
      '12 body error: "# Welcome" is a level-1',
      '14 body error: image "room.jpg" cannot ',
      '5 blocks.training warning: HTML "<b>" is shown on t',
      '8 blocks.consulting error: "# Our method" is a leve',
    ]);
    const fixed = parsePageCopy("content/copy/home.md", "home", text.replace("# Welcome", "## Welcome").replace("![our room](room.jpg) and ", "").replace("    # Our method", "    ## Our method"));
    expect(fixed.ok && fixed.warnings.map((warning) => `${warning.line} ${warning.field}: ${warning.message.slice(0, 10)}`)).toEqual(["5 blocks.training: HTML \"<b>\""]);
    expect(fixed.ok && fixed.copy.links).toEqual([
      { field: "body", links: [{ href: "/schedule/", line: 14 }] },
      { field: "blocks.training", links: [] },
      { field: "blocks.consulting", links: [] },
      { field: "blocks.mentoring", links: [{ href: "/training/mentoring/", line: 9 }] },
    ]);
  });

  it("is a pure function of the file's text", () => {
    const text = "---\ntitle: Home\nlede: Hello.\nblocks:\n  training: Classes.\n  consulting: Projects.\n  mentoring: Coaching.\n---\n";
    const copyOf = (parse: ReturnType<typeof parsePageCopy>) => (parse.ok ? parse.copy : parse.problems);
    expect(copyOf(parsePageCopy("content/copy/home.md", "home", text))).toMatchObject({ title: "Home", lede: "Hello.", file: "content/copy/home.md", body: "" });
    expect(parsePageCopy("content/copy/home.md", "home", "no front matter")).toMatchObject({ ok: false, problems: [{ line: 1 }] });
  });
});
