import type { Content } from "../content/load-content.ts";
import type { ContentProblem } from "../content/problems.ts";
import { buildArticleCollections, linkArticleCourses, type ArticleCollections } from "./articles.ts";
import type { BuildContext } from "./build-context.ts";
import { attachSessions, buildCatalogCollections, type CatalogCollections } from "./catalog.ts";
import { buildPageCopy, type PageCopy } from "./page-copy.ts";
import type { PageCopyId } from "../content/page-copy-pages.ts";
import { nextChangeFile, type NextChangeFile } from "../feeds/next-change.ts";
import { draftProblems, visibleContent } from "./drafts.ts";
import { buildHighlights, type Highlights } from "./highlights.ts";
import { placeholderProblems } from "./placeholders.ts";
import { placePromotionAsides } from "./promotion-asides.ts";
import { buildInstructors, type Instructor } from "./instructors.ts";
import { buildLearningPaths, type LearningPaths } from "./learning-paths.ts";
import { buildPolicies, type Policies } from "./policies.ts";
import { buildScheduleCollections, type ScheduleCollections } from "./schedule.ts";
import { buildServices, type ConsultingService } from "./services.ts";
import { buildVenues, type Venue } from "./venues.ts";

/** Everything templates read, derived from the content once per build. */
export interface SiteModel {
  /** The content this build shows: in production, without drafts (src/collections/drafts.ts). */
  content: Content;
  context: BuildContext;
  articles: ArticleCollections;
  schedule: ScheduleCollections;
  catalog: CatalogCollections;
  instructors: Instructor[];
  venues: Venue[];
  policies: Policies;
  learningPaths: LearningPaths;
  services: ConsultingService[];
  highlights: Highlights;
  /** The fixed pages' words, rendered. */
  copy: Record<PageCopyId, PageCopy>;
  /** When this build goes stale: written to /next-change.json for the scheduled rebuild. */
  nextChange: NextChangeFile;
  /** What deriving found wrong or unfinished (a published class of a draft course, placeholders left), for the checks to report. */
  problems: ContentProblem[];
}

/**
 * Derives every collection from validated content, in dependency order: the catalog, instructors, venues and
 * policies first, so that each session is resolved against them; then the schedule, whose sessions are handed
 * back to the courses, instructors and venues. Drafts are left out (or marked) first, once, by the build's context.
 */
export function buildSiteModel(loaded: Content, context: BuildContext): SiteModel {
  const content = visibleContent(loaded, context);
  const articles = buildArticleCollections(content, context);
  const catalog = buildCatalogCollections(content, articles);
  linkArticleCourses(articles.list, (id) => catalog.byId[id]!);
  const instructors = buildInstructors(content, catalog);
  const venues = buildVenues(content);
  const policies = buildPolicies(content);
  const learningPaths = buildLearningPaths(content, catalog);
  const schedule = buildScheduleCollections(content, context, { catalog, instructors, venues, policies });
  attachSessions(catalog, schedule.upcoming);
  placePromotionAsides(articles.list, content, catalog, context);
  const services = buildServices(content, catalog, articles);
  return {
    content,
    context,
    articles,
    schedule,
    catalog,
    instructors,
    venues,
    policies,
    learningPaths,
    services,
    highlights: buildHighlights(content, context),
    copy: buildPageCopy(content, context),
    nextChange: nextChangeFile(content, context),
    // Read from everything loaded, drafts included: a draft's placeholders are what is still to fill in.
    problems: [...draftProblems(loaded), ...placeholderProblems(loaded, context)],
  };
}
