import type { Content } from "../content/load-content.ts";
import { html, type SafeHtml } from "../html/escape-html.ts";
import { replacePromotionMarkers, type PromotionMarker } from "../markdown/promotion-marker.ts";
import { PROMOTION_ASIDE_PREFIX } from "../urls/site-urls.ts";
import { isRunning } from "./highlights.ts";
import type { StageClock } from "./stage-memo.ts";
import type { CourseSummary } from "./views.ts";

/** What a `[[courses: ...]]` marker is headed with: it names courses, not a promotion with its own words. */
const COURSES_TITLE = "Learn it with HSG";

/** What an aside shows of a course it links to. */
type AsideCourse = Pick<CourseSummary, "url" | "title" | "levelLabel" | "lengthLabel">;

/** What the articles collection does with an article's markers, once the promotions and the courses are known. */
export interface PromotionAsides {
  /** The article's loaded HTML with each marker's aside in place (or nothing, for an offer that is not running). */
  place(articleHtml: string): string;
  /** The ids the asides of these markers give the page, without the HTML: what a link's #fragment may name. */
  ids(markers: readonly PromotionMarker[]): string[];
}

/**
 * Places the promotion asides in an article's HTML, now that the promotions and the courses are known. Rendering
 * left a placeholder per marker (src/markdown/promotion-marker.ts), so a rendered article stays a function of its
 * own file and can be cached; this is the one step that reads other files' data into it. The articles collection
 * gives each article's loaded HTML to `place`, so the article is built once with its asides in place.
 */
export function promotionAsides(content: Pick<Content, "promotions">, courses: Readonly<Record<string, AsideCourse>>, clock: StageClock): PromotionAsides {
  const promotions = new Map(content.promotions.flatMap((promotion) => (promotion.id ? [[promotion.id, promotion] as const] : [])));
  // A draft course or promotion is not in a production model (src/collections/drafts.ts): the aside leaves it out.
  const linked = (ids: readonly string[]) => ids.flatMap((id) => courses[id] ?? []);
  // What the aside of a marker shows, or undefined when it shows none. The load-time check has refused unknown
  // kinds and names, so every id here resolves.
  const shown = (marker: PromotionMarker): { title: string; body?: string; courses: readonly string[] } | undefined => {
    if (marker.kind === "courses") return { title: COURSES_TITLE, courses: marker.ids };
    const promotion = promotions.get(marker.ids[0]!);
    // A dated offer placed in an article ends with its dates, as it does in the sidebar; a standing one always shows.
    if (!promotion || (promotion.validFrom && !isRunning(promotion, clock))) return undefined;
    return promotion;
  };
  // The aside is a landmark, named by its visible title (promotionAsideId).
  return {
    place: (articleHtml) =>
      replacePromotionMarkers(articleHtml, (marker) => {
        const aside = shown(marker);
        return aside ? promotionAside(promotionAsideId(marker), aside.title, aside.body, linked(aside.courses)).value : "";
      }),
    ids: (markers) => markers.flatMap((marker) => (shown(marker) ? [promotionAsideId(marker)] : [])),
  };
}

/**
 * The aside an article shows for a marker: a headline, an optional sentence or two, and links to the courses.
 * Search leaves it out (data-pagefind-ignore), so results quote the article, not the offer placed in it.
 */
export function promotionAside(titleId: string, title: string, body: string | undefined, courses: readonly AsideCourse[]): SafeHtml {
  return html`<aside class="promotion-aside" aria-labelledby="${titleId}" data-pagefind-ignore>
<p class="promotion-aside__title" id="${titleId}">${title}</p>
${body ? html`<p>${body}</p>\n` : ""}${
    courses.length > 0
      ? html`<ul class="promotion-aside__courses">
${courses.map((course) => html`<li><a href="${course.url}">${course.title}</a> <span class="meta">${course.levelLabel}, ${course.lengthLabel}</span></li>\n`)}</ul>\n`
      : ""
  }</aside>
`;
}

/** The id of the title of a marker's aside, whether or not its offer runs: the marker's line makes it unique in the page. */
export function promotionAsideId(marker: PromotionMarker): string {
  return `${PROMOTION_ASIDE_PREFIX}${marker.line}`;
}
