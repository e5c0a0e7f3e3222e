import type { Content, CourseSource } from "../content/load-content.ts";
import type { ContentProblem } from "../content/problems.ts";
import { copyWith } from "../lib/copy-with.ts";
import type { BuildContext } from "./build-context.ts";

/** What a draft's title starts with where a build shows it (`npm start`, previews), so nobody takes it for published. */
export const DRAFT_TITLE_PREFIX = "Draft: ";

/**
 * The content a build shows: the one place that applies `draft: true` to courses, classes, promotions, services and
 * learning paths (articles, which can also be scheduled, follow the same rule in articles.ts). In production a
 * draft is left out, with every list that names a draft course (related courses, a promotion's or a path's
 * courses) shortened; a class of a draft course goes with it. In previews and development drafts stay, their
 * titles marked "Draft: ". The loaded content is shared between builds, so changed entries are copies.
 */
export function visibleContent(content: Content, context: BuildContext): Content {
  if (context.includeUnpublished) return markDrafts(content);
  const published = <T extends { draft: boolean }>(items: readonly T[]) => items.filter((item) => !item.draft);
  return withCoursesOnly(
    { ...content, sessions: published(content.sessions), promotions: published(content.promotions), services: published(content.services), learningPaths: published(content.learningPaths) },
    Object.fromEntries(Object.entries(content.courses).filter(([, course]) => !course.draft)),
  );
}

/**
 * The content with `courses` as its courses, and every other course left out as a draft one is in production: its
 * classes go with it, every list that names it (related courses, a promotion's or a path's courses) is shortened, and
 * a path left with fewer than two courses waits. Also how the link check beside the errors of course files derives
 * the rest of the site (src/checks/check-site.ts).
 */
export function withCoursesOnly(content: Content, courses: Content["courses"]): Content {
  const kept = (ids: readonly string[]) => ids.filter((id) => id in courses);
  const sameOrCopy = <T extends object>(item: T, key: keyof T & string, ids: readonly string[]): T => {
    const shortened = kept(ids);
    return shortened.length === ids.length ? item : copyWith(item, { [key]: shortened } as Partial<T>);
  };
  return {
    ...content,
    courses: Object.fromEntries(Object.entries(courses).map(([id, course]) => [id, sameOrCopy(course, "relatedCourses", course.relatedCourses)])),
    sessions: content.sessions.filter((session) => session.course in courses),
    promotions: content.promotions.map((promotion) => sameOrCopy(promotion, "courses", promotion.courses)),
    services: content.services.map((service) => sameOrCopy(service, "relatedCourses", service.relatedCourses)),
    // A path needs two steps to be a path: one whose other courses are all left out waits for them.
    learningPaths: content.learningPaths.filter((path) => kept(path.courses).length >= 2).map((path) => sameOrCopy(path, "courses", path.courses)),
    articles: content.articles.map((article) => sameOrCopy(article, "relatedCourses", article.relatedCourses)),
  };
}

/**
 * Each draft's marked copy, by the loaded entry: the same entry gives the same copy in every build of `npm start`,
 * so a stage that reads an unchanged draft finds its input unchanged (src/collections/stage-memo.ts).
 */
const markedDrafts = new WeakMap<object, object>();

/** Drafts kept, each with its title marked, for builds that show them. */
function markDrafts(content: Content): Content {
  const mark = <T extends { draft: boolean; title: string }>(item: T): T => {
    if (!item.draft) return item;
    let marked = markedDrafts.get(item) as T | undefined;
    if (!marked) {
      marked = copyWith(item, { title: `${DRAFT_TITLE_PREFIX}${item.title}` } as Partial<T>);
      markedDrafts.set(item, marked);
    }
    return marked;
  };
  return {
    ...content,
    courses: Object.fromEntries(Object.entries(content.courses).map(([id, course]) => [id, mark<CourseSource>(course)])),
    promotions: content.promotions.map(mark),
    services: content.services.map(mark),
    learningPaths: content.learningPaths.map(mark),
  };
}

/**
 * A class that is published while its course is a draft: production would leave the class out with its course,
 * so the check says so rather than letting it vanish. An error in every build, so `npm start` and `npm run check`
 * agree with the deploy.
 */
export function draftProblems(content: Content): ContentProblem[] {
  return content.sessions.flatMap((session, index) =>
    !session.draft && content.courses[session.course]?.draft
      ? [
          {
            file: "_data/schedule.yaml",
            line: content.lineOf("_data/schedule.yaml", [index, "course"]),
            field: `[${index}].course`,
            message: `${session.course} is a draft course, so the class ${session.id} cannot be published: add draft: true to the class too, or publish the course (remove draft: true from ${content.courses[session.course]!.file})`,
          },
        ]
      : [],
  );
}
