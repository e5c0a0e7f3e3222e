import { createHash } from "node:crypto";

/** A value with its own text form that says everything about it (luxon's DateTime, Date). */
interface Dated {
  toISO(): string | null;
}

const isDated = (value: object): value is Dated => typeof (value as Partial<Dated>).toISO === "function";

/**
 * Fingerprints of the model objects that pages show, for `npm start` to tell which pages a save changed. A
 * signature of an object covers its own fields and, to `depth` levels, the objects it refers to: the depth is
 * how far a page reaches from its own object (an article shows its neighbours' titles, depth 1; a course
 * shows its sessions' venues, depth 2). The model is a graph with cycles (a session's course lists the
 * session), so depth, not a walk of the whole graph, bounds the work; and each object's signature at each depth
 * is computed once, because the model is frozen for the build and one signer lives for one build.
 */
export class Signer {
  // Per object, its text at each depth (index = depth): depths are small, so an array is the cheapest table.
  readonly #memo = new WeakMap<object, string[]>();

  /**
   * `omit` names the fields a signature leaves out: those no page shows, and those only the object's own page
   * shows (an article's text on the article's page), which count only when the object is the one signed (`own`).
   */
  constructor(private readonly omit: (owner: object, key: string, own: boolean) => boolean = () => false) {}

  /** The signature of `value` and everything it refers to, `depth` references deep. */
  of(value: unknown, depth: number): string {
    if (value === null || typeof value !== "object" || Array.isArray(value) || isDated(value)) return hash(this.#text(value, depth));
    return hash(this.#fields(value, depth, true));
  }

  // A loop with one growing string: the model has thousands of objects, and this runs on every save.
  #fields(value: object, depth: number, own: boolean): string {
    let text = "{";
    for (const key in value) {
      if (this.omit(value, key, own)) continue;
      text += `${key}:${this.#text((value as Record<string, unknown>)[key], depth - 1)},`;
    }
    return `${text}}`;
  }

  #text(value: unknown, depth: number): string {
    if (value === null || value === undefined) return String(value);
    switch (typeof value) {
      case "string":
        return value.length > LONG_TEXT ? `#${longTextHash(value)}` : JSON.stringify(value);
      case "number":
      case "boolean":
      case "bigint":
        return String(value);
      case "function":
      case "symbol":
        // Filters and helpers on the model are code: a change to code restarts the whole build.
        return "ƒ";
      default:
        return this.#object(value as object, depth);
    }
  }

  #object(value: object, depth: number): string {
    if (isDated(value)) return `@${value.toISO()}`;
    if (depth < 0) return "…";
    let byDepth = this.#memo.get(value);
    const known = byDepth?.[depth];
    if (known !== undefined) return known;
    // Arrays and maps are containers, not a step away from the page: their items keep the caller's depth.
    let text: string;
    if (Array.isArray(value)) text = `[${value.map((item) => this.#text(item, depth)).join(",")}]`;
    else if (value instanceof Map) text = `M[${[...value].map(([key, item]) => `${this.#text(key, depth)}:${this.#text(item, depth)}`).join(",")}]`;
    else if (value instanceof Set) text = `S[${[...value].map((item) => this.#text(item, depth)).join(",")}]`;
    else text = this.#fields(value, depth, false);
    // Long texts are kept as a hash, so a parent's text stays short however much the page shows.
    if (text.length > LONG_TEXT) text = `#${hash(text)}`;
    if (!byDepth) this.#memo.set(value, (byDepth = []));
    byDepth[depth] = text;
    return text;
  }
}

/** Texts longer than this (an article's HTML) are signed by their hash, kept between builds. */
const LONG_TEXT = 256;
const longTexts = new Map<string, string>();

/**
 * The hash of a long text, remembered across the builds of one process: an unchanged article hands every build
 * the same HTML string from the content cache, so `npm start` hashes only the saved article's text again.
 */
function longTextHash(text: string): string {
  let known = longTexts.get(text);
  if (known === undefined) {
    // Bounded: texts of deleted or edited files would otherwise stay for the life of the process.
    if (longTexts.size >= 50_000) longTexts.clear();
    longTexts.set(text, (known = hash(text)));
  }
  return known;
}

/** A short, stable digest of a text. */
function hash(text: string): string {
  return createHash("sha1").update(text).digest("base64url");
}
