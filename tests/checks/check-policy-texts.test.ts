import { afterAll, describe, expect, it } from "vitest";
import { checkPolicyTexts } from "../../src/checks/check-policy-texts.ts";
import { loadContent } from "../../src/content/load-content.ts";
import { createFixture, MINIMAL_PROJECT } from "../support/content-fixture.ts";
import { removeFolder } from "../support/project-copy.ts";

const folders: string[] = [];
afterAll(() => Promise.all(folders.map(removeFolder)));

describe("checkPolicyTexts", () => {
  it("checks the clauses and a course's and a class's own wording at their lines, and keeps their links for the link check", async () => {
    const policies = "- id: customer-cancellation\n  title: If you cancel\n  body: |\n    Cancel ten business days before.\n    # Refunds\n    See [how to reach us](/contact/) and <b>bold</b>.\n";
    const course = `${MINIMAL_PROJECT["_data/courses/java-fundamentals.yaml"]!}policies:\n  customer-cancellation: "Cancel any time; see ![a chart](chart.png)."\n`;
    const schedule = MINIMAL_PROJECT["_data/schedule.yaml"]!.replace("  enrolled: 3\n", "  enrolled: 3\n  policies:\n    customer-cancellation: Ask [our office](/office/).\n");
    const fixture = await createFixture({ ...MINIMAL_PROJECT, "_data/policies.yaml": policies, "_data/courses/java-fundamentals.yaml": course, "_data/schedule.yaml": schedule });
    folders.push(fixture.root);
    const { problems, bodies } = checkPolicyTexts(await loadContent(fixture.root));
    expect(problems.map((problem) => `${problem.file}:${problem.line} ${problem.field} ${problem.severity ?? "error"}: ${/^\S+ "[^"]*"/.exec(problem.message)?.[0]}`).sort()).toEqual([
      '_data/courses/java-fundamentals.yaml:21 policies.customer-cancellation error: image "chart.png"',
      '_data/policies.yaml:5 [0].body error: undefined',
      '_data/policies.yaml:6 [0].body warning: HTML "<b>"',
    ]);
    expect(problems.find((problem) => problem.line === 5)?.message).toMatch(/^"# Refunds" is a level-1 heading/);
    expect(bodies.map((body) => `${body.file} ${body.field} ${body.pageUrl}: ${body.links.map((link) => `${link.line} ${link.href}`).join(", ")}`)).toEqual([
      "_data/policies.yaml [0].body /policies/: 6 /contact/",
      "_data/courses/java-fundamentals.yaml policies.customer-cancellation /courses/java-fundamentals/: ",
      "_data/schedule.yaml [0].policies.customer-cancellation /schedule/java-fundamentals-2027-01-den/: 11 /office/",
    ]);
  });
});
