import type { ZodType } from "zod";
import { articleSchema } from "../schemas/article.ts";
import { categorySchema } from "../schemas/category.ts";
import { courseSchema } from "../schemas/course.ts";
import { learningPathSchema } from "../schemas/learning-path.ts";
import { locationSchema } from "../schemas/location.ts";
import { pageCopySchema } from "../schemas/page-copy.ts";
import { personSchema } from "../schemas/person.ts";
import { policyClauseSchema } from "../schemas/policy.ts";
import { promotionSchema } from "../schemas/promotion.ts";
import { redirectSchema } from "../schemas/redirect.ts";
import { serviceSchema } from "../schemas/service.ts";
import { sessionSchema } from "../schemas/session.ts";
import { siteSchema } from "../schemas/site.ts";

/**
 * How a content type is stored, which decides how the CMS edits it:
 * - `markdown-folder`: one Markdown file with front matter per entry; the file name is the id;
 * - `folder`: one YAML file per entry; the file name is the id;
 * - `list`: one YAML file holding a list of entries;
 * - `map`: one YAML file holding `id: entry` pairs;
 * - `single`: one YAML file holding one object;
 * - `pages`: a fixed set of Markdown files with front matter, one per page; editors change them, never add one.
 */
export type Storage =
  | { kind: "markdown-folder"; folder: string }
  | { kind: "folder"; folder: string }
  | { kind: "list"; file: string }
  | { kind: "map"; file: string }
  | { kind: "single"; file: string }
  | { kind: "pages"; folder: string };

/** One kind of content an editor writes, with its schema and where its files live. */
export interface ContentType {
  /** Stable name, used as the CMS collection name and in references (FIELD_REFERENCES). */
  id: string;
  /** What editors call it. */
  label: string;
  /** One entry of it. */
  singular: string;
  /** What it is for, one or two sentences for the editors' guide. */
  purpose: string;
  schema: ZodType;
  /** The schema's export name in src/schemas, where its field comments are read from. */
  schemaName: string;
  storage: Storage;
}

/**
 * Every content type, in the order the editors' guide and the CMS list them. The paths are the loader's
 * (src/content/load-content.ts); tests/cms checks that each one exists and that every schema is covered.
 */
export const CONTENT_TYPES: readonly ContentType[] = [
  {
    id: "articles",
    label: "Articles",
    singular: "Article",
    purpose: "Posts under /articles/, with their author, tags and recommended courses: one folder per article holding index.md (or one <slug>.md file); the folder or file name is the address.",
    schema: articleSchema,
    schemaName: "articleSchema",
    storage: { kind: "markdown-folder", folder: "content/articles" },
  },
  {
    id: "courses",
    label: "Courses",
    singular: "Course",
    purpose: "The course directory. The file name is the course's id and its address, /courses/<id>/.",
    schema: courseSchema,
    schemaName: "courseSchema",
    storage: { kind: "folder", folder: "_data/courses" },
  },
  {
    id: "schedule",
    label: "Class schedule",
    singular: "Class",
    purpose: "Dated classes of a course, with their instructor, place and seats.",
    schema: sessionSchema,
    schemaName: "sessionSchema",
    storage: { kind: "list", file: "_data/schedule.yaml" },
  },
  {
    id: "services",
    label: "Consulting services",
    singular: "Service",
    purpose: "The consulting pages under /consulting/. The file name is the address.",
    schema: serviceSchema,
    schemaName: "serviceSchema",
    storage: { kind: "folder", folder: "_data/services" },
  },
  {
    id: "promotions",
    label: "Promotions",
    singular: "Promotion",
    purpose: "Offers shown on the home page and beside articles between two dates, or placed in an article with [[promotion: id]].",
    schema: promotionSchema,
    schemaName: "promotionSchema",
    storage: { kind: "list", file: "_data/promotions.yaml" },
  },
  {
    id: "authors",
    label: "Authors",
    singular: "Author",
    purpose: "People who write articles; each has a page listing their articles. The key is the id an article's `author` names.",
    schema: personSchema,
    schemaName: "personSchema",
    storage: { kind: "map", file: "_data/authors.yaml" },
  },
  {
    id: "instructors",
    label: "Instructors",
    singular: "Instructor",
    purpose: "People who teach classes. The key is the id a class's `instructor` names.",
    schema: personSchema,
    schemaName: "personSchema",
    storage: { kind: "map", file: "_data/instructors.yaml" },
  },
  {
    id: "locations",
    label: "Locations",
    singular: "Location",
    purpose: "Classrooms. The key is the id a classroom class's `location` names.",
    schema: locationSchema,
    schemaName: "locationSchema",
    storage: { kind: "map", file: "_data/locations.yaml" },
  },
  {
    id: "categories",
    label: "Course categories",
    singular: "Category",
    purpose: "The groups of the course directory. The key is the id a course's `category` names, and the group's address.",
    schema: categorySchema,
    schemaName: "categorySchema",
    storage: { kind: "map", file: "_data/categories.yaml" },
  },
  {
    id: "redirects",
    label: "Redirects",
    singular: "Redirect",
    purpose: "Old addresses of pages that moved, so that links and bookmarks keep working (articles list theirs in `aliases`).",
    schema: redirectSchema,
    schemaName: "redirectSchema",
    storage: { kind: "list", file: "_data/redirects.yaml" },
  },
  {
    id: "policies",
    label: "Policies",
    singular: "Policy clause",
    purpose: "The clauses of the policies page, in page order. A course or class can replace one clause by its id.",
    schema: policyClauseSchema,
    schemaName: "policyClauseSchema",
    storage: { kind: "list", file: "_data/policies.yaml" },
  },
  {
    id: "learning-paths",
    label: "Learning paths",
    singular: "Learning path",
    purpose: "Courses to take in order, with the certification they prepare for; each course on a path shows its place in it.",
    schema: learningPathSchema,
    schemaName: "learningPathSchema",
    storage: { kind: "list", file: "_data/learning-paths.yaml" },
  },
  {
    id: "page-copy",
    label: "Page copy",
    singular: "Page",
    purpose: "The words of the fixed pages: home, About, mentoring, private training, contact and consulting. Layout stays in the templates.",
    schema: pageCopySchema,
    schemaName: "pageCopySchema",
    storage: { kind: "pages", folder: "content/copy" },
  },
  {
    id: "site",
    label: "Site settings",
    singular: "Site settings",
    purpose: "The firm's name, contact details, navigation and the \"Did you know?\" facts.",
    schema: siteSchema,
    schemaName: "siteSchema",
    storage: { kind: "single", file: "_data/site.yaml" },
  },
];

/** Where a content type's files are, for messages and documents. */
export function storagePath(storage: Storage): string {
  return "folder" in storage ? `${storage.folder}/` : storage.file;
}
