import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { formatProblem, type ContentProblem } from "../content/problems.ts";
import { html } from "../html/escape-html.ts";
import { DEV_SERVER_PATHS } from "../urls/site-urls.ts";
import { plural } from "../lib/plural.ts";

/** Where the error page's stylesheet is served: a path no built page uses. */
export const DEV_ERROR_STYLESHEET = DEV_SERVER_PATHS.problemsStylesheet;

/** A connect-style middleware, as Eleventy's dev server takes them. */
export type DevMiddleware = (request: IncomingMessage, response: ServerResponse, next: () => void) => void;

/** The page that stands for every page while the content has problems: the list, each at file:line. */
export function devErrorPage(problems: readonly ContentProblem[]): string {
  const count = plural(problems.length, "problem");
  const where = (problem: ContentProblem) => (problem.line ? `${problem.file}:${problem.line}` : problem.file);
  // Each item is the line `npm run check` prints, split so the place stands out.
  const items = problems.map((problem) => {
    const rest = formatProblem(problem).slice(where(problem).length + 2);
    return html`<li${problem.severity === "warning" ? html` class="warning"` : ""}><code><span class="where">${where(problem)}</span>: ${rest}</code></li>`;
  });
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>The content has ${count}</title>
<link rel="stylesheet" href="${DEV_ERROR_STYLESHEET}">
</head>
<body>
<main>
<h1>The site could not be built: the content has ${count}</h1>
<p>Fix ${problems.length === 1 ? "it" : "them"} and save: this page turns back into the site by itself. The same list is in the terminal.</p>
<ol>
${items}
</ol>
</main>
</body>
</html>
`.toString();
}

/**
 * What `npm start` knows about the last build: the problems that stopped it, or none. While there are problems,
 * every page the dev server answers is the list; the next good build clears it and the dev server's live reload
 * brings the pages back.
 */
export class DevErrors {
  #problems: readonly ContentProblem[] | undefined;
  #stylesheet: string | undefined;

  /** The build stopped on these problems. */
  fail(problems: readonly ContentProblem[]): void {
    this.#problems = problems;
  }

  /** The content loads again (or a build finished): the list no longer holds. */
  clear(): void {
    this.#problems = undefined;
  }

  /**
   * Answers page requests with the list while the last build failed, and its stylesheet; everything else (the
   * dev server's own scripts, pictures, stylesheets) passes on, so the live reload keeps working.
   */
  readonly middleware: DevMiddleware = (request, response, next) => {
    const problems = this.#problems;
    const pathname = new URL(request.url ?? "/", "http://localhost").pathname;
    if (pathname === DEV_ERROR_STYLESHEET) {
      this.#stylesheet ??= readFileSync(new URL("./dev-error-page.css", import.meta.url), "utf8");
      response.setHeader("Content-Type", "text/css; charset=utf-8");
      response.end(this.#stylesheet);
      return;
    }
    if (!problems || request.method !== "GET" || !isPageRequest(request, pathname)) return next();
    // 200, not 500: the dev server answers an error status with its reload script inline, which the site never uses.
    response.statusCode = 200;
    response.setHeader("Content-Type", "text/html; charset=utf-8");
    response.setHeader("Cache-Control", "no-store");
    response.end(devErrorPage(problems));
  };
}

/** Whether a request is for a page (a browser navigating, or a path that names a page) rather than a file it uses. */
function isPageRequest(request: IncomingMessage, pathname: string): boolean {
  if (pathname.startsWith(DEV_SERVER_PATHS.eleventyClient)) return false;
  return /\/$|\.html$/.test(pathname) || (request.headers.accept ?? "").includes("text/html");
}
