import { formatProblem, type ContentProblem } from "../content/problems.ts";
import { plural } from "../lib/plural.ts";

/** An error as Eleventy hands it on: its own wrappers keep the cause in `originalError`, others in `cause`. */
interface WrappedError {
  name?: unknown;
  message?: unknown;
  stack?: unknown;
  problems?: readonly ContentProblem[];
  originalError?: unknown;
  cause?: unknown;
}

/** The error and every error it wraps, outermost first. */
function causeChain(error: unknown): WrappedError[] {
  const chain: WrappedError[] = [];
  let current: unknown = error;
  while (typeof current === "object" && current !== null && !chain.includes(current as WrappedError) && chain.length < 20) {
    chain.push(current as WrappedError);
    current = (current as WrappedError).originalError ?? (current as WrappedError).cause;
  }
  return chain;
}

/** The ContentError inside an error, however Eleventy wrapped it (the build's report and `npm start`'s page share this). */
export function contentErrorOf(error: unknown): (WrappedError & { problems: readonly ContentProblem[] }) | undefined {
  return causeChain(error).find((link): link is WrappedError & { problems: readonly ContentProblem[] } => link.name === "ContentError" && Array.isArray(link.problems));
}

/**
 * What a failed build prints, once. Bad content (a ContentError anywhere in Eleventy's wrappers) is the editor's
 * to fix: each problem on its own line, starting with the file, and no stack trace, which would only bury it.
 * Anything else (a fault in the code or a template, a parser giving up) is one line: the messages of every
 * wrapper (Eleventy's name the template) and where the innermost error was thrown. The stack trace is printed
 * only when HSG_STACK=1 is set, for the developer who needs it: in a deploy log it tells an editor nothing.
 */
export function failureReport(error: unknown, what = "build", showStack = process.env.HSG_STACK === "1"): string {
  const chain = causeChain(error);
  const content = contentErrorOf(error);
  if (content) {
    const files = [...new Set(content.problems.map((problem) => problem.file))];
    const count = plural(content.problems.length, "problem");
    return [
      `The ${what} stopped: the content has ${count}, in ${files.length === 1 ? "this file" : "these files"}:`,
      ...files.map((file) => `  ${file}`),
      "",
      ...content.problems.map((problem) => `  ${formatProblem(problem)}`),
    ].join("\n");
  }
  if (chain.length === 0) return `The ${what} stopped: ${firstLine(String(error))}`;
  const messages = chain.map((link) => firstLine(String(link.message ?? link))).filter((message, index, all) => message && all.indexOf(message) === index);
  const innermost = chain[chain.length - 1]!;
  const place = thrownAt(innermost.stack);
  const line = `The ${what} stopped: ${messages.join(": ")}${place ? ` (thrown at ${place})` : ""}`;
  return showStack ? [line, "", String(innermost.stack ?? "")].join("\n").trimEnd() : line;
}

function firstLine(text: string): string {
  return text.split("\n")[0]!.trim();
}

/** The file and line of a stack's first frame, relative to the working folder: enough to find the fault. */
function thrownAt(stack: unknown): string | undefined {
  const frame = String(stack ?? "").match(/\n\s+at (?:.*? \()?(?:file:\/\/)?([^()\s]+?):(\d+):\d+\)?/);
  if (!frame) return undefined;
  const file = frame[1]!.startsWith(process.cwd()) ? frame[1]!.slice(process.cwd().length + 1) : frame[1]!;
  return `${file}:${frame[2]}`;
}
