import type { Content } from "../content/load-content.ts";
import { html, type SafeHtml } from "../html/escape-html.ts";
import { replacePromotionMarkers, type PromotionMarker } from "../markdown/promotion-marker.ts";
import type { Article } from "./articles.ts";
import type { BuildContext } from "./build-context.ts";
import type { CatalogCollections, CatalogCourse } from "./catalog.ts";
import { isRunning } from "./highlights.ts";

/** What a `[[courses: ...]]` marker is headed with: it names courses, not a promotion with its own words. */
const COURSES_TITLE = "Learn it with HSG";

/**
 * Turns the promotion markers of every article into asides, now that the catalogue is known. Rendering left a
 * placeholder per marker (src/markdown/promotion-marker.ts), so a rendered article stays a function of its own
 * file and can be cached; this is the one step that reads other files' data into it. The articles are shared by
 * every list in the model, so their HTML is replaced in place, once per build.
 */
export function placePromotionAsides(articles: readonly Article[], content: Content, catalog: CatalogCollections, context: BuildContext): void {
  const promotions = new Map(content.promotions.flatMap((promotion) => (promotion.id ? [[promotion.id, promotion] as const] : [])));
  const render = (marker: PromotionMarker): string => {
    // The load-time check has refused unknown kinds and names, so every id here resolves.
    // The aside is a landmark, named by its visible title; the marker's line makes the title's id unique in the page.
    const titleId = `promotion-aside-${marker.line}`;
    // A draft course or promotion is not in a production model (src/collections/drafts.ts): the aside leaves it out.
    const courses = (ids: readonly string[]) => ids.flatMap((id) => catalog.byId[id] ?? []);
    if (marker.kind === "courses") return promotionAside(titleId, COURSES_TITLE, undefined, courses(marker.ids)).value;
    const promotion = promotions.get(marker.ids[0]!);
    if (!promotion) return "";
    // A dated offer placed in an article ends with its dates, as it does in the sidebar; a standing one always shows.
    if (promotion.validFrom && !isRunning(promotion, context.now)) return "";
    return promotionAside(titleId, promotion.title, promotion.body, courses(promotion.courses)).value;
  };
  for (const article of articles) article.html = replacePromotionMarkers(article.html, render);
}

/**
 * The aside an article shows for a marker: a headline, an optional sentence or two, and links to the courses.
 * Search leaves it out (data-pagefind-ignore), so results quote the article, not the offer placed in it.
 */
export function promotionAside(titleId: string, title: string, body: string | undefined, courses: readonly CatalogCourse[]): SafeHtml {
  return html`<aside class="promotion-aside" aria-labelledby="${titleId}" data-pagefind-ignore>
<p class="promotion-aside__title" id="${titleId}">${title}</p>
${body ? html`<p>${body}</p>\n` : ""}${
    courses.length > 0
      ? html`<ul class="promotion-aside__courses">
${courses.map((course) => html`<li><a href="${course.url}">${course.title}</a> <span class="meta">${course.levelLabel}, ${daysLabel(course.durationDays)}</span></li>\n`)}</ul>\n`
      : ""
  }</aside>
`;
}

function daysLabel(days: number): string {
  return days === 1 ? "1 day" : `${days} days`;
}
