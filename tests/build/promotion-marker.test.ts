import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { rawCourses, readYaml } from "../support/raw-content.ts";
import { copySampleProject } from "../support/sample-project.ts";

const FIXTURE = "content/articles/promotion-marker-fixture.md";
const author = Object.keys(readYaml<Record<string, unknown>>("_data/authors.yaml"))[0]!;
const promotionId = readYaml<{ id?: string }[]>("_data/promotions.yaml").find((promotion) => promotion.id)!.id!;
const courseId = rawCourses()[0]!.id;

// A fixture article whose markers name something that does not exist; each marker's line in the file is computed below.
const lines = [
  "---",
  'title: "A Fixture Article"',
  'date: "2020-01-01"',
  `author: ${author}`,
  "summary: Places promotions that do not exist.",
  "---",
  "",
  "Some text.",
  "",
  `[[promotion: ${promotionId}x]]`,
  "",
  "```",
  "[[promotion: only-code-here]]",
  "```",
  "",
  `[[courses: ${courseId}, no-such-course]]`,
];
const lineOf = (start: string) => lines.findIndex((line) => line.startsWith(start)) + 1;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("a promotion marker naming something unknown", () => {
  it("fails npm run check and the build at the marker's line in the file, with a suggestion", async () => {
    const project = await copySampleProject();
    await writeFile(path.join(project.root, FIXTURE), `${lines.join("\n")}\n`);

    const check = project.check();
    expect(check.status).toBe(1);
    expect(check.stderr).toMatch(
      new RegExp(`${escape(FIXTURE)}:${lineOf("[[promotion:")}: body: .*promotion "${promotionId}x" does not exist; did you mean "${promotionId}"\\?`),
    );
    expect(check.stderr).toMatch(new RegExp(`${escape(FIXTURE)}:${lineOf("[[courses:")}: body: .*course "no-such-course" does not exist`));
    expect(check.stderr).not.toContain("only-code-here");
    expect(check.stderr).not.toContain(`course "${courseId}"`);

    const build = project.build();
    expect(build.status).not.toBe(0);
    expect(`${build.stdout}${build.stderr}`).toContain(`${FIXTURE}:${lineOf("[[promotion:")}: body:`);
    await project.remove();
  });
});
