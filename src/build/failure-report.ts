import { formatProblem, type ContentProblem } from "../content/problems.ts";

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

/**
 * What a failed build prints, once. Bad content (a ContentError anywhere in Eleventy's wrappers) is the editor's
 * to fix: each problem on its own line, starting with the file, and no stack trace, which would only bury it.
 * Anything else is a fault in the code or a template: the messages of every wrapper (Eleventy's name the
 * template) and the innermost stack.
 */
export function failureReport(error: unknown): string {
  const chain = causeChain(error);
  const content = chain.find((link) => link.name === "ContentError" && Array.isArray(link.problems));
  if (content?.problems) {
    const files = [...new Set(content.problems.map((problem) => problem.file))];
    const count = content.problems.length === 1 ? "1 problem" : `${content.problems.length} problems`;
    return [
      `The build stopped: the content has ${count}, in ${files.length === 1 ? "this file" : "these files"}:`,
      ...files.map((file) => `  ${file}`),
      "",
      ...content.problems.map((problem) => `  ${formatProblem(problem)}`),
    ].join("\n");
  }
  if (chain.length === 0) return `The build stopped: ${String(error)}`;
  const messages = chain.map((link) => String(link.message ?? link)).filter((message, index, all) => all.indexOf(message) === index);
  const innermost = chain[chain.length - 1]!;
  return ["The build stopped:", ...messages.map((message) => `  ${message}`), "", String(innermost.stack ?? "")].join("\n").trimEnd();
}
