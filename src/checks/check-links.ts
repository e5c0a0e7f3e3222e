import type { ContentProblem } from "../content/problems.ts";
import { normaliseSitePath } from "../content/site-path.ts";
import { closestMatch } from "../content/suggest.ts";
import type { LinkReference } from "../markdown/markdown-state.ts";

/** A rendered Markdown body, as the link check sees it. */
export interface LinkedBody {
  /** The content file, relative to the project root. */
  file: string;
  /** The URL of the page the body is shown on, against which relative links resolve. */
  pageUrl: string;
  links: readonly LinkReference[];
  /** The field the body is written in: `body` unless given. */
  field?: string;
}

/** What links may point at. */
export interface LinkTargets {
  /** The site's own origin, e.g. https://www.hartmannsoftware.com: absolute links to it are checked like paths. */
  origin: string;
  /** Every path the build writes, normalised (the page table's URLs, src/pages/page-table.ts). */
  paths: ReadonlySet<string>;
  /**
   * Old path -> where the build's redirect leads (src/netlify/redirect-rules.ts), and whether the new page has the old
   * one's sections: an article's alias does; the course page an ended class leads to, and an editor's rule led on
   * through such a class, do not.
   */
  redirects: ReadonlyMap<string, { to: string; keepsSections: boolean }>;
  /** The element ids of pages whose ids are known (articles: their headings and the page's own sections), by path. */
  fragments: Pick<ReadonlyMap<string, ReadonlySet<string>>, "get">;
  /**
   * Paths no page of the table has that the check may not call missing: a file that could write them failed to load
   * (src/checks/links-beside-errors.ts). None when not given.
   */
  undecided?: (sitePath: string) => boolean;
}

/**
 * Questions asked of the pages a build writes, with paths as written: whether one is a page, and whether any page is
 * under a folder such as "/old/" (what a redirect's "/old/*" would cover).
 */
export function writtenPages(targets: Pick<LinkTargets, "paths">): { isWritten: (sitePath: string) => boolean; anythingUnder: (prefix: string) => boolean } {
  return {
    isWritten: (sitePath) => targets.paths.has(normaliseSitePath(sitePath)),
    anythingUnder: (prefix) => [...targets.paths].some((written) => written.startsWith(prefix)),
  };
}

/**
 * Checks every link in the Markdown bodies against the pages the build writes: an unknown path or a missing
 * #fragment is an error (with the nearest real path or id as a suggestion), a path only a redirect knows is a
 * warning naming the new path. Links to other sites, mail and phone are not followed: the build has no network.
 */
export function checkLinks(bodies: readonly LinkedBody[], targets: LinkTargets): ContentProblem[] {
  const problems: ContentProblem[] = [];
  // Every link to a missing page gets its nearest path once: an article removed may be linked from hundreds.
  const nearestPath = new Map<string, string | undefined>();
  const pathSuggestion = (sitePath: string, linkedFrom: string) => {
    if (!nearestPath.has(sitePath)) nearestPath.set(sitePath, closestMatch(sitePath, targets.paths));
    const said = nearestPath.get(sitePath);
    return nearest(said === linkedFrom ? undefined : said);
  };
  for (const body of bodies) {
    const parsed = parsedLinks(body, targets.origin);
    body.links.forEach((link, index) => {
      const at = (message: string, severity?: "warning") => problems.push({ file: body.file, line: link.line, field: body.field ?? "body", message, ...(severity ? { severity } : {}) });
      const target = parsed[index]!;
      // The link as the editor wrote it: "other.md", not the page it was pointed at.
      const href = shownHref(link.written ?? link.href);
      if (target === "invalid") return at(`link "${href}" is not a valid address`);
      if (target === "bad-escape") return at(`link "${link.written ?? link.href}" has a % that does not begin an escape of UTF-8 text (such as %20 for a space): write the character itself, or %25 for a percent sign`);
      if (target === "elsewhere") return;
      const { sitePath, pathname, hash, fragment } = target;
      if (!targets.paths.has(sitePath)) {
        const moved = targets.redirects.get(sitePath) ?? targets.redirects.get(pathname);
        if (moved) at(`link "${href}" goes through a redirect: link to "${moved.to}${moved.keepsSections ? hash : ""}" directly`, "warning");
        else if (targets.undecided?.(sitePath)) return;
        // Never the page the link is on: a relative link to another site's file ("ch05.html") resolves below it.
        else at(`link "${href}" leads to no page of this site${pathSuggestion(sitePath, normaliseSitePath(body.pageUrl))}`);
        return;
      }
      if (!fragment) return;
      const ids = targets.fragments.get(sitePath);
      if (ids && !ids.has(fragment)) {
        at(missingFragment(href, fragment, sitePath, ids));
      }
    });
  }
  return problems;
}

