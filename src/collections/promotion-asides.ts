import type { Content } from "../content/load-content.ts";
import { html, type SafeHtml } from "../html/escape-html.ts";
import { replacePromotionMarkers, type PromotionMarker } from "../markdown/promotion-marker.ts";
import type { BuildContext } from "./build-context.ts";
import { isRunning } from "./highlights.ts";
import type { CourseSummary } from "./views.ts";

/** What a `[[courses: ...]]` marker is headed with: it names courses, not a promotion with its own words. */
const COURSES_TITLE = "Learn it with HSG";

/** What an aside shows of a course it links to. */
type AsideCourse = Pick<CourseSummary, "url" | "title" | "levelLabel" | "lengthLabel">;

/**
 * Places the promotion asides in an article's HTML, now that the promotions and the courses are known. Rendering
 * left a placeholder per marker (src/markdown/promotion-marker.ts), so a rendered article stays a function of its
 * own file and can be cached; this is the one step that reads other files' data into it. Returns the function the
 * articles collection gives each article's loaded HTML to, so the article is built once with its asides in place.
 */
export function promotionAsides(content: Content, courses: Readonly<Record<string, AsideCourse>>, context: BuildContext): (articleHtml: string) => string {
  const promotions = new Map(content.promotions.flatMap((promotion) => (promotion.id ? [[promotion.id, promotion] as const] : [])));
  const render = (marker: PromotionMarker): string => {
    // The load-time check has refused unknown kinds and names, so every id here resolves.
    // The aside is a landmark, named by its visible title; the marker's line makes the title's id unique in the page.
    const titleId = `promotion-aside-${marker.line}`;
    // A draft course or promotion is not in a production model (src/collections/drafts.ts): the aside leaves it out.
    const linked = (ids: readonly string[]) => ids.flatMap((id) => courses[id] ?? []);
    if (marker.kind === "courses") return promotionAside(titleId, COURSES_TITLE, undefined, linked(marker.ids)).value;
    const promotion = promotions.get(marker.ids[0]!);
    if (!promotion) return "";
    // A dated offer placed in an article ends with its dates, as it does in the sidebar; a standing one always shows.
    if (promotion.validFrom && !isRunning(promotion, context.now)) return "";
    return promotionAside(titleId, promotion.title, promotion.body, linked(promotion.courses)).value;
  };
  return (articleHtml) => replacePromotionMarkers(articleHtml, render);
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
