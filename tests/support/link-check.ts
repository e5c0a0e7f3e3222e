import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import { isPassingSection } from "../../src/pages/passing-sections.ts";
import { SITE_PATHS } from "../../src/urls/site-urls.ts";
import { allPages, page, urlExists, urlOfFile } from "./site-output.ts";

const ATTRIBUTES: [selector: string, attribute: string][] = [
  ["a[href]", "href"],
  ["link[href]", "href"],
  ["script[src]", "src"],
  ["img[src]", "src"],
  ["source[src]", "src"],
  ["form[action]", "action"],
  ["iframe[src]", "src"],
];

/** The build's `_redirects` as old path -> new path (the build writes one `from to 301` line per rule). */
function redirectsOf(dir: string): Map<string, string> {
  const file = path.join(dir, SITE_PATHS.netlifyRedirects);
  if (!existsSync(file)) return new Map();
  const rules = readFileSync(file, "utf8").split("\n").filter((line) => line.trim() && !line.startsWith("#"));
  return new Map(rules.map((line) => line.trim().split(/\s+/) as [string, string]));
}

/** The clock the build ran at, as its /next-change.json states it. */
function builtAt(dir: string): DateTime {
  const { builtAt } = JSON.parse(readFileSync(path.join(dir, SITE_PATHS.nextChange), "utf8")) as { builtAt: string };
  return DateTime.fromISO(builtAt);
}

/**
 * Checks every page of a build (not only those reachable from the home page, so orphans are covered):
 * each link and asset on this site must resolve to a file, or through one of the build's redirects to one (a class
 * that has ended leads to its course), and each #fragment to an id on the target page, but for a section that time
 * may take from that page at the build's clock (src/pages/passing-sections.ts: the build warns of such a link).
 */
export async function brokenLinks(dir: string): Promise<string[]> {
  // The site's own address, as this build states it: whichever content it was built from.
  const canonical = page(dir, "/")('link[rel="canonical"]').attr("href");
  if (!canonical) throw new Error(`${dir}: the home page has no canonical link`);
  const siteOrigin = new URL(canonical).origin;
  const redirects = redirectsOf(dir);
  const now = builtAt(dir);
  const broken: string[] = [];
  const idsCache = new Map<string, Set<string>>();
  const idsIn = ($: ReturnType<typeof page>) => new Set($("[id]").map((_, el) => $(el).attr("id")).get());
  const idsOf = (url: string) => {
    if (!idsCache.has(url)) idsCache.set(url, idsIn(page(dir, url)));
    return idsCache.get(url)!;
  };

  for (const file of await allPages(dir)) {
    const pageUrl = urlOfFile(file);
    const $ = page(dir, file);
    // Nearly every page links to itself (the skip link to #main): its ids come from this parse, not a second one.
    if (!idsCache.has(pageUrl)) idsCache.set(pageUrl, idsIn($));
    for (const [selector, attribute] of ATTRIBUTES) {
      $(selector).each((_, element) => {
        const value = $(element).attr(attribute)!;
        const target = new URL(value, `${siteOrigin}${pageUrl}`);
        if (target.origin !== siteOrigin || !/^https?:$/.test(target.protocol)) return;
        if (!urlExists(dir, target.pathname)) {
          const moved = redirects.get(target.pathname);
          if (!moved || !urlExists(dir, moved)) broken.push(`${file}: ${attribute}="${value}" does not exist${moved ? `, and its redirect leads to ${moved}, which does not either` : ""}`);
          return;
        }
        const fragment = decodeURIComponent(target.hash.slice(1));
        if (fragment && target.pathname.endsWith("/") || fragment && target.pathname.endsWith(".html")) {
          // The page's template is read only for an id it lacks: most links name one it has.
          const passing = () => isPassingSection(page(dir, target.pathname)("body").attr("data-template"), fragment, now);
          if (!idsOf(target.pathname).has(fragment) && !passing()) broken.push(`${file}: ${attribute}="${value}" has no element with id "${fragment}"`);
        }
      });
    }
  }
  return broken;
}
