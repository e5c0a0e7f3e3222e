import type { Content } from "../content/load-content.ts";
import type { CatalogCollections, CatalogCourse } from "./catalog.ts";
import { learningPathUrl, SITE_PATHS } from "../urls/site-urls.ts";

/** A learning path with its courses resolved, in order. */
export interface LearningPathView {
  id: string;
  title: string;
  summary: string;
  certification?: string;
  url: string;
  courses: CatalogCourse[];
}

/** Where one course stands on a path: shown on the course's page. */
export interface PathStep {
  path: LearningPathView;
  /** 1-based. */
  position: number;
  /** "Step 2 of 3". */
  positionLabel: string;
  previous?: CatalogCourse;
  next?: CatalogCourse;
}

/** The learning paths, resolved against the catalog; each course is given its steps. */
export interface LearningPaths {
  url: string;
  paths: LearningPathView[];
}

/** Resolves the paths of `_data/learning-paths.yaml` and tells each course on them where it stands. */
export function buildLearningPaths(content: Content, catalog: CatalogCollections): LearningPaths {
  const paths = content.learningPaths.map((path) => ({
    id: path.id,
    title: path.title,
    summary: path.summary,
    ...(path.certification ? { certification: path.certification } : {}),
    url: learningPathUrl(path.id),
    courses: path.courses.map((id) => catalog.byId[id]!),
  }));
  for (const path of paths) {
    path.courses.forEach((course, index) => {
      const previous = path.courses[index - 1];
      const next = path.courses[index + 1];
      course.paths.push({ path, position: index + 1, positionLabel: `Step ${index + 1} of ${path.courses.length}`, ...(previous ? { previous } : {}), ...(next ? { next } : {}) });
    });
  }
  return { url: SITE_PATHS.learningPaths, paths };
}
