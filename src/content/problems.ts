/** One thing wrong in one content file, as an editor needs to hear it. */
export interface ContentProblem {
  /** Path relative to the project root, e.g. `_data/schedule.yaml`. */
  file: string;
  /** 1-based line, where the parser can tell. */
  line?: number;
  /** The field, e.g. `[3].start` or `outline[0].title`; empty for the whole file. */
  field: string;
  /** What is wrong, in words an editor can act on. */
  message: string;
  /** A warning is printed but does not stop the build; anything else is an error. */
  severity?: "error" | "warning";
}

/** A field path as editors read it: `[2].start`, `outline[0].title`, `tags[1]`. */
export function fieldName(path: readonly (string | number)[]): string {
  return path.map((key, index) => (typeof key === "number" ? `[${key}]` : index === 0 ? key : `.${key}`)).join("");
}

/** Formats a problem as `path:line: field: message`, the form editors' tools can jump to. */
export function formatProblem(problem: ContentProblem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  const message = problem.severity === "warning" ? `warning: ${problem.message}` : problem.message;
  return problem.field ? `${where}: ${problem.field}: ${message}` : `${where}: ${message}`;
}

/** File, then line order: the order an editor works through a list of problems in. */
function byPlace(a: ContentProblem, b: ContentProblem): number {
  return a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0);
}

/** How many further lines of a repeated warning are named before the rest are only counted. */
const REPEATS_NAMED = 8;

/**
 * Warnings as the lines an editor reads, in file and line order. A warning repeated in one file and field (the
 * same unknown code language on every fence of a pasted page) is one line at its first place that names the others,
 * so a file brought from elsewhere does not bury the rest of the list under copies of one message.
 */
export function formatWarnings(warnings: readonly ContentProblem[]): string[] {
  const groups = new Map<string, ContentProblem[]>();
  for (const warning of [...warnings].sort(byPlace)) {
    // A warning about the whole file (no line) is kept apart from the same words at a line: it has no place to fold into.
    const key = `${warning.file}\0${warning.field}\0${warning.message}\0${warning.line === undefined ? "file" : "line"}`;
    const group = groups.get(key);
    if (group) group.push(warning);
    else groups.set(key, [warning]);
  }
  return [...groups.values()].map(([first, ...repeats]) => {
    const lines = [...new Set(repeats.flatMap((repeat) => (repeat.line && repeat.line !== first!.line ? [repeat.line] : [])))];
    if (lines.length === 0) return formatProblem(first!);
    const named = lines.slice(0, REPEATS_NAMED).join(", ");
    const more = lines.length > REPEATS_NAMED ? ` and ${lines.length - REPEATS_NAMED} more` : "";
    return `${formatProblem(first!)} (also at ${lines.length === 1 ? "line" : "lines"} ${named}${more})`;
  });
}

/** Thrown when content fails validation; carries every problem found, not just the first. */
export class ContentError extends Error {
  /** Every problem, sorted by file and line. */
  readonly problems: readonly ContentProblem[];

  /** Problems that alone would not have stopped the build, reported alongside. */
  readonly warnings: readonly ContentProblem[];

  constructor(problems: readonly ContentProblem[], warnings: readonly ContentProblem[] = []) {
    const sorted = [...problems].sort(byPlace);
    const count = sorted.length === 1 ? "1 problem" : `${sorted.length} problems`;
    super(`Content has ${count}:\n${sorted.map((problem) => `  ${formatProblem(problem)}`).join("\n")}`);
    this.name = "ContentError";
    this.problems = sorted;
    this.warnings = warnings;
  }
}

/** Whether a problem stops the build. */
export function isError(problem: ContentProblem): boolean {
  return problem.severity !== "warning";
}
