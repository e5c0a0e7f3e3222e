/**
 * `npm run check`: validates every content file without rendering a page, printing each problem as
 * `path:line: field: message`. Exits 1 when anything is wrong.
 */
import path from "node:path";
import { loadContent } from "../src/content/load-content.ts";
import { ContentError } from "../src/content/problems.ts";

const rootArgument = process.argv.indexOf("--root");
const root = path.resolve(rootArgument > 0 ? (process.argv[rootArgument + 1] ?? ".") : ".");

try {
  const content = await loadContent(root);
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
  if (!(error instanceof ContentError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
