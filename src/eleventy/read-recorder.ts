import { REAL_OBJECT } from "../lib/real-object.ts";
import type { ReadPlace, ReadTable } from "./read-paths.ts";

/**
 * What a read gave, kept to compare with the next build by `Object.is`: a primitive as it is (an unchanged
 * article's HTML is the same string from the content cache, so comparing it is cheap), an object by its kind
 * (what the page read inside it is recorded as reads of its own), a page object or global by its anchor.
 */
export type Digest = unknown;

/** A digest equal to nothing, not even itself: a place the next build cannot reach, or a value with no stable form. */
export const UNREACHABLE: unique symbol = Symbol("unreachable");

/** The anchor of a model object that has one (a global, a page object), for this build. */
export type AnchorOf = (value: object) => string | undefined;

/** How the digest of an anchored object starts: the anchor's name follows. */
export const ANCHOR_DIGEST = "\u0000@";
const OBJECT = "\u0000object";
const ARRAY = "\u0000array";
const DATED = "\u0000dated";
const FUNCTION = "\u0000function";

/** A luxon DateTime (or any value whose ISO text says all of it). */
interface Dated {
  toISO(): string | null;
}

const isDated = (value: unknown): value is Dated => typeof value === "object" && value !== null && typeof (value as Partial<Dated>).toISO === "function";

/** Objects the recorder looks inside: arrays and plain objects, the stuff the model is made of. */
const isPlain = (value: object): boolean => {
  if (Array.isArray(value)) return true;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
};

/** The digest of `value`, read as a property of `owner`; the same function serves the recording and the check. */
export function digestOf(owner: unknown, value: unknown, anchorOf: AnchorOf): Digest {
  if (value === null || (typeof value !== "object" && typeof value !== "function")) return value;
  // A date's methods and inner objects all depend on the whole date: a template that calls one reads all of it.
  if (isDated(owner)) return `\u0000date:${owner.toISO()}`;
  if (typeof value === "function") return FUNCTION;
  const anchor = anchorOf(value);
  if (anchor !== undefined) return `${ANCHOR_DIGEST}${anchor}`;
  if (isDated(value)) return DATED;
  if (value instanceof Date) return `\u0000date:${value.getTime()}`;
  if (isPlain(value)) return Array.isArray(value) ? ARRAY : OBJECT;
  // Anything else (a Map, a class instance) is handed over as it is and cannot be compared field by field.
  return UNREACHABLE;
}

/** The digest of an object's own keys, for loops over it. */
export const keysOf = (value: object): string =>
  Reflect.ownKeys(value)
    .filter((key) => typeof key === "string")
    .join("\u0000");

interface Node {
  readonly real: object;
  readonly place: ReadPlace;
  readonly dated: boolean;
}

/**
 * Hands one page's render the model through recording proxies: every property the render (its template,
 * layouts, includes, filters and shortcodes) reads is stored in `record` as read number → digest. The model is
 * frozen, and a Proxy over a frozen object must return the frozen object's own values, so each proxy stands
 * over an empty shadow (an array for arrays, so that `Array.isArray` and Nunjucks loops still work) and
 * delegates every read to the real object. A page object or global reached from anywhere is handed over as
 * the one proxy of its anchor, so comparisons by identity (`othersThan(article)`) hold within a render.
 */
export class PageReads {
  readonly #proxies = new Map<ReadPlace, object>();
  readonly #nodes = new WeakMap<object, Node>();
  readonly #handler: ProxyHandler<object>;

