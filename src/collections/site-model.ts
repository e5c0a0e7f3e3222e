import type { Content } from "../content/load-content.ts";
import type { ContentProblem } from "../content/problems.ts";
import type { PageCopyId } from "../schemas/page-copy.ts";
import { nextChangeFile, type NextChangeFile } from "../feeds/next-change.ts";
import { articleSettings, courseLinks, deriveArticleCollections, type KeptArticles } from "./articles.ts";
import type { BuildContext } from "./build-context.ts";
import { buildCatalogCollections, buildCourseIndex, type KeptSummaries } from "./catalog.ts";
import { draftProblems, visibleContent } from "./drafts.ts";
import { buildHighlights } from "./highlights.ts";
import { buildInstructorProfiles, buildInstructors, type KeptProfiles } from "./instructors.ts";
import { buildLearningPathRoutes, buildLearningPaths } from "./learning-paths.ts";
import { buildPageCopy } from "./page-copy.ts";
import { placeholderProblems } from "./placeholders.ts";
import { buildPolicies } from "./policies.ts";
import { buildScheduleCollections, type CourseClasses, type Resolutions } from "./schedule.ts";
import { buildServices } from "./services.ts";
import { contentParts, StageClock, StageMemo } from "./stage-memo.ts";
import { buildVenueProfiles, buildVenues } from "./venues.ts";
import type {
  ArticleCollections,
  CatalogCollections,
  ConsultingService,
  Highlights,
  Instructor,
  LearningPaths,
  PageCopy,
  Policies,
  ScheduleCollections,
  Venue,
} from "./views.ts";

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
 * Receives each stage's output as soon as it is built, before a later stage reads it, and returns it. The build
 * passes it through; tests deep-freeze it there, which proves that no stage writes into an earlier one's objects.
 */
export type StageOutput = <T>(stage: string, output: T) => T;

const asBuilt: StageOutput = (_stage, output) => output;

/**
 * Derives every collection from validated content, one way: each stage returns new objects and the relations it
 * found (the schedule's classes by course, instructor and venue; the paths' steps by course; the articles by course),
 * and only this function hands one stage's output to the next. The courses' labels, the instructors and the venues
 * come first, so that each class and article resolves against them; the directory, the instructor and venue pages
 * and the learning paths are built last, from those relations. Drafts are left out (or marked) first, once, by the
 * build's context. `memo` keeps stages from an earlier call (one per `npm start` process): a stage whose inputs are
 * the same objects, and whose comparisons with the clock give the same answers, is not derived again.
 */
export function buildSiteModel(loaded: Content, context: BuildContext, stage: StageOutput = asBuilt, memo: StageMemo = new StageMemo({ records: false })): SiteModel {
  const content = stage("content", visibleContent(loaded, context));
  const clock = StageClock.at(context.now);
  // Each stage is kept from the last build when what it reads is the same: a save reaches only the stages of its file.
  const courseIndex = stage("courseIndex", memo.derive("courseIndex", [contentParts(content, "courses", "categories", "site"), memo.records<KeptSummaries>("courseIndex")], buildCourseIndex));
  // The articles read only what they show of each course: a course's save that changes none of it keeps them.
  const articles = stage("articles", memo.derive("articles", [contentParts(content, "articles", "authors", "promotions", "site"), articleSettings(context), courseLinks(courseIndex.byId), clock, memo.records<KeptArticles>("articles", () => new Map())], deriveArticleCollections));
  const instructorProfiles = stage("instructorProfiles", memo.derive("instructorProfiles", [contentParts(content, "instructors"), memo.records<KeptProfiles>("instructorProfiles")], buildInstructorProfiles));
  const venueProfiles = stage("venueProfiles", memo.derive("venueProfiles", [contentParts(content, "locations")], buildVenueProfiles));
  const policies = stage("policies", memo.derive("policies", [contentParts(content, "policies")], buildPolicies));
  const routes = stage("learningPathRoutes", memo.derive("learningPathRoutes", [contentParts(content, "learningPaths"), courseIndex], buildLearningPathRoutes));
  const references = { courses: courseIndex, instructors: instructorProfiles, venues: venueProfiles, policies };
  const schedule = stage("schedule", memo.derive("schedule", [contentParts(content, "sessions", "site"), clock, references, memo.records<Resolutions>("schedule"), memo.records<CourseClasses>("schedule.classes")], buildScheduleCollections));
  const catalog = stage(
    "catalog",
    buildCatalogCollections(content, courseIndex, { sessionsByCourse: schedule.sessionsByCourse, stepsByCourse: routes.stepsByCourse, articlesByCourse: articles.byCourse }),
  );
  return {
    content,
    context,
    articles,
    schedule,
    catalog,
    instructors: stage("instructors", buildInstructors(instructorProfiles, content, courseIndex, schedule.sessionsByInstructor)),
    venues: stage("venues", buildVenues(venueProfiles, schedule.sessionsByVenue)),
    policies,
    learningPaths: stage("learningPaths", buildLearningPaths(routes, catalog)),
    services: stage("services", buildServices(content, catalog, articles)),
    highlights: stage("highlights", buildHighlights(content, context, schedule.bookable)),
    copy: stage("copy", buildPageCopy(content, context)),
    nextChange: stage("nextChange", nextChangeFile(content, context)),
    // Read from everything loaded, drafts included: a draft's placeholders are what is still to fill in.
    problems: stage("problems", [...draftProblems(loaded), ...placeholderProblems(loaded, context)]),
  };
}
