import type { ArticleFrontMatter } from "../schemas/article.ts";
import type { Category } from "../schemas/category.ts";
import type { Course } from "../schemas/course.ts";
import type { Location } from "../schemas/location.ts";
import type { Person } from "../schemas/person.ts";
import type { Promotion } from "../schemas/promotion.ts";
import type { PolicyClause } from "../schemas/policy.ts";
import type { LearningPath } from "../schemas/learning-path.ts";
import type { Redirect } from "../schemas/redirect.ts";
import type { Service } from "../schemas/service.ts";
import type { Session } from "../schemas/session.ts";
import type { ImageJob, PreparedImage } from "../images/content-images.ts";
import type { Heading, LinkReference } from "../markdown/markdown-state.ts";
import type { PromotionMarker } from "../markdown/promotion-marker.ts";
import type { YamlSource } from "./yaml-source.ts";

/**
 * The shapes content has once each file is loaded, shared by the loader and the cross-checks. This module
 * imports neither, so data flows one way: files -> load-file -> load-content -> cross-check.
 */

/** An article as written: front matter, Markdown body and where it came from, with its body rendered. */
export type ArticleSource = ArticleFrontMatter & {
  /** The file name without `.md`, or the folder's name for `<slug>/index.md`: the article's URL slug. */
  slug: string;
  /** Path relative to the project root. */
  file: string;
  /** The Markdown below the front matter. */
  body: string;
  /** The file's line on which the body begins, so a problem found in the body can name its line in the file. */
  bodyLine: number;
  /** The body rendered to HTML by src/markdown, once per file version (cached). */
  html: string;
  /** Reading time in whole minutes. */
  readingMinutes: number;
  /** The body's headings with their ids, for the table of contents and for checking links to #fragments. */
  headings: Heading[];
  /** Links in the body, with their lines, for the link check. */
  links: LinkReference[];
  /** Every id the rendered body gives an element (headings, footnotes): what a link's #fragment may name. */
  ids: string[];
  /** The promotion markers the body places, for the cross-check. */
  promotionMarkers: PromotionMarker[];
  /** The file's lines in the body that still hold a placeholder of `npm run new`. */
  placeholderLines: number[];
  /** Images the build publishes for this article (lead image and body). */
  imageJobs: ImageJob[];
  /** The lead image from `image`, ready for markup. */
  leadImage?: PreparedImage;
};

/** A course with its description rendered, once per file version (cached). */
export type CourseSource = Course & {
  /** The file it was read from, relative to the project: `_data/courses/<id>.yaml` (or `.yml`), for problems to name. */
  file: string;
  /** The description rendered from Markdown. */
  descriptionHtml: string;
  /** Links in the description, with their lines, for the link check. */
  links: LinkReference[];
  /** Images the build publishes for the description. */
  imageJobs: ImageJob[];
};

/** A consulting service with its body rendered, once per file version (cached). */
export type ServiceSource = Service & {
  /** The file it was read from, relative to the project: `_data/services/<id>.yaml` (or `.yml`), for problems to name. */
  file: string;
  /** The body rendered from Markdown. */
  bodyHtml: string;
  /** Links in the body, with their lines, for the link check. */
  links: LinkReference[];
  /** Images the build publishes for the body. */
  imageJobs: ImageJob[];
};

/** An author or instructor with the portrait from `photo` resolved, once per file version (cached). */
export type PersonSource = Person & {
  /** The portrait ready for markup, with the alt text the page uses ("" when `photoAlt` is `decorative`). */
  portrait?: { image: PreparedImage; alt: string };
  /** Images the build publishes for the portrait. */
  imageJobs: ImageJob[];
};

/** Where a validated entity was read: enough to name a field's line in a problem. */
export type LineSource = Pick<YamlSource, "file" | "lineOf">;

/** A validated entity with the place it was read from, kept until the cross-checks have run. */
export interface Located<T> {
  data: T;
  source: LineSource;
  path: (string | number)[];
}

/** Located entities, as the cross-checks see them. */
export interface LocatedContent {
  authors: Located<PersonSource>[];
  instructors: Located<PersonSource>[];
  locations: Located<Location>[];
  categories: Located<Category>[];
  courses: Located<CourseSource>[];
  sessions: Located<Session>[];
  services: Located<ServiceSource>[];
  promotions: Located<Promotion>[];
  redirects: Located<Redirect>[];
  articles: Located<ArticleSource>[];
  policies: Located<PolicyClause>[];
  learningPaths: Located<LearningPath>[];
}
