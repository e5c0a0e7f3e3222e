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

/** Thrown when content fails validation; carries every problem found, not just the first. */
export class ContentError extends Error {
  /** Every problem, sorted by file and line. */
  readonly problems: readonly ContentProblem[];

  /** Problems that alone would not have stopped the build, reported alongside. */
  readonly warnings: readonly ContentProblem[];

  constructor(problems: readonly ContentProblem[], warnings: readonly ContentProblem[] = []) {
    const sorted = [...problems].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
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
