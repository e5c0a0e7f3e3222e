import { markerKinds } from "../markdown/promotion-marker.ts";
import { teachingDayCount } from "../time/teaching-days.ts";
import type { LocatedContent, Located } from "./located.ts";
import { fieldName, type ContentProblem } from "./problems.ts";
import { normaliseSitePath } from "./site-path.ts";
import { didYouMean } from "./suggest.ts";
import { tagSlug } from "./tag-slug.ts";
import { articleUrl, listPageUrl, SITE_PATHS, tagUrl } from "../urls/site-urls.ts";

/** What the reader learnt about files beyond their valid entries. */
export interface DeclaredIds {
  /** Ids per file or folder, including entries that failed validation. */
  declared: ReadonlyMap<string, ReadonlySet<string>>;
  /** Files that could not be read or parsed. */
  unreadable: ReadonlySet<string>;
}

/**
 * Checks what no single file can: every reference points at something that exists, ids are unique,
 * every tag can have a page, and no two redirects fight over one old URL.
 */
export function crossCheck(content: LocatedContent, files: DeclaredIds = { declared: new Map(), unreadable: new Set() }): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const at = <T>(item: Located<T>, field: (string | number)[], message: string) => {
    const fieldPath = [...item.path, ...field];
    problems.push({ file: item.source.file, line: item.source.lineOf(fieldPath), field: fieldName(fieldPath), message });
  };
  // Ids declared by entries that failed validation still count, and a file that could not be parsed at all
  // vouches for any id: their own errors are already reported, and echoing them here would bury them.
  const idsOf = (items: Located<{ id: string }>[], file: string): ReadonlySet<string> | "unknown" =>
    files.unreadable.has(file) ? "unknown" : new Set([...items.map((item) => item.data.id), ...(files.declared.get(file) ?? [])]);
  const authors = idsOf(content.authors, "_data/authors.yaml");
  const instructors = idsOf(content.instructors, "_data/instructors.yaml");
  const locations = idsOf(content.locations, "_data/locations.yaml");
  const categories = idsOf(content.categories, "_data/categories.yaml");
  const courses = idsOf(content.courses, "_data/courses");

  const requireRef = <T>(item: Located<T>, field: (string | number)[], id: string | undefined, known: ReadonlySet<string> | "unknown", kind: string, file: string) => {
    if (id !== undefined && known !== "unknown" && !known.has(id)) at(item, field, `${kind} "${id}" does not exist${didYouMean(id, known)} (see ${file})`);
  };
  const requireCourses = <T>(item: Located<T>, ids: readonly string[], field = "relatedCourses") =>
    ids.forEach((id, index) => requireRef(item, [field, index], id, courses, "course", "_data/courses/"));

  for (const course of content.courses) {
    requireRef(course, ["category"], course.data.category, categories, "category", "_data/categories.yaml");
    requireCourses(course, course.data.relatedCourses);
    if (course.data.relatedCourses.includes(course.data.id)) at(course, ["relatedCourses"], "must not list the course itself");
  }
  for (const service of content.services) requireCourses(service, service.data.relatedCourses);

  const courseById = new Map(content.courses.map((course) => [course.data.id, course]));
  const seenSessions = new Map<string, Located<{ id: string }>>();
  for (const session of content.sessions) {
    const { data } = session;
    requireRef(session, ["course"], data.course, courses, "course", "_data/courses/");
    requireRef(session, ["instructor"], data.instructor, instructors, "instructor", "_data/instructors.yaml");
    requireRef(session, ["location"], data.location, locations, "location", "_data/locations.yaml");
    const course = courseById.get(data.course);
    if (course) {
      // A class meets on each weekday from its first to its last day, or on its listed meetings: that count must be the course's length.
      const days = data.meetings?.length ?? teachingDayCount(data.start, data.end);
      if (days !== course.data.durationDays) {
        const counted = data.meetings ? "meetings listed" : "weekdays from start to end";
        at(session, [data.meetings ? "meetings" : "end"], `gives ${days} teaching ${days === 1 ? "day" : "days"} (${counted}), but course "${data.course}" lasts ${course.data.durationDays} (durationDays in ${course.source.file})`);
      }
    }
    const earlier = seenSessions.get(data.id);
    if (earlier) at(session, ["id"], `"${data.id}" is already used at line ${earlier.source.lineOf([...earlier.path, "id"])}; session ids must be unique`);
    else seenSessions.set(data.id, session);
  }

  const services = new Map<number, Located<{ id: string }>>();
  for (const service of content.services) {
    const earlier = services.get(service.data.order);
    if (earlier) at(service, ["order"], `${service.data.order} is already used by ${earlier.source.file}`);
    else services.set(service.data.order, service);
  }

  const promotions = new Map<string, Located<{ id?: string }>>();
  content.promotions.forEach((promotion) => {
    requireCourses(promotion, promotion.data.courses, "courses");
    const id = promotion.data.id;
    if (id === undefined) return;
    const earlier = promotions.get(id);
    if (earlier) at(promotion, ["id"], `"${id}" is already used at line ${earlier.source.lineOf([...earlier.path, "id"])}; promotion ids must be unique`);
    else promotions.set(id, promotion);
  });
  const promotionIds = files.unreadable.has("_data/promotions.yaml") ? "unknown" : new Set([...promotions.keys()]);

  problems.push(...checkPromotionMarkers(content.articles, promotionIds, courses));

  // Spellings of a tag that differ only in case, spaces or hyphens are one tag; two tags that differ in more
  // but still make the same page ("C#" and "C Sharp") would merge silently, so the later one is refused.
  const tagSpelling = (tag: string) => tag.toLowerCase().replace(/[\s-]+/g, "");
  const firstTagBySlug = new Map<string, { tag: string; file: string }>();
  const reserved = reservedArticleSlugs();
  for (const article of content.articles) {
    if (reserved.has(article.data.slug)) {
      const taken = [...reserved].map((slug) => `"${slug}"`).join(", ");
      problems.push({ file: article.source.file, line: 1, field: "", message: `the file name makes the address ${articleUrl(article.data.slug)}, which the site uses for its own pages: rename the file (the names ${taken} are taken)` });
    }
    requireRef(article, ["author"], article.data.author, authors, "author", "_data/authors.yaml");
    requireCourses(article, article.data.relatedCourses);
    article.data.tags.forEach((tag, index) => {
      const slug = tagSlug(tag);
      if (!slug) {
        at(article, ["tags", index], `"${tag}" has no letters or digits to make a tag page from`);
        return;
      }
      const first = firstTagBySlug.get(slug);
      if (!first) firstTagBySlug.set(slug, { tag, file: article.source.file });
      else if (tagSpelling(first.tag) !== tagSpelling(tag)) {
        at(article, ["tags", index], `"${tag}" and "${first.tag}" (in ${first.file}) would share the page /articles/tags/${slug}/: use one spelling`);
      }
    });
  }

  checkPricesAndPolicies(content, at);

  const paths = new Map<string, Located<{ id: string }>>();
  for (const path of content.learningPaths) {
    const earlier = paths.get(path.data.id);
    if (earlier) at(path, ["id"], `"${path.data.id}" is already used at line ${earlier.source.lineOf([...earlier.path, "id"])}; learning path ids must be unique`);
    else paths.set(path.data.id, path);
    path.data.courses.forEach((id, index) => {
      requireRef(path, ["courses", index], id, courses, "course", "_data/courses/");
      if (path.data.courses.indexOf(id) !== index) at(path, ["courses", index], `"${id}" is already step ${path.data.courses.indexOf(id) + 1} of this path`);
    });
  }
  problems.push(...checkPaths(content));
  return problems;
}

