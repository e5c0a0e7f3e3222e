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

/**
 * Checks every page of a build (not only those reachable from the home page, so orphans are covered):
 * each link and asset on this site must resolve to a file, and each #fragment to an id on the target page.
 */
export async function brokenLinks(dir: string): Promise<string[]> {
  // The site's own address, as this build states it: whichever content it was built from.
  const canonical = page(dir, "/")('link[rel="canonical"]').attr("href");
  if (!canonical) throw new Error(`${dir}: the home page has no canonical link`);
  const siteOrigin = new URL(canonical).origin;
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
          broken.push(`${file}: ${attribute}="${value}" does not exist`);
          return;
        }
        const fragment = decodeURIComponent(target.hash.slice(1));
        if (fragment && target.pathname.endsWith("/") || fragment && target.pathname.endsWith(".html")) {
          if (!idsOf(target.pathname).has(fragment)) broken.push(`${file}: ${attribute}="${value}" has no element with id "${fragment}"`);
        }
      });
    }
  }
  return broken;
}
