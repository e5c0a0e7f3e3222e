/**
 * `npm run check`: validates every content file without rendering a page, printing each problem as
 * `path:line: field: message`, including links between pages (against the paths the build would write).
 * Warnings are printed and do not fail; exits 1 when anything is an error.
 */
import path from "node:path";
import { failureReport } from "../src/build/failure-report.ts";
import { loadCheckedModel } from "../src/checks/check-site.ts";
import { ContentError, formatProblem } from "../src/content/problems.ts";
import { readSiteNow } from "../src/time/clock.ts";

const rootArgument = process.argv.indexOf("--root");
const root = path.resolve(rootArgument > 0 ? (process.argv[rootArgument + 1] ?? ".") : ".");

try {
  // The production view at the build's clock: links to drafts and to classes that have ended are what would break.
  // It draws no pages, so the image code is loaded only if a file misses the cache and must be rendered.
  const { model, warnings } = await loadCheckedModel(root, { now: readSiteNow(), includeUnpublished: false }, undefined, { pictures: false });
  const { content } = model;
  for (const warning of warnings) console.warn(formatProblem(warning));
  const count = (label: string, n: number) => `${n} ${label}`;
  console.log(
    `Content is valid: ${[
      count("articles", content.articles.length),
      count("courses", Object.keys(content.courses).length),
      count("sessions", content.sessions.length),
      count("services", content.services.length),
    ].join(", ")}.`,
  );
} catch (error) {
  if (error instanceof ContentError) {
    for (const warning of error.warnings) console.warn(formatProblem(warning));
    console.error(error.message);
  } else {
    // Not a content problem the loader could place: still one line naming what failed, never a raw stack trace.
    console.error(failureReport(error, "check"));
  }
  process.exitCode = 1;
}