/**
 * A session priced away from its course's list price must say why (priceNote), and every policy override must
 * name a clause of _data/policies.yaml.
 */
function checkPricesAndPolicies(content: LocatedContent, at: <T>(item: Located<T>, field: (string | number)[], message: string) => void): void {
  const clauses = new Map<string, Located<{ id: string }>>();
  for (const clause of content.policies) {
    const earlier = clauses.get(clause.data.id);
    if (earlier) at(clause, ["id"], `"${clause.data.id}" is already used at line ${earlier.source.lineOf([...earlier.path, "id"])}; clause ids must be unique`);
    else clauses.set(clause.data.id, clause);
  }
  const requireClauses = <T>(item: Located<T>, overrides: Record<string, string>) => {
    for (const id of Object.keys(overrides)) {
      if (!clauses.has(id)) at(item, ["policies", id], `clause "${id}" does not exist${didYouMean(id, new Set(clauses.keys()))} (see _data/policies.yaml)`);
    }
  };
  const listPrices = new Map(content.courses.map((course) => [course.data.id, course.data.priceUSD]));
  for (const course of content.courses) requireClauses(course, course.data.policies);
  for (const session of content.sessions) {
    const { data } = session;
    requireClauses(session, data.policies);
    if (!listPrices.has(data.course) || data.priceUSD === undefined) continue;
    const listPrice = listPrices.get(data.course);
    if (data.priceUSD !== listPrice && !data.priceNote) {
      const list = listPrice === undefined ? "no list price" : `a list price of $${listPrice}`;
      at(session, ["priceUSD"], `is $${data.priceUSD} but the course has ${list}: add a priceNote saying why, such as "Online discount"`);
    }
  }
}

