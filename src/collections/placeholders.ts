import type { Content } from "../content/load-content.ts";
import { fieldName, type ContentProblem } from "../content/problems.ts";
import type { BuildContext } from "./build-context.ts";
import { MARKED_LINE, PLACEHOLDER_MARK } from "../content/placeholder-mark.ts";

/** Fields computed from the file, not written by the editor: never searched. */
const DERIVED_FIELDS: ReadonlySet<string> = new Set(["descriptionHtml", "bodyHtml", "html", "links", "imageJobs", "headings", "portrait", "leadImage", "bodyLine", "file", "slug", "ids", "promotionMarkers", "placeholderLines"]);
/** An article's too: its Markdown body is searched line by line when the file is loaded (`placeholderLines`). */
const ARTICLE_SKIPPED: ReadonlySet<string> = new Set([...DERIVED_FIELDS, "body"]);

/**
 * Every placeholder left in the content, at file:line. Where a build shows drafts, and in a draft anywhere, each is
 * a warning: still to fill in. In a production build (and `npm run check`, which checks what production would
 * publish) a placeholder in published content is an error, so it can never go live.
 */
export function placeholderProblems(content: Content, context: BuildContext): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const report = (file: string, path: (string | number)[], line: number | undefined, draft: boolean) => {
    const error = !draft && !context.includeUnpublished;
    problems.push({
      file,
      ...(line !== undefined ? { line } : {}),
      field: fieldName(path),
      ...(error ? {} : { severity: "warning" as const }),
      message: error
        ? `still holds the placeholder written by npm run new (${PLACEHOLDER_MARK} ...): write the real text before publishing`
        : `still to fill in: replace the placeholder (${PLACEHOLDER_MARK} ...) before publishing`,
    });
  };
  const search = (file: string, base: (string | number)[], entity: object, draft: boolean, skipped = DERIVED_FIELDS) => {
    for (const relative of markedFieldsOf(entity, skipped)) {
      const path = [...base, ...relative];
      report(file, path, content.lineOf(file, path), draft);
    }
  };
  for (const course of Object.values(content.courses)) search(course.file, [], course, course.draft);
  for (const service of content.services) search(service.file, [], service, service.draft);
  content.sessions.forEach((session, index) => search("_data/schedule.yaml", [index], session, session.draft));
  content.promotions.forEach((promotion, index) => search("_data/promotions.yaml", [index], promotion, promotion.draft));
  content.learningPaths.forEach((path, index) => search("_data/learning-paths.yaml", [index], path, path.draft));
  for (const article of content.articles) {
    // The body's marked lines were found when the file was loaded (src/content/placeholder-mark.ts): the body
    // itself is a long text the check does not read.
    search(article.file, [], article, article.draft, ARTICLE_SKIPPED);
    for (const line of article.placeholderLines) report(article.file, ["body"], line, article.draft);
  }
  return problems;
}

// By the fields skipped, then by loaded entity: the content cache hands an unchanged file's entities back as the
// same objects, so a save in `npm start` searches only the entities of the files it changed (4,000 articles'
// fields took 50 ms a save).
const markedBySkipped = new WeakMap<ReadonlySet<string>, WeakMap<object, (string | number)[][]>>();

/** The paths, from the entity, of its editor-written text fields that hold a placeholder; `skipped` are not searched. */
function markedFieldsOf(entity: object, skipped: ReadonlySet<string>): (string | number)[][] {
  let byEntity = markedBySkipped.get(skipped);
  if (!byEntity) markedBySkipped.set(skipped, (byEntity = new WeakMap()));
  let marked = byEntity.get(entity);
  if (!marked) byEntity.set(entity, (marked = markedFields(entity, skipped)));
  return marked;
}

/**
 * The paths of the text fields below `entity` that hold a line starting with the mark; `skipped` names fields of
 * `entity` itself left out. One path is walked and copied only where a mark is found, since nearly no field holds
 * one (a path per field was most of the search's time at 4,000 articles).
 */
function markedFields(entity: object, skipped: ReadonlySet<string>): (string | number)[][] {
  const found: (string | number)[][] = [];
  const path: (string | number)[] = [];
  const walk = (value: unknown, leaveOut?: ReadonlySet<string>): void => {
    if (typeof value === "string") {
      if (MARKED_LINE.test(value)) found.push([...path]);
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((item: unknown, index) => {
        path.push(index);
        walk(item);
        path.pop();
      });
      return;
    }
    // Plain objects only: dates and prepared images hold no editor's text.
    if (typeof value !== "object" || value === null || Object.getPrototypeOf(value) !== Object.prototype) return;
    for (const key of Object.keys(value)) {
      if (leaveOut?.has(key)) continue;
      path.push(key);
      walk((value as Record<string, unknown>)[key]);
      path.pop();
    }
  };
  walk(entity, skipped);
  return found;
}
