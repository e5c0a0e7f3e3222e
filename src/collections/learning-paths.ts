import type { Content } from "../content/load-content.ts";
import { learningPathUrl, SITE_PATHS } from "../urls/site-urls.ts";
import type { CatalogCollections, CourseIndex, LearningPathRoutes, LearningPaths, PathStep } from "./views.ts";

/** Resolves the paths of `_data/learning-paths.yaml` against the courses, and where each course stands on them. */
export function buildLearningPathRoutes(content: Pick<Content, "learningPaths">, index: CourseIndex): LearningPathRoutes {
  const paths = content.learningPaths.map((path) => ({
    id: path.id,
    title: path.title,
    summary: path.summary,
    ...(path.certification ? { certification: path.certification } : {}),
    url: learningPathUrl(path.id),
    courses: path.courses.map((id) => index.byId[id]!),
  }));
  const stepsByCourse: Record<string, PathStep[]> = {};
  for (const path of paths) {
    path.courses.forEach((course, position) => {
      const previous = path.courses[position - 1];
      const next = path.courses[position + 1];
      (stepsByCourse[course.id] ??= []).push({ path, position: position + 1, positionLabel: `Step ${position + 1} of ${path.courses.length}`, ...(previous ? { previous } : {}), ...(next ? { next } : {}) });
    });
  }
  return { url: SITE_PATHS.learningPaths, paths, stepsByCourse };
}

/** The learning paths as their pages show them: each course from the directory, with its next class. */
export function buildLearningPaths(routes: LearningPathRoutes, catalog: CatalogCollections): LearningPaths {
  return { url: routes.url, paths: routes.paths.map((path) => ({ ...path, courses: path.courses.map((course) => catalog.byId[course.id]!) })) };
}