/** One old path and where it should go, as written in an article's aliases or in _data/redirects.yaml. */
interface PathClaim {
  from: string;
  to: string;
  item: Located<unknown>;
  field: (string | number)[];
  owner: string;
}

/**
 * Redirects must not claim one old path twice, point at themselves, or form a loop; all three can be seen in
 * the content alone. Whether each target page exists is checked after the build, against the written pages.
 */
function checkPaths(content: LocatedContent): ContentProblem[] {
  const claims: PathClaim[] = [
    ...content.articles.flatMap((article) =>
      article.data.aliases.map((alias, index) => ({ from: alias, to: articleUrl(article.data.slug), item: article, field: ["aliases", index], owner: article.source.file })),
    ),
    ...content.redirects.map((redirect) => ({
      from: redirect.data.from,
      to: redirect.data.to,
      item: redirect,
      field: ["from"],
      owner: `${redirect.source.file} (entry ${Number(redirect.path[0]) + 1})`,
    })),
  ];
  const problems: ContentProblem[] = [];
  const report = (claim: PathClaim, field: (string | number)[], message: string) => {
    const fieldPath = [...claim.item.path, ...field];
    problems.push({ file: claim.item.source.file, line: claim.item.source.lineOf(fieldPath), field: fieldName(fieldPath), message });
  };
  const byFrom = new Map<string, PathClaim>();
  for (const claim of claims) {
    const earlier = byFrom.get(normaliseSitePath(claim.from));
    if (earlier) report(claim, claim.field, `"${claim.from}" is already redirected by ${earlier.owner}`);
    else byFrom.set(normaliseSitePath(claim.from), claim);
  }
  for (const claim of byFrom.values()) {
    const toField = claim.field[0] === "from" ? ["to"] : claim.field;
    if (normaliseSitePath(claim.from) === normaliseSitePath(claim.to)) {
      report(claim, toField, `redirects "${claim.from}" to itself`);
      continue;
    }
    const seen = new Set([normaliseSitePath(claim.from)]);
    let next = byFrom.get(normaliseSitePath(claim.to));
    while (next && !seen.has(normaliseSitePath(next.from))) {
      seen.add(normaliseSitePath(next.from));
      next = byFrom.get(normaliseSitePath(next.to));
    }
    if (next) report(claim, toField, `"${claim.from}" leads back to itself through "${claim.to}": a redirect loop`);
  }
  return problems;
}

/**
 * The promotion markers of each article name a known kind and existing promotions or courses. They are read from
 * the rendered body when the file is loaded (cached with it), so the check and the page agree on what is a marker, and reported at
 * the marker's line in the file.
 */
function checkPromotionMarkers(articles: LocatedContent["articles"], promotionIds: ReadonlySet<string> | "unknown", courses: ReadonlySet<string> | "unknown"): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const article of articles) {
    for (const marker of article.data.promotionMarkers) {
      const report = (message: string) => problems.push({ file: article.source.file, line: article.data.bodyLine + marker.line - 1, field: "body", message });
      const written = `[[${marker.kind}: ${marker.ids.join(", ")}]]`;
      if (!(markerKinds as readonly string[]).includes(marker.kind)) {
        report(`${written}: unknown marker "${marker.kind}"${didYouMean(marker.kind, markerKinds)} (markers are [[promotion: id]] and [[courses: id, id]])`);
      } else if (marker.ids.length === 0) {
        report(`${written} names nothing: give ${marker.kind === "promotion" ? "a promotion id from _data/promotions.yaml" : "course ids from _data/courses/"} after the colon`);
      } else if (marker.kind === "promotion" && marker.ids.length > 1) {
        report(`${written} names ${marker.ids.length} promotions: place one per line`);
      } else {
        const [known, kind, file] = marker.kind === "promotion" ? [promotionIds, "promotion", "_data/promotions.yaml"] : [courses, "course", "_data/courses/"];
        for (const id of marker.ids) {
          if (known !== "unknown" && !known.has(id)) report(`${written}: ${kind} "${id}" does not exist${didYouMean(id, known)} (see ${file})`);
        }
      }
    }
  }
  return problems;
}

/**
 * The first segment below /articles/ of every fixed page or folder the build writes there (the tag index, the
 * list's later pages; every fixed page's URL is in SITE_PATHS): an article with that slug would overwrite it or
 * be overwritten.
 */
export function reservedArticleSlugs(): Set<string> {
  const base = SITE_PATHS.articles;
  const written = [...Object.values(SITE_PATHS), listPageUrl(base, 2), tagUrl("any")];
  return new Set(written.filter((url) => url.startsWith(base) && url.length > base.length).map((url) => url.slice(base.length).split("/")[0]!));
}
