import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FILE_KINDS, loadFile } from "../../src/content/load-file.ts";
import { parseListInPieces } from "../../src/content/list-pieces.ts";
import { parseYaml } from "../../src/content/yaml-source.ts";
import { FIXTURE_ROOT, REPO_ROOT } from "../support/project-copy.ts";

const LIST_FILES = ["schedule.yaml", "promotions.yaml", "policies.yaml", "redirects.yaml", "learning-paths.yaml"];

/** The whole file's parse, which a parse in pieces must equal in value and in the line of every field. */
function whole(file: string, text: string) {
  const parsed = parseYaml(file, text);
  if (!parsed.ok) throw new Error(`${file} does not parse`);
  return { value: parsed.source.value, lines: parsed.lines };
}

function inPieces(file: string, text: string) {
  const parsed = parseListInPieces(file, text);
  return parsed && { value: parsed.source.value, lines: parsed.lines };
}

describe("a list file parsed entry by entry", () => {
  it.each(LIST_FILES)("gives the whole file's value and lines for the fixture's %s", (name) => {
    const text = readFileSync(path.join(FIXTURE_ROOT, "_data", name), "utf8");
    expect(text).toMatch(/^- /m);
    expect(inPieces("_data/list.yaml", text)).toEqual(whole("_data/list.yaml", text));
  });

  // The editors' files may hold what pieces leave to the whole file's parse (an anchor, say): when cut, never otherwise.
  it.each(LIST_FILES)("never gives other values or lines than the whole file's for the site's %s", (name) => {
    const text = readFileSync(path.join(REPO_ROOT, "_data", name), "utf8");
    const pieces = inPieces("_data/list.yaml", text);
    if (pieces) expect(pieces).toEqual(whole("_data/list.yaml", text));
  });

  it("gives the same after an entry is changed, added or moved, each unchanged entry's text taken from the last parse", () => {
    const text = readFileSync(path.join(FIXTURE_ROOT, "_data/schedule.yaml"), "utf8");
    const entries = text.trimEnd().split("\n\n");
    const versions = [
      text,
      `# The schedule, edited.\n\n${text.replace(/^( {2}seats: )\d+$/m, "$1" + "30")}`,
      `${[entries[2], ...entries.slice(0, 2), ...entries.slice(3)].join("\n\n")}\n`,
      `${text}\n- id: added-class\n  course: java-fundamentals\n  notes: |\n    A note with a line that\n    - looks like an entry.\n# a comment at the end\n`,
      text.replace(/\n/g, "\r\n"),
    ];
    for (const version of versions) expect(inPieces("_data/schedule.yaml", version)).toEqual(whole("_data/schedule.yaml", version));
  });

  it("leaves to the whole file's parse a text that pieces could read otherwise, or that does not parse", () => {
    const refused = [
      // An alias into another entry, and document markers and directives, which concern the whole text.
      "- id: a\n  where: &place Denver\n- id: b\n  where: *place\n",
      "---\n- id: a\n- id: b\n",
      "- id: a\n...\n- id: b\n",
      "%YAML 1.1\n---\n- id: a\n",
      // A quote opened in one entry and closed in the next; a field at the margin; a map, not a list.
      '- id: "a\n- b"\n',
      "- id: a\nid: b\n",
      "id: a\nlist:\n- b\n",
      // A tag before the first entry, which makes the whole list something else.
      "!!omap\n- a: 1\n- b: 2\n",
      "!!pairs\n- a: 1\n- b: 2\n",
      // Two entries where a piece starts: a tab after the dash.
      "- id: a\n-\tid: b\n",
      "",
      "# nothing but a comment\n",
    ];
    for (const text of refused) expect(inPieces("_data/refused.yaml", text), JSON.stringify(text)).toBeUndefined();
  });

  it("reports a field's line in the entry where it stands, counted from the top of the file", () => {
    const text = "# Classes\n\n- id: a\n  seats: 4\n\n- id: b\n  seats: 5\n  notes: |\n    two\n    lines\n- id: c\n";
    const parsed = parseListInPieces("_data/lines.yaml", text)!;
    expect([parsed.source.lineOf([0, "seats"]), parsed.source.lineOf([1, "notes"]), parsed.source.lineOf([2, "id"]), parsed.source.lineOf([2, "missing"])]).toEqual([4, 8, 11, 11]);
    expect(parsed.lines).toEqual(whole("_data/lines.yaml", text).lines);
  });
});

describe("a list file loaded again after a save", () => {
  it("reports an unchanged entry's problem again, at its line after an entry above it grew, and keeps each unchanged valid entry's data", async () => {
    const text = readFileSync(path.join(FIXTURE_ROOT, "_data/schedule.yaml"), "utf8");
    const entries = text.trimEnd().split("\n\n");
    // The second class with seats the schema refuses; the first grows by a line in the save.
    const broken = [entries[0]!, entries[1]!.replace(/^( {2}seats: )\d+$/m, "$1-3"), ...entries.slice(2)];
    const grown = [broken[0]!.replace(/^( {2}seats: .*)$/m, "$1\n  priceNote: Room for one more"), ...broken.slice(1)];
    const file = "_data/schedule-save.yaml";
    const before = await loadFile(FILE_KINDS.session, file, `${broken.join("\n\n")}\n`);
    const after = await loadFile(FILE_KINDS.session, file, `${grown.join("\n\n")}\n`);
    const seatsLine = (list: string[]) => list[0]!.split("\n").length + 2 + list[1]!.split("\n").findIndex((line) => line.startsWith("  seats:"));
    const seats = (loaded: typeof before) => loaded.problems.filter((problem) => problem.field === "[1].seats").map((problem) => problem.line);
    expect(seats(before)).toEqual([seatsLine(broken)]);
    expect(seats(after)).toEqual([seatsLine(broken) + 1]);
    expect(after.problems.map((problem) => [problem.field, problem.line! - 1])).toEqual(before.problems.map((problem) => [problem.field, problem.line]));
    // The entries after the two edited ones are the same text: their data is the same object.
    expect(after.entries.slice(1).every((entry, index) => entry.data === before.entries[index + 1]!.data)).toBe(true);
  });
});
