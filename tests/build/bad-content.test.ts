import { afterEach, describe, expect, it } from "vitest";
import { copySampleProject, type SampleProject } from "../support/sample-project.ts";

const copies: SampleProject[] = [];
const copy = async (source: "fixture" | "sample" = "fixture") => {
  const project = await copySampleProject(source);
  copies.push(project);
  return project;
};
afterEach(async () => {
  for (const project of copies.splice(0)) await project.remove();
});

/** Replaces exactly one occurrence, so a test cannot pass because its edit silently missed. */
function once(search: string | RegExp, replacement: string) {
  return (text: string) => {
    const global = typeof search === "string" ? new RegExp(search.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "g") : new RegExp(search.source, `${search.flags}g`);
    const count = (text.match(global) ?? []).length;
    if (count < 1) throw new Error(`Fixture edit found no ${String(search)}`);
    return text.replace(search, replacement);
  };
}

const cases: { name: string; file: string; edit: (text: string) => string; expected: RegExp }[] = [
  {
    name: "YAML syntax",
    file: "_data/locations.yaml",
    edit: once(/^(\s+)name: (.*)$/m, "$1name: [unclosed, $2"),
    expected: /_data\/locations\.yaml:\d+: YAML syntax: /,
  },
  {
    name: "wrong type",
    file: "_data/courses/java-fundamentals.yaml",
    edit: once(/^durationDays: \d+$/m, "durationDays: five"),
    expected: /_data\/courses\/java-fundamentals\.yaml:\d+: durationDays: expected number/,
  },
  {
    name: "unknown field",
    file: "_data/courses/python-programming.yaml",
    edit: once(/^title:/m, "titel:"),
    expected: /_data\/courses\/python-programming\.yaml:1: titel: unknown field/,
  },
  {
    name: "impossible date",
    file: "content/articles/profile-before-you-rewrite.md",
    edit: once(/^date: .*$/m, 'date: "2025-02-30"'),
    expected: /content\/articles\/profile-before-you-rewrite\.md:\d+: date: "2025-02-30" is not a real date/,
  },
  {
    name: "unquoted date",
    file: "_data/promotions.yaml",
    edit: once(/validFrom: "2026-11-01"/, "validFrom: 2026-11-01"),
    expected: /_data\/promotions\.yaml:\d+: \[0\]\.validFrom: must be a quoted string/,
  },
  {
    name: "dangling reference",
    file: "_data/schedule.yaml",
    edit: once(/course: java-fundamentals$/m, "course: java-fundamental"),
    expected: /_data\/schedule\.yaml:\d+: \[\d+\]\.course: course "java-fundamental" does not exist; did you mean "java-fundamentals"\?/,
  },
  {
    name: "duplicate id",
    file: "_data/schedule.yaml",
    edit: once(/^- id: python-programming-2027-02-online$/m, "- id: python-programming-2027-07-den"),
    expected: /_data\/schedule\.yaml:\d+: \[\d+\]\.id: "python-programming-2027-07-den" is already used at line \d+/,
  },
];

describe("bad content is refused with file, line and field", () => {
  it.each(cases)("npm run check reports $name and exits non-zero", async ({ file, edit, expected }) => {
    const project = await copy();
    await project.edit(file, edit);
    const result = project.check();
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(expected);
  });

  it("lists every problem at once, not only the first", async () => {
    const project = await copy();
    for (const { file, edit } of cases.filter((c) => c.name !== "YAML syntax")) await project.edit(file, edit);
    const result = project.check();
    expect(result.status).toBe(1);
    for (const { expected } of cases.filter((c) => c.name !== "YAML syntax")) expect(result.stderr).toMatch(expected);
  });

  it.each(cases.filter((c) => c.name === "impossible date" || c.name === "dangling reference"))("the build fails on $name, naming the file", async ({ file, edit, expected }) => {
    const project = await copy();
    await project.edit(file, edit);
    const result = project.build();
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toMatch(expected);
  });

  it("the unedited sample content passes the check", async () => {
    const result = (await copy("sample")).check();
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Content is valid: \d+ articles/);
  });
});
