import type { Content } from "../content/load-content.ts";
import { firstWhere } from "../lib/collections.ts";
import { serviceUrl } from "../urls/site-urls.ts";
import type { ArticleCollections, CatalogCollections, ConsultingService } from "./views.ts";

/** How many of the newest articles on its courses a service page shows. */
const SERVICE_ARTICLES = 3;

/** Resolves the consulting services, in their editors' order. */
export function buildServices(content: Content, catalog: CatalogCollections, articles: ArticleCollections): ConsultingService[] {
  return content.services.map((service) => {
    const courseIds = new Set(service.relatedCourses);
    return {
      ...service,
      url: serviceUrl(service.id),
      courses: service.relatedCourses.map((id) => catalog.byId[id]!),
      articles: firstWhere(articles.published, SERVICE_ARTICLES, (article) => article.relatedCourses.some((id) => courseIds.has(id))),
    };
  });
}
