import type { ArticleCollections, CatalogCollections, ConsultingService, ScheduleCollections } from "../collections/views.ts";
import type { BuildContext } from "../collections/build-context.ts";
import type { Site } from "../schemas/site.ts";

/** The global data every template receives from the site data plugin, for 11ty.ts templates. */
export interface SiteTemplateData {
  site: Site;
  build: BuildContext;
  articles: ArticleCollections;
  schedule: ScheduleCollections;
  catalog: CatalogCollections;
  services: ConsultingService[];
}
