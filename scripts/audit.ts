/**
 * `npm run audit`: Lighthouse 12.2.3 (mobile) against the production build, served locally with its own _headers,
 * in Debian's Chromium (CHROME_PATH). Covers the home page, an article with images and code, a course, a session,
 * the schedule and search; prints a table and exits non-zero when a target is missed. Lighthouse needs minutes,
 * so this runs outside `npm test`.
 */
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../tests/support/browser.ts";
import { allPages, urlOfFile } from "../tests/support/site-output.ts";
import { serveBuild } from "../tests/support/static-server.ts";
import { buildIntoTemporaryFolder } from "./lib/built-site.ts";

/** The part of Lighthouse's Node API this script uses: one function and one field of its result. */
interface LighthouseModule {
  default(
    url: string,
    flags: { port: number; output: "json"; logLevel: "error"; onlyCategories: string[] },
  ): Promise<{ lhr: { categories: Record<string, { score: number | null } | undefined> } } | undefined>;
}
/**
 * Named through a variable, so that tsc does not load Lighthouse's own types: they bring in Puppeteer, two copies
 * of the DevTools protocol and a trace engine (about 160 declaration files, over a quarter of the declaration lines
 * every `tsc` run parses, the test suite's included) for what LighthouseModule says in six lines.
 */
const LIGHTHOUSE: string = "lighthouse";
const { default: lighthouse } = (await import(LIGHTHOUSE)) as LighthouseModule;

const TARGETS = { performance: 98, accessibility: 100, "best-practices": 100, seo: 100 } as const;
type Category = keyof typeof TARGETS;

/** The first page whose URL matches and whose HTML contains every marker: chosen from the build, not named here. */
function pick(site: string, files: string[], pattern: RegExp, markers: string[] = []): string | undefined {
  const match = files.find((file) => pattern.test(urlOfFile(file)) && markers.every((marker) => readFileSync(path.join(site, file), "utf8").includes(marker)));
  return match && urlOfFile(match);
}

const site = buildIntoTemporaryFolder("hsg-audit-");
const server = await serveBuild(site);
process.env.CHROME_PATH ??= CHROMIUM_PATH;
const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH, chromeFlags: [...CHROMIUM_ARGS] });
let missed = 0;
try {
  const files = await allPages(site);
  const article = /^\/articles\/(?!tags\/|page\/)[^/]+\/$/;
  const audited: [string, string | undefined][] = [
    ["home", "/"],
    ["article (images, code)", pick(site, files, article, ["<picture", "<pre"]) ?? pick(site, files, article, ["<pre"])],
    ["course", pick(site, files, /^\/courses\/(?!level\/|category\/)[^/]+\/$/, ['"@type":"Course"'])],
    ["session", pick(site, files, /^\/schedule\/[^/]+\/$/, ["class-registration"])],
    ["schedule", "/schedule/"],
    ["search", "/search/"],
  ];
  const rows: string[][] = [];
  for (const [name, url] of audited) {
    if (!url) throw new Error(`audit: the build has no ${name} page to audit`);
    const result = await lighthouse(`${server.origin}${url}`, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: Object.keys(TARGETS) });
    const categories = result?.lhr.categories ?? {};
    const scores = (Object.keys(TARGETS) as Category[]).map((category) => Math.round((categories[category]?.score ?? 0) * 100));
    scores.forEach((score, index) => {
      if (score < TARGETS[(Object.keys(TARGETS) as Category[])[index]!]) missed++;
    });
    rows.push([name, url, ...scores.map(String)]);
  }
  const header = ["page", "url", ...Object.keys(TARGETS)];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(" | ")} |`;
  console.log(line(header));
  console.log(`|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`);
  rows.forEach((row) => console.log(line(row)));
  console.log(`targets: ${Object.entries(TARGETS).map(([category, target]) => `${category} >= ${target}`).join(", ")} (Lighthouse mobile)`);
  console.log(missed === 0 ? "audit: every target met" : `audit: ${missed} score(s) below target`);
} finally {
  await chrome.kill();
  await server.close();
  rmSync(site, { recursive: true, force: true });
}
process.exitCode = missed === 0 ? 0 : 1;
