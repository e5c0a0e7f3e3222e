import { IMAGE_URL_PATH, SITE_FOLDERS } from "../urls/site-urls.ts";

/**
 * The one declared header policy of the site: which headers every response carries, and which
 * Content-Security-Policy each kind of page gets. `_headers`, the `<meta>` copy of the CSP and the tests all read
 * it from here, so a change is made once.
 */

/** The kinds of page that need different sources. Every other path is a "page". */
export type PageKind = "page" | "search" | "admin";

/** A CSP as directive name -> sources, in the order it is written. */
export type CspDirectives = Readonly<Record<string, readonly string[]>>;

/**
 * What an ordinary page needs: its own stylesheet, images and (rare) scripts, nothing inline. Everything not
 * named here stays under `default-src 'none'`: no frames, no media, no workers, no plugins.
 */
const PAGE_CSP: CspDirectives = {
  "default-src": ["'none'"],
  "script-src": ["'self'"],
  "style-src": ["'self'"],
  "img-src": ["'self'"],
  "font-src": ["'self'"],
  // A page script may read the site's own JSON (e.g. /next-change.json); nothing else is reachable.
  "connect-src": ["'self'"],
  "manifest-src": ["'self'"],
  "form-action": ["'self'"],
  "frame-ancestors": ["'none'"],
  "base-uri": ["'none'"],
  "object-src": ["'none'"],
};

/** Adds sources to some directives of a policy, keeping its order. */
function extend(base: CspDirectives, additions: Record<string, readonly string[]>): CspDirectives {
  const result: Record<string, readonly string[]> = {};
  for (const [name, sources] of Object.entries(base)) result[name] = [...sources, ...(additions[name] ?? [])];
  for (const [name, sources] of Object.entries(additions)) result[name] ??= sources;
  return result;
}

/** The CSP of each kind of page. */
export const CSP_BY_KIND: Readonly<Record<PageKind, CspDirectives>> = {
  page: PAGE_CSP,
  // Pagefind compiles its WebAssembly ('wasm-unsafe-eval', not 'unsafe-eval') and its UI draws data: images.
  search: extend(PAGE_CSP, { "script-src": ["'wasm-unsafe-eval'"], "img-src": ["data:"] }),
  // The CMS (Sveltia CMS, src/cms/) styles itself inline, shows uploads and previews from blob: URLs, and talks
  // to GitHub's API and status page once an editor signs in. It needs no eval and loads nothing from a CDN
  // (src/cms/cms-bundle.ts). Only /admin/ is allowed this.
  admin: extend(PAGE_CSP, {
    "style-src": ["'unsafe-inline'"],
    "img-src": ["data:", "blob:", "https://avatars.githubusercontent.com", "https://raw.githubusercontent.com"],
    "connect-src": ["blob:", "data:", "https://api.github.com", "https://www.githubstatus.com"],
    "media-src": ["'self'", "blob:"],
    "frame-src": ["'self'", "blob:"],
    "worker-src": ["'self'", "blob:"],
  }),
};

/**
 * The folders (first path segment) with their own kind of page. Pagefind's own files get the search policy
 * because its worker runs under the policy of its script's response and compiles the WebAssembly there.
 */
export const FOLDER_KINDS: Readonly<Record<string, PageKind>> = { [SITE_FOLDERS.search]: "search", [SITE_FOLDERS.searchBundle]: "search", [SITE_FOLDERS.admin]: "admin" };

/** The kind of page a site path is. */
export function pageKind(url: string): PageKind {
  const folder = url.split("/")[1] ?? "";
  return FOLDER_KINDS[folder] ?? "page";
}

/** A CSP written out as one header value. */
export function cspValue(directives: CspDirectives): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(" "))
    .join("; ");
}

/** The Content-Security-Policy header of a kind of page. */
export function contentSecurityPolicy(kind: PageKind): string {
  return cspValue(CSP_BY_KIND[kind]);
}

/**
 * The policy a page repeats in a `<meta http-equiv>`, so that the 404 page Netlify serves at any unknown address
 * is covered too. frame-ancestors is left out because browsers ignore it in a meta element (X-Frame-Options
 * covers framing for every path instead).
 */
export function metaContentSecurityPolicy(url: string): string {
  const { "frame-ancestors": _ignored, ...rest } = CSP_BY_KIND[pageKind(url)];
  return cspValue(rest);
}

/** Two years, the HSTS preload list's expectation. */
const HSTS_MAX_AGE = 63_072_000;

/**
 * Headers every response carries, whatever its path. Permissions-Policy turns off the powerful features the site
 * never uses (the obsolete interest-cohort is gone: browsers warn about unknown features).
 */
export const COMMON_HEADERS: Readonly<Record<string, string>> = {
  "Strict-Transport-Security": `max-age=${HSTS_MAX_AGE}; includeSubDomains; preload`,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  // frame-ancestors says the same, but not in the meta copy a 404 at an unknown address relies on.
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "accelerometer=(), autoplay=(), browsing-topics=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/**
 * The published pictures' folder: every name in it carries a hash of what made it (eleventy-img's hash of the
 * source's bytes and options, or the SVG's own hash), so it never changes under its name.
 */
export const PICTURE_FOLDER = IMAGE_URL_PATH;

/** Whether a path (or a `_headers` pattern) is a published picture. */
export function isPicturePath(url: string): boolean {
  return url.startsWith(PICTURE_FOLDER);
}

/**
 * Cross-Origin-Resource-Policy of a path. It is per path, not in COMMON_HEADERS, because Netlify joins two
 * matching values into one invalid header: pictures are `cross-origin` so that a feed reader on another site
 * can show an article's pictures; everything else is `same-origin`.
 */
export function resourcePolicy(url: string): string {
  return isPicturePath(url) ? "cross-origin" : "same-origin";
}

/** What a preview or branch deploy adds: it must never be indexed in place of the real site. */
export const PREVIEW_HEADERS: Readonly<Record<string, string>> = { "X-Robots-Tag": "noindex" };

/** Kinds of page that search engines must never index, in any context: the CMS is a tool, not content. */
export const NOINDEX_KINDS: ReadonlySet<PageKind> = new Set(["admin"]);

/** Whether a deploy context (Netlify's CONTEXT) is the public site. Local builds count as production. */
export function isProductionContext(context: string | undefined): boolean {
  return context === undefined || context === "" || context === "production";
}

/** Cache-Control of a file whose name carries a hash of its content: it can never change under that name. */
export const IMMUTABLE_CACHE = "public, max-age=31536000, immutable";

/** Cache-Control of everything else (HTML, feeds, calendars, JSON, unhashed images): ask every time. */
export const REVALIDATE_CACHE = "public, max-age=0, must-revalidate";
