import type { SiteModel } from "../collections/site-model.ts";
import { batchOf, type BuildBatch } from "./page-batches.ts";
import { pageSet, RENDERED_TEMPLATES, type PageSetName } from "./page-sets.ts";
import { ReadTable } from "./read-paths.ts";
import { ANCHOR_DIGEST, ModelReads, PageReads, UNREACHABLE, type Digest } from "./read-recorder.ts";

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
 * A page's record once its build is done: the numbers of its reads. What each gave is the same for every page
 * that holds it, and kept once for all of them (RenderedPages' settled digests): the next build's check walks
 * every kept read of every page, and comparing each page's own digests was most of a save's check at 4,000
 * articles (walking a Map's entries before that, an array made per entry, about half).
 */
interface KeptRecord {
  readonly reads: Uint32Array;
}

/** A finished page's record in the form the next build checks. */
function kept(record: PageRecord | KeptRecord): KeptRecord {
  return record instanceof Map ? { reads: Uint32Array.from(record.keys()) } : record;
}

/** A read whose pages disagreed on what it gave: a page that holds it is rendered again at every build. */
const MIXED: unique symbol = Symbol("mixed");
/** A read no page has recorded yet (`undefined` is a digest: a missing property's). */
const UNSETTLED: unique symbol = Symbol("unsettled");

/**
 * Whether a settled digest is a value the read's anchor alone decides: not an anchor's name (which the page table
 * gives, src/eleventy/read-recorder.ts), nor a read that was mixed, unsettled or unreachable.
 */
function givesValue(digest: Digest | typeof MIXED | typeof UNSETTLED): boolean {
  return digest !== MIXED && digest !== UNSETTLED && digest !== UNREACHABLE && !(typeof digest === "string" && digest.startsWith(ANCHOR_DIGEST));
}

/** What a read is, in the check of one build: not looked at yet, as settled, or changed. */
const enum ReadState {
  Unknown = 0,
  Same = 1,
  Changed = 2,
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
  /**
   * By read number, what the read gave in the build that last rendered a page holding it, and in every build
   * since (a page is kept only while all its reads give the same): one digest for every page that holds the read.
   */
  #settled: (Digest | typeof MIXED | typeof UNSETTLED)[] = [];
  /** What this build's check found of each read (ReadState), for commit() to settle the reads of the pages it rendered. */
  #states = new Uint8Array(0);
  /** This build's records: kept ones of the pages it leaves as they are, filling ones of those it renders. */
  #pending = new Map<string, PageRecord | KeptRecord>();
  #anchors = new WeakMap<object, string>();
  /** Each anchor's object in this build, and in the build whose records and settled digests are kept (commit()). */
  #objects = new Map<string, unknown>();
  #committedObjects = new Map<string, unknown>();
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
   * `batch` narrows a build that does not watch to one run's slice of the pages.
   */
  select(model: SiteModel, watching: boolean, unchangedCode: boolean, batch?: BuildBatch): PagesToRender {
    const pages = {} as Record<PageSetName, { item: object; key: string }[]>;
    for (const name of RENDERED_TEMPLATES) pages[name] = pageSet(model, name);
    if (!watching) {
      // A build for the web renders every page, or in batches its batch's (src/eleventy/page-batches.ts).
      const chosen = batch ? batchOf(pages, batch) : pages;
      return Object.fromEntries(RENDERED_TEMPLATES.map((name) => [name, Object.freeze(chosen[name].map((page) => page.item))])) as PagesToRender;
    }
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
    this.#objects = objects;
    const now = new ModelReads(this.#table, (anchor) => (objects.has(anchor) ? objects.get(anchor) : UNREACHABLE), this.#anchorOf);
    // An anchor whose object is the very one the kept build had (a stage the memo kept: src/collections/stage-memo.ts)
    // gives what it gave then at every place below it, the model being frozen; only which anchor an object reached
    // from it has can differ (the page table moved), so reads that gave an anchor are worked out as before.
    const committed = this.#committedObjects;
    const { anchorOfRead, anchorNames } = this.#table;
    // By anchor number: 0 not looked at yet, 1 the same object as in the kept build, 2 another.
    const anchorStates = new Uint8Array(anchorNames.length);
    const anchorUnchanged = (anchor: number): boolean => {
      let state = anchorStates[anchor]!;
      if (state === 0) {
        const name = anchorNames[anchor]!;
        const object = objects.get(name);
        anchorStates[anchor] = state = typeof object === "object" && object !== null && committed.get(name) === object ? 1 : 2;
      }
      return state === 1;
    };
    // Each read is compared with its settled digest once, however many pages hold it, and only when a page asks.
    const states = new Uint8Array(this.#table.entries.length);
    this.#states = states;
    const settled = this.#settled;
    const stateOf = (read: number): ReadState => {
      let state = states[read] as ReadState;
      if (state === ReadState.Unknown) {
        const before = read < settled.length ? settled[read] : UNSETTLED;
        if (givesValue(before) && anchorUnchanged(anchorOfRead[read]!)) state = ReadState.Same;
        else {
          const current = now.digest(read);
          state = before === UNSETTLED || before === MIXED || current === UNREACHABLE || !Object.is(current, before) ? ReadState.Changed : ReadState.Same;
        }
        states[read] = state;
      }
      return state;
    };
    const unchanged = ({ reads }: KeptRecord) => {
      for (let index = 0; index < reads.length; index++) if (stateOf(reads[index]!) !== ReadState.Same) return false;
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
    const states = this.#states;
    const settledNow = new Uint8Array(this.#table.entries.length);
    while (this.#settled.length < settledNow.length) this.#settled.push(UNSETTLED);
    for (const record of this.#pending.values()) {
      if (!(record instanceof Map)) continue;
      // A page rendered in this build recorded what each of its reads gives now.
      for (const [read, digest] of record) {
        const before = this.#settled[read];
        if (settledNow[read] === 1) {
          // Two pages of one build that disagree: neither can be trusted, and every page holding the read renders.
          if (!Object.is(before, digest)) this.#settled[read] = MIXED;
          continue;
        }
        settledNow[read] = 1;
        if (before === UNSETTLED || Object.is(before, digest)) this.#settled[read] = digest;
        // A kept page holds a read found the same in this build's check: this page says it gives something else.
        else if (read < states.length && states[read] === ReadState.Same) this.#settled[read] = MIXED;
        // Changed in this build, or held by no kept page: what this page recorded is what it gives now.
        else this.#settled[read] = digest;
      }
    }
    if (this.#pending.size > 0) {
      this.#previous = new Map([...this.#pending].map(([page, record]) => [page, kept(record)]));
      this.#committedObjects = this.#objects;
    }
    this.#pending = new Map();
    this.#states = new Uint8Array(0);
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
