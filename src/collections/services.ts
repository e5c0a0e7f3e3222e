import type { ServiceSource } from "../content/located.ts";
import type { Content } from "../content/load-content.ts";
import type { Service } from "../schemas/service.ts";
import { serviceUrl } from "../urls/site-urls.ts";
import type { Article, ArticleCollections } from "./articles.ts";
import type { CatalogCollections, CatalogCourse } from "./catalog.ts";

/** A consulting service with its page URL, courses and articles resolved. */
export interface ConsultingService extends Service, Pick<ServiceSource, "links" | "imageJobs"> {
  url: string;
  /** The body rendered from Markdown by the loader (cached per file version). */
  bodyHtml: string;
  courses: CatalogCourse[];
  /** Up to three newest articles that recommend one of the service's courses. */
  articles: Article[];
}

/** Resolves the consulting services, in their editors' order. */
export function buildServices(content: Content, catalog: CatalogCollections, articles: ArticleCollections): ConsultingService[] {
  return content.services.map((service) => {
    const courseIds = new Set(service.relatedCourses);
    return {
      ...service,
      url: serviceUrl(service.id),
      courses: service.relatedCourses.map((id) => catalog.byId[id]!),
      articles: articles.published.filter((article) => article.relatedCourses.some((id) => courseIds.has(id))).slice(0, 3),
    };
  });
}
