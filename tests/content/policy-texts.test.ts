import { afterAll, describe, expect, it } from "vitest";
import { loadContent } from "../../src/content/load-content.ts";
import { ContentError, type ContentProblem } from "../../src/content/problems.ts";
import { renderPolicyText } from "../../src/content/policy-texts.ts";
import { createFixture, MINIMAL_PROJECT } from "../support/content-fixture.ts";
import { removeFolder } from "../support/project-copy.ts";

const folders: string[] = [];
afterAll(() => Promise.all(folders.map(removeFolder)));

async function project(files: Record<string, string>) {
  const fixture = await createFixture({ ...MINIMAL_PROJECT, ...files });
  folders.push(fixture.root);
  return fixture.root;
}

/** Each problem as "file:line field severity: the first quoted words of its message". */
const placed = (problems: readonly ContentProblem[]) => problems.map((problem) => `${problem.file}:${problem.line} ${problem.field} ${problem.severity ?? "error"}: ${/^\S+ "[^"]*"|^"[^"]*"/.exec(problem.message)?.[0]}`).sort();

const POLICIES = "- id: customer-cancellation\n  title: If you cancel\n  body: |\n    Cancel ten business days before.\n    # Refunds\n    See [how to reach us](/contact/) and <b>bold</b>.\n- id: payment\n  title: Payment\n  body: Pay on time.\n";

describe("the policies' texts", () => {
  it("are checked where each is written, a course's (saved as .yml) and a class's after a draft class among them, at their lines", async () => {
    const course = `${MINIMAL_PROJECT["_data/courses/java-fundamentals.yaml"]!}policies:\n  customer-cancellation: "Cancel any time; see ![a chart](chart.png)."\n`;
    const draft = "- id: java-fundamentals-2027-01-draft\n  course: java-fundamentals\n  start: \"2027-01-19T09:00\"\n  end: \"2027-01-23T16:30\"\n  mode: online\n  instructor: elena-marsh\n  seats: 10\n  draft: true\n";
    const schedule = draft + MINIMAL_PROJECT["_data/schedule.yaml"]!.replace("  enrolled: 3\n", "  enrolled: 3\n  policies:\n    payment: \"## Paying\"\n");
    const { ["_data/courses/java-fundamentals.yaml"]: _left, ...rest } = MINIMAL_PROJECT;
    const root = await project({ ...rest, "_data/courses/java-fundamentals.yml": course, "_data/policies.yaml": POLICIES, "_data/schedule.yaml": schedule });
    const error = await loadContent(root).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ContentError);
    const { problems, warnings } = error as ContentError;
    expect(placed([...problems, ...warnings])).toEqual([
      '_data/courses/java-fundamentals.yml:21 policies.customer-cancellation error: image "chart.png"',
      '_data/policies.yaml:5 [0].body error: "# Refunds"',
      '_data/policies.yaml:6 [0].body warning: HTML "<b>"',
      '_data/schedule.yaml:19 [1].policies.payment error: "## Paying"',
    ]);
    expect(problems.find((problem) => problem.line === 19)?.message).toMatch(/would stand beside the page's own headings, which this text sits under: start at "### Paying"/);
  });

  it("keep their links, with a page they are shown on, for the link check", async () => {
    const schedule = MINIMAL_PROJECT["_data/schedule.yaml"]!.replace("  enrolled: 3\n", "  enrolled: 3\n  policies:\n    payment: Ask [our office](/office/).\n");
    const content = await loadContent(await project({ "_data/policies.yaml": POLICIES.replace("    # Refunds\n", "").replace(" and <b>bold</b>", ""), "_data/schedule.yaml": schedule }));
    expect(content.policyLinks.map((text) => `${text.file} ${text.field} ${text.pageUrl}: ${text.links.map((link) => `${link.line} ${link.href}`).join(", ")}`)).toEqual([
      "_data/policies.yaml [0].body /policies/: 5 /contact/",
      "_data/policies.yaml [1].body /policies/: ",
      "_data/schedule.yaml [0].policies.payment /schedule/java-fundamentals-2027-01-den/: 11 /office/",
    ]);
  });

  it("never take a clause's id on the policies page, and render the same for the page as for the check", () => {
    const rendered = renderPolicyText("### Payment\n\nText.", ["payment", "tax"]);
    expect(rendered.headings.map((heading) => heading.id)).toEqual(["payment-2"]);
    expect(rendered.problems).toEqual([]);
  });
});
