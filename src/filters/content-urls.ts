import { readFileSync } from "node:fs";
import { ContentError, type ContentProblem } from "../content/problems.ts";
import { didYouMean } from "../content/suggest.ts";

/** What Eleventy binds `this` to in a Nunjucks filter: the page's data (`ctx`) and the page being rendered. */
export interface FilterContext {
  ctx?: Record<string, unknown>;
  page?: { inputPath?: string };
}

/** Anything a template can link to by id: it has a page. */
interface Linkable {
  id: string;
  url: string;
}

/** A kind of content templates name by id: where its entries are in the page's data, and where editors keep them. */
interface LinkKind {
  entries: (data: Record<string, unknown>) => readonly Linkable[];
  source: string;
}

/** The kinds a template may link to by id, each read from the global data the site data plugin hands over. */
const LINK_KINDS = {
  service: { entries: (data) => data.services as Linkable[], source: "_data/services/" },
  course: { entries: (data) => (data.catalog as { courses: Linkable[] }).courses, source: "_data/courses/" },
  level: { entries: (data) => (data.catalog as { levels: Linkable[] }).levels, source: "the course levels of src/schemas/course.ts" },
} satisfies Record<string, LinkKind>;

/** A kind of content templates can link to by id. */
export type LinkKindName = keyof typeof LINK_KINDS;

/** The template's path from the project root, and the first line that quotes `id`, to point the editor at the link. */
function whereQuoted(inputPath: string | undefined, id: string): { file: string; line?: number } {
  const file = (inputPath ?? "a template").replace(/^\.\//, "");
  try {
    const index = readFileSync(file, "utf8").split("\n").findIndex((text) => text.includes(`"${id}"`) || text.includes(`'${id}'`));
    return index >= 0 ? { file, line: index + 1 } : { file };
  } catch {
    // The id came through an include or a variable: the page's own template is still the place to start.
    return { file };
  }
}

/**
 * Links from templates to content by id (`{{ "team-mentoring" | serviceUrl }}`), checked like links in Markdown:
 * an id this build does not have (mistyped, removed, a draft in production) is a problem at the template's line.
 * The filters collect the problems and `report` throws them together after the pages are written, because an
 * error thrown inside a Nunjucks filter reaches the editor as the template's line number alone.
 */
export class ContentLinks {
  private readonly problems = new Map<string, ContentProblem>();

  /** The filters, as Eleventy registers them: `this` is the page's filter context. */
  readonly filters: Record<`${LinkKindName}Url`, (this: FilterContext, id: string) => string>;

  constructor() {
    const links = this;
    this.filters = {
      serviceUrl(id) {
        return links.url(this, "service", id);
      },
      courseUrl(id) {
        return links.url(this, "course", id);
      },
      levelUrl(id) {
        return links.url(this, "level", id);
      },
    };
  }

  /** The page of the `kind` entry `id`; an unknown id is recorded and links nowhere until the build stops. */
  url(context: FilterContext, kind: LinkKindName, id: string): string {
    const entries = LINK_KINDS[kind].entries(context.ctx ?? {});
    const found = entries.find((entry) => entry.id === id);
    if (found) return found.url;
    const where = whereQuoted(context.page?.inputPath, id);
    const message = `links to ${kind} "${id}", which this build does not have (see ${LINK_KINDS[kind].source})${didYouMean(id, entries.map((entry) => entry.id))}`;
    // A template rendered for many pages reports its link once.
    this.problems.set(`${where.file}:${where.line}:${message}`, { ...where, field: `${kind}Url`, message });
    return "";
  }

  /** Forgets the last build's problems: called when a build starts. */
  reset(): void {
    this.problems.clear();
  }

  /** Throws every link to a missing id as one ContentError (`file:line: serviceUrl: ...`); nothing when there is none. */
  report(): void {
    if (this.problems.size > 0) throw new ContentError([...this.problems.values()]);
  }
}
