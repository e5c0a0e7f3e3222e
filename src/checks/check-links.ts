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
  /** Old path -> new path, from aliases and _data/redirects.yaml. */
  redirects: ReadonlyMap<string, string>;
  /** The element ids of pages whose ids are known (articles: their headings and the page's own sections). */
  fragments: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * Checks every link in the Markdown bodies against the pages the build writes: an unknown path or a missing
 * #fragment is an error (with the nearest real path or id as a suggestion), a path only a redirect knows is a
 * warning naming the new path. Links to other sites, mail and phone are not followed: the build has no network.
 */
export function checkLinks(bodies: readonly LinkedBody[], targets: LinkTargets): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const body of bodies) {
    for (const link of body.links) {
      const at = (message: string, severity?: "warning") => problems.push({ file: body.file, line: link.line, field: body.field ?? "body", message, ...(severity ? { severity } : {}) });
      let url: URL;
      try {
        url = new URL(link.href, `${targets.origin}${body.pageUrl}`);
      } catch {
        at(`link "${link.href}" is not a valid address`);
        continue;
      }
      if (url.origin !== targets.origin) continue;
      const pathname = decodeURI(url.pathname);
      const fragment = url.hash ? decodeURIComponent(url.hash.slice(1)) : "";
      const sitePath = normaliseSitePath(pathname);
      if (!targets.paths.has(sitePath)) {
        const moved = targets.redirects.get(sitePath) ?? targets.redirects.get(pathname);
        if (moved) at(`link "${link.href}" goes through a redirect: link to "${moved}${url.hash}" directly`, "warning");
        else at(`link "${link.href}" leads to no page of this site${suggestion(sitePath, targets.paths)}`);
        continue;
      }
      const ids = targets.fragments.get(sitePath);
      if (fragment && ids && !ids.has(fragment)) {
        at(`link "${link.href}" names #${fragment}, which ${sitePath} does not have${suggestion(fragment, ids, "#")}`);
      }
    }
  }
  return problems;
}

/** ": did you mean …?" with the nearest candidate (src/content/suggest.ts), when one is close enough to be a likely slip. */
function suggestion(wrong: string, candidates: Iterable<string>, prefix = ""): string {
  const match = closestMatch(wrong, candidates);
  return match === undefined ? "" : `: did you mean "${prefix}${match}"?`;
}