/**
 * A link to a #fragment of a page whose ids are known only once it is written: every page but an article (whose
 * ids come from its Markdown), such as "/about/#faculty" or "/schedule/#month-2027-01". The build checks them in the
 * written pages (src/checks/check-rendered-fragments.ts).
 */
export interface RenderedFragmentLink {
  file: string;
  line: number | undefined;
  field: string;
  href: string;
  /** The page, as the page table writes it ("/about/"). */
  sitePath: string;
  /** The id, decoded. */
  fragment: string;
  /** Whether time may take the section away from that page (src/pages/passing-sections.ts): a warning when gone. */
  passing?: boolean;
}

/** The links to a #fragment of a written page whose ids `targets.fragments` does not know: checkLinks passes them. */
export function renderedFragmentLinks(bodies: readonly LinkedBody[], targets: LinkTargets): RenderedFragmentLink[] {
  return bodies.flatMap((body) => {
    const parsed = parsedLinks(body, targets.origin);
    return body.links.flatMap((link, index) => {
      const target = parsed[index]!;
      if (typeof target === "string" || !target.fragment || !targets.paths.has(target.sitePath) || targets.fragments.get(target.sitePath)) return [];
      return [{ file: body.file, line: link.line, field: body.field ?? "body", href: shownHref(link.href), sitePath: target.sitePath, fragment: target.fragment }];
    });
  });
}

/**
 * Where a link leads, as far as its text and its page say: not a valid address, one whose %-escapes decode to no
 * text (`%C3` alone), another site, or a path of ours.
 */
type LinkTarget = "invalid" | "bad-escape" | "elsewhere" | { sitePath: string; pathname: string; hash: string; fragment: string };

/**
 * A link as an editor wrote it, for a message: markdown-it writes the characters of other scripts in an address as
 * %-escapes ("#установка" becomes "#%D1%83..."), which decodeURI turns back; a link it cannot decode is shown as it is.
 */
function shownHref(href: string): string {
  return decoded(href, decodeURI) ?? href;
}

/** `decode(text)`, or undefined where a %-escape is not UTF-8 (decodeURI and decodeURIComponent throw there). */
function decoded(text: string, decode: (text: string) => string): string | undefined {
  try {
    return decode(text);
  } catch {
    return undefined;
  }
}

/**
 * Each body's links resolved, by its links (the loaded content's, the same object while the file is unchanged)
 * and the address they were resolved against: `npm start` checks every link at each save, and parsing them is
 * most of that. What they are checked against (the pages, which change) is looked up afresh each time.
 */
const resolvedLinks = new WeakMap<readonly LinkReference[], { base: string; targets: LinkTarget[] }>();

function parsedLinks(body: LinkedBody, origin: string): LinkTarget[] {
  const base = `${origin}${body.pageUrl}`;
  const kept = resolvedLinks.get(body.links);
  if (kept?.base === base) return kept.targets;
  const targets = body.links.map((link): LinkTarget => {
    let url: URL;
    try {
      url = new URL(link.href, base);
    } catch {
      return "invalid";
    }
    if (url.origin !== origin) return "elsewhere";
    const pathname = decoded(url.pathname, decodeURI);
    const fragment = decoded(url.hash.slice(1), decodeURIComponent);
    if (pathname === undefined || fragment === undefined) return "bad-escape";
    return { sitePath: normaliseSitePath(pathname), pathname, hash: url.hash, fragment };
  });
  resolvedLinks.set(body.links, { base, targets });
  return targets;
}

/**
 * What is said of a link to a #fragment its page does not have, with the nearest id (src/content/suggest.ts) when one
 * is close enough to be a likely slip; `where` says how the page's ids were known, when not from its Markdown.
 */
export function missingFragment(href: string, fragment: string, sitePath: string, ids: Iterable<string>, where = ""): string {
  return `link "${href}" names #${fragment}, which ${sitePath} does not have${where}${nearest(closestMatch(fragment, ids), "#")}`;
}

/** ": did you mean …?" naming `match`, or nothing when there is none. */
function nearest(match: string | undefined, prefix = ""): string {
  return match === undefined ? "" : `: did you mean "${prefix}${match}"?`;
}