  constructor(
    private readonly record: Map<number, Digest>,
    private readonly table: ReadTable,
    private readonly anchorOf: AnchorOf,
  ) {
    const node = (shadow: object) => this.#nodes.get(shadow)!;
    this.#handler = {
      get: (shadow, key) => {
        const { real, place, dated } = node(shadow);
        // What the proxy stands for, to a look-up by identity; the look-up's own inputs are recorded where it reads them.
        if (key === REAL_OBJECT) return real;
        if (typeof key === "symbol") return Reflect.get(real, key, real);
        const value: unknown = Reflect.get(real, key, real);
        const child = place.child(key);
        this.#note(child.valueRead, digestOf(real, value, this.anchorOf));
        if (dated) return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(real) : value;
        return this.#wrap(child, value);
      },
      has: (shadow, key) => {
        const { real, place } = node(shadow);
        const has = Reflect.has(real, key);
        if (typeof key === "string") this.#note(place.hasRead(key), has);
        return has;
      },
      ownKeys: (shadow) => {
        const { real, place } = node(shadow);
        this.#note(place.keysRead(), keysOf(real));
        return Reflect.ownKeys(real);
      },
      getOwnPropertyDescriptor: (shadow, key) => {
        const { real } = node(shadow);
        const descriptor = Reflect.getOwnPropertyDescriptor(real, key);
        if (!descriptor) return undefined;
        // An array's length cannot be reported configurable: report the shadow's, kept equal to the real one.
        if (key === "length" && Array.isArray(shadow)) {
          shadow.length = (real as unknown[]).length;
          return Reflect.getOwnPropertyDescriptor(shadow, key);
        }
        // The values themselves are read through `get`, which records them.
        return { ...descriptor, configurable: true };
      },
      getPrototypeOf: (shadow) => Reflect.getPrototypeOf(node(shadow).real),
      // The model is read-only: a template that tried to change it would change it for every later page.
      set: () => false,
      defineProperty: () => false,
      deleteProperty: () => false,
    };
  }

  /** `value` as a render should see it: through the proxy of its anchor when it has one, else as it is. */
  top(value: unknown): unknown {
    if (typeof value !== "object" || value === null) return value;
    const anchor = this.anchorOf(value);
    return anchor === undefined ? value : this.#proxy(this.table.anchor(anchor), value);
  }

  #note(read: number, digest: Digest): void {
    // The model does not change during a build: the first read of a place says what every later one gives.
    if (!this.record.has(read)) this.record.set(read, digest);
  }

  #wrap(place: ReadPlace, value: unknown): unknown {
    if (typeof value !== "object" || value === null) return value;
    const anchor = this.anchorOf(value);
    if (anchor !== undefined) return this.#proxy(this.table.anchor(anchor), value);
    if (isDated(value) || isPlain(value)) return this.#proxy(place, value);
    return value;
  }

  #proxy(place: ReadPlace, real: object): object {
    let proxy = this.#proxies.get(place);
    if (!proxy) {
      const shadow = Array.isArray(real) ? [] : {};
      this.#nodes.set(shadow, { real, place, dated: isDated(real) });
      proxy = new Proxy(shadow, this.#handler);
      this.#proxies.set(place, proxy);
    }
    return proxy;
  }
}

/**
 * The model of one build, read at recorded places: what the next build gives where a page read before. Each
 * place and each read is worked out once per build, so a header or sidebar read by every page is walked once.
 */
export class ModelReads {
  // By the number of the place's value read, for the reason #digests is an array: a Map here took a tenth of a save at 4,000 articles.
  readonly #values: unknown[];
  // By read number: an array, since every page's check looks here hundreds of times (a Map took most of a save).
  readonly #digests: Digest[];

  constructor(
    private readonly table: ReadTable,
    private readonly resolve: (anchor: string) => unknown,
    private readonly anchorOf: AnchorOf,
  ) {
    this.#digests = new Array<Digest>(table.entries.length).fill(NOT_YET);
    this.#values = new Array<unknown>(table.entries.length).fill(NOT_YET);
  }

  /** What read number `read` gives in this build. */
  digest(read: number): Digest {
    let digest = this.#digests[read];
    if (digest === NOT_YET || read >= this.#digests.length) this.#digests[read] = digest = this.#compute(read);
    return digest;
  }

  #compute(read: number): Digest {
    const { place, kind, key } = this.table.entries[read]!;
    if (kind === "value") {
      if (!place.parent) return UNREACHABLE;
      const owner = this.#valueAt(place.parent);
      return isObject(owner) ? digestOf(owner, this.#valueAt(place), this.anchorOf) : UNREACHABLE;
    }
    const value = this.#valueAt(place);
    if (!isObject(value)) return UNREACHABLE;
    return kind === "has" ? Reflect.has(value, key) : keysOf(value);
  }

  #valueAt(place: ReadPlace): unknown {
    const index = place.valueRead;
    // A place numbered after this build's start is past the end: looked up like any other, then kept.
    const known = index < this.#values.length ? this.#values[index] : NOT_YET;
    if (known !== NOT_YET) return known;
    let value: unknown;
    if (!place.parent) value = this.resolve(place.step);
    else {
      const owner = this.#valueAt(place.parent);
      value = isObject(owner) ? Reflect.get(owner, place.step, owner) : UNREACHABLE;
    }
    while (this.#values.length <= index) this.#values.push(NOT_YET);
    this.#values[index] = value;
    return value;
  }
}

/** A digest not worked out yet in this build. */
const NOT_YET = Symbol("not yet");

const isObject = (value: unknown): value is object => (typeof value === "object" && value !== null) || typeof value === "function";
