import type { Content } from "../content/load-content.ts";
import { serviceUrl } from "../urls/site-urls.ts";
import type { ArticleCollections, CatalogCollections, ConsultingService } from "./views.ts";

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
