import type { ContentKind } from "./content-edits.ts";
import { articleSchema } from "../../src/schemas/article.ts";
import { categorySchema } from "../../src/schemas/category.ts";
import { courseSchema } from "../../src/schemas/course.ts";
import { learningPathSchema } from "../../src/schemas/learning-path.ts";
import { locationSchema } from "../../src/schemas/location.ts";
import { pageCopySchema } from "../../src/schemas/page-copy.ts";
import { personSchema } from "../../src/schemas/person.ts";
import { policyClauseSchema } from "../../src/schemas/policy.ts";
import { promotionSchema } from "../../src/schemas/promotion.ts";
import { redirectSchema } from "../../src/schemas/redirect.ts";
import { serviceSchema } from "../../src/schemas/service.ts";
import { sessionSchema } from "../../src/schemas/session.ts";
import { siteSchema } from "../../src/schemas/site.ts";

/** Every kind of content, with where its files are: the fields to change come from each schema. */
export const KINDS: ContentKind[] = [
  { name: "article", schema: articleSchema, where: "content/articles", layout: "front-matter" },
  { name: "page copy", schema: pageCopySchema, where: "content/copy", layout: "front-matter" },
  { name: "category", schema: categorySchema, where: "_data/categories.yaml", layout: "map" },
  { name: "course", schema: courseSchema, where: "_data/courses", layout: "single" },
  { name: "learning path", schema: learningPathSchema, where: "_data/learning-paths.yaml", layout: "list" },
  { name: "location", schema: locationSchema, where: "_data/locations.yaml", layout: "map" },
  { name: "author", schema: personSchema, where: "_data/authors.yaml", layout: "map" },
  { name: "instructor", schema: personSchema, where: "_data/instructors.yaml", layout: "map" },
  { name: "policy", schema: policyClauseSchema, where: "_data/policies.yaml", layout: "list" },
  { name: "promotion", schema: promotionSchema, where: "_data/promotions.yaml", layout: "list" },
  { name: "redirect", schema: redirectSchema, where: "_data/redirects.yaml", layout: "list" },
  { name: "service", schema: serviceSchema, where: "_data/services", layout: "single" },
  { name: "session", schema: sessionSchema, where: "_data/schedule.yaml", layout: "list" },
  { name: "site", schema: siteSchema, where: "_data/site.yaml", layout: "single" },
];

