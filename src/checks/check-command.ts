/**
 * `npm run check` as a function (scripts/check-content.ts is its command line): validates every content file
 * without rendering a page, printing each problem as `path:line: field: message`, including links between pages
 * (against the paths the build would write). Warnings are printed and do not fail. A function so that the tests
 * check a project in their own process, without paying a node start per check.
 */
import path from "node:path";
import { failureReport } from "../build/failure-report.ts";
import { TERMINAL, type CommandOutput } from "../cli/command-output.ts";
import { ContentError, formatWarnings } from "../content/problems.ts";
import { readSiteNow } from "../time/clock.ts";
import { loadCheckedModel } from "./check-site.ts";

/** The project a command works on: `--root <folder>` in its arguments, else `cwd` (the check's rule, which `npm run fix` follows). */
export function projectRoot(argv: readonly string[], cwd: string): string {
  const rootArgument = argv.indexOf("--root");
  return path.resolve(cwd, rootArgument >= 0 ? (argv[rootArgument + 1] ?? ".") : ".");
}

/**
 * Runs `npm run check -- ...argv` (`--root <folder>`, else `cwd`) at the clock of `env` (SITE_NOW), printing
 * through `output`; resolves to the exit code: 0 when nothing is an error, 1 otherwise.
 */
export async function runCheck(argv: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env, output: CommandOutput = TERMINAL): Promise<number> {
  const root = projectRoot(argv, cwd);
  try {
    // The production view at the build's clock: links to drafts and to classes that have ended are what would break.
    // It draws no pages, so the image code is loaded only if a file misses the cache and must be rendered, and
    // the articles' texts are not read from the cache at all.
    const { model, warnings } = await loadCheckedModel(root, { now: readSiteNow(env, output.err), includeUnpublished: false }, undefined, { pictures: false, texts: false });
    const { content } = model;
    for (const line of formatWarnings(warnings)) output.err(line);
    const count = (label: string, n: number) => `${n} ${label}`;
    output.out(
      `Content is valid: ${[
        count("articles", content.articles.length),
        count("courses", Object.keys(content.courses).length),
        count("sessions", content.sessions.length),
        count("services", content.services.length),
      ].join(", ")}.`,
    );
    return 0;
  } catch (error) {
    if (error instanceof ContentError) {
      for (const line of formatWarnings(error.warnings)) output.err(line);
      output.err(error.message);
    } else {
      // Not a content problem the loader could place: still one line naming what failed, never a raw stack trace.
      output.err(failureReport(error, "check", env.HSG_STACK === "1"));
    }
    return 1;
  }
}
