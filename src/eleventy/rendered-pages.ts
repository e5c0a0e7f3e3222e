import type { SiteModel } from "../collections/site-model.ts";
import { pageSet, RENDERED_TEMPLATES, type PageSetName } from "./page-sets.ts";
import { ReadTable } from "./read-paths.ts";
import { ModelReads, PageReads, UNREACHABLE, type Digest } from "./read-recorder.ts";

/** Where the `pages` global keeps the recorder, for the template engines to find it in a render's data. */
const RECORDER = Symbol("rendered pages");

/**
 * The page objects each large paginated template renders in this build, by template name (`pages.article`): every
 * page, or after a save in `npm start` only those whose reads changed.
 */
export type PagesToRender = { readonly [name in PageSetName]: readonly object[] } & { readonly [RECORDER]?: RenderedPages };

/** What one page's renders read, while they run: read number (src/eleventy/read-paths.ts) → digest. */
type PageRecord = Map<number, Digest>;

/**
 * A page's record once its build is done, as two parallel arrays: the next build's check walks every kept read
 * of every page, and walking a Map's entries (an array made per entry) was about half of choosing the pages at
 * 4,000 articles.
 */
interface KeptRecord {
  readonly reads: Uint32Array;
  readonly digests: readonly Digest[];
}

/** A finished page's record in the form the next build checks. */
function kept(record: PageRecord | KeptRecord): KeptRecord {
  if (!(record instanceof Map)) return record;
  return { reads: Uint32Array.from(record.keys()), digests: [...record.values()] };
}

/**
 * Chooses the pages a build renders. A production build and the first build of `npm start` render every page.
 * In `npm start`, each render of a page of RENDERED_TEMPLATES is given the model through recording proxies
 * (src/eleventy/read-recorder.ts), and what it read is kept per page. A later build after a save that touched
 * only content renders a page again only when one of its recorded reads now gives something else, or when the
 * page is new; the other pages' files stay as written: everything they read is as it was, so are their bytes.
 * Nothing lists by hand what a template shows: a template that shows one more field records one more read.
 */
export class RenderedPages {
  readonly #table = new ReadTable();
  readonly #globals = new Map<string, (model: SiteModel) => object>();
  #previous = new Map<string, KeptRecord>();
  /** This build's records: kept ones of the pages it leaves as they are, filling ones of those it renders. */
  #pending = new Map<string, PageRecord | KeptRecord>();
  #anchors = new WeakMap<object, string>();
  /** Each set's page key by page object, for the renders of this build. */
  #keys = new Map<string, Map<unknown, string>>();
  readonly #anchorOf = (value: object) => this.#anchors.get(value);

  /** Names a global template data value taken from the model, so that reads from it can be found next build. */
  global(name: string, pick: (model: SiteModel) => object): void {
    this.#globals.set(name, pick);
  }

  /**
   * The pages to render. `watching` is true in `npm start`, where reads are recorded for the next build;
   * `unchangedCode` is true when every file changed since the last build is content, so only the model moved.
   */
  select(model: SiteModel, watching: boolean, unchangedCode: boolean): PagesToRender {
    const pages = {} as Record<PageSetName, { item: object; key: string }[]>;
    for (const name of RENDERED_TEMPLATES) pages[name] = pageSet(model, name);
    if (!watching) return Object.fromEntries(RENDERED_TEMPLATES.map((name) => [name, Object.freeze(pages[name].map((page) => page.item))])) as PagesToRender;
    // Anchors: globals first, so an object that is both a global and a page object is always named the same way.
    const anchors = new WeakMap<object, string>();
    const objects = new Map<string, unknown>();
    for (const [name, pick] of this.#globals) {
      const value = pick(model);
      anchors.set(value, `global:${name}`);
      objects.set(`global:${name}`, value);
    }
    this.#keys = new Map(RENDERED_TEMPLATES.map((name) => [name, new Map(pages[name].map((page) => [page.item, page.key]))]));
    for (const name of RENDERED_TEMPLATES) {
      for (const { item, key } of pages[name]) {
        const anchor = `${name}:${key}`;
        objects.set(anchor, item);
        if (!anchors.has(item)) anchors.set(item, anchor);
      }
    }
    this.#anchors = anchors;
    const now = new ModelReads(this.#table, (anchor) => (objects.has(anchor) ? objects.get(anchor) : UNREACHABLE), this.#anchorOf);
    const unchanged = ({ reads, digests }: KeptRecord) => {
      for (let index = 0; index < reads.length; index++) {
        const current = now.digest(reads[index]!);
        if (current === UNREACHABLE || !Object.is(current, digests[index])) return false;
      }
      return true;
    };

    this.#pending = new Map();
    const chosen = {} as Record<PageSetName, readonly object[]>;
    for (const name of RENDERED_TEMPLATES) {
      const render: object[] = [];
      for (const { item, key } of pages[name]) {
        const page = `${name}:${key}`;
        const before = this.#previous.get(page);
        if (unchangedCode && before && unchanged(before)) {
          this.#pending.set(page, before);
        } else {
          this.#pending.set(page, new Map());
          render.push(item);
        }
      }
      chosen[name] = Object.freeze(render);
    }
    return { ...chosen, [RECORDER]: this };
  }

  /** The data one render is given: for a page of RENDERED_TEMPLATES being recorded, the model through recording proxies. */
  recorded<T extends object>(data: T): T {
    const { pagination } = data as { pagination?: { data?: unknown; items?: unknown } };
    const name = typeof pagination?.data === "string" ? pagination.data.replace(/^pages\./, "") : undefined;
    const item = Array.isArray(pagination?.items) ? (pagination.items[0] as unknown) : undefined;
    const key = name === undefined ? undefined : this.#keys.get(name)?.get(item);
    if (key === undefined) return data;
    const record = this.#pending.get(`${name}:${key}`);
    // A kept record belongs to a page this build does not render.
    if (!(record instanceof Map)) return data;
    const reads = new PageReads(record, this.#table, this.#anchorOf);
    const wrapped: Record<string, unknown> = {};
    // Every enumerable key, inherited too: what Nunjucks itself copies into a render's context.
    for (const key in data) wrapped[key] = reads.top(data[key]);
    return wrapped as T;
  }

  /**
   * Keeps this build's records for the next, once its pages are written. A build that failed half-way keeps
   * the last good build's, so the pages it did not write are rendered next time.
   */
  commit(): void {
    if (this.#pending.size > 0) this.#previous = new Map([...this.#pending].map(([page, record]) => [page, kept(record)]));
    this.#pending = new Map();
  }
}

/**
 * The data a template render is given (Nunjucks and 11ty.ts templates call this): in `npm start`, a page of
 * RENDERED_TEMPLATES reads the model through recording proxies; otherwise the data is handed over as it is.
 */
export function recordedData<T extends object>(data: T): T {
  const pages = (data as { pages?: { [RECORDER]?: RenderedPages } }).pages;
  const recorder = pages?.[RECORDER];
  return recorder ? recorder.recorded(data) : data;
}
