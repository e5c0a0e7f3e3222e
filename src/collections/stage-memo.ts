import type { DateTime } from "luxon";
import type { Content } from "../content/load-content.ts";

/**
 * The build's clock as a stage of the model may read it: only by comparing an instant of the content with now.
 * Every comparison is remembered, so that the memo knows for which later clocks each answer stays the same,
 * and so the stage's output too. A stage that needs now for anything else (a date to print) cannot be memoised.
 */
export class StageClock {
  readonly #now: number;
  /** The latest instant compared that lies before now, and the earliest after it. */
  #before = -Infinity;
  #after = Infinity;
  /** Whether an instant compared was now itself: then only that very millisecond gives the same answers. */
  #exact = false;

  private constructor(now: number) {
    this.#now = now;
  }

  /** A clock at `now` that has compared nothing yet. */
  static at(now: DateTime): StageClock {
    return new StageClock(now.toMillis());
  }

  /** Whether `at` has come: it is now or earlier. */
  reached(at: DateTime): boolean {
    return this.#compare(at) <= 0;
  }

  /** Whether `at` is past: earlier than now. */
  passed(at: DateTime): boolean {
    return this.#compare(at) < 0;
  }

  /** Whether every comparison made through this clock gives the same answer at `later`'s now. */
  holdsAt(later: StageClock): boolean {
    if (this.#exact) return later.#now === this.#now;
    return this.#before < later.#now && later.#now < this.#after;
  }

  /** Counts `other`'s comparisons as this clock's own: a part of the stage kept from before compared them then. */
  absorb(other: StageClock): void {
    this.#before = Math.max(this.#before, other.#before);
    this.#after = Math.min(this.#after, other.#after);
    this.#exact ||= other.#exact;
  }

  /** A clock at the same now that has compared nothing yet: each stage gets its own. */
  fresh(): StageClock {
    return new StageClock(this.#now);
  }

  #compare(at: DateTime): number {
    const ms = at.toMillis();
    if (ms < this.#now) this.#before = Math.max(this.#before, ms);
    else if (ms > this.#now) this.#after = Math.min(this.#after, ms);
    else this.#exact = true;
    return ms - this.#now;
  }
}

/** The named parts of the content a stage reads: its builder takes this type, so it cannot read any other part. */
export function contentParts<K extends keyof Content>(content: Content, ...keys: K[]): Pick<Content, K> {
  return Object.fromEntries(keys.map((key) => [key, content[key]])) as Pick<Content, K>;
}

/**
 * Keeps each stage's last output with the inputs it was derived from, for `npm start`, where a save changes a
 * few files and the loaded content of the others is the same objects as before (the content cache's). A stage is
 * derived again only when one of its inputs is not the same: compared by identity, two levels down (the parts
 * of the content, then their entries), and a StageClock by the comparisons the stage made. The builder is
 * handed exactly the inputs that are compared, so nothing it reads can be left out of the comparison.
 */
export class StageMemo {
  readonly #kept = new Map<string, { inputs: readonly unknown[]; output: unknown }>();
  readonly #records = new Map<string, object>();
  readonly #keepsRecords: boolean;
  /** How many stages were derived and how many reused, for the tests. */
  readonly stats = { derived: 0, reused: 0 };

  /**
   * `records: false` for a model derived once (a production build, `npm run check`): no stage is derived again, so
   * keeping its records would be work for nothing.
   */
  constructor(options: { records?: boolean } = {}) {
    this.#keepsRecords = options.records ?? true;
  }

  /** `build(...inputs)`, or the output it gave last time if every input is the same as then. */
  derive<A extends readonly unknown[], T>(stage: string, inputs: readonly [...A], build: (...inputs: A) => T): T {
    const kept = this.#kept.get(stage);
    if (kept && kept.inputs.length === inputs.length && kept.inputs.every((input, index) => sameInput(input, inputs[index]))) {
      this.stats.reused++;
      return kept.output as T;
    }
    const given = inputs.map((input) => (input instanceof StageClock ? input.fresh() : input)) as unknown as A;
    const output = build(...given);
    this.#kept.set(stage, { inputs: given, output });
    this.stats.derived++;
    return output;
  }

  /**
   * The store in which `stage` keeps a result per input record (a class by its session) across builds: a stage
   * derived again because one record changed finds the others' results there. Weak by default, so a result goes with
   * its record; a stage that keeps its own store tidy (`make`) may key it otherwise. The stage checks what else each
   * result read before reusing it. Undefined when this memo keeps no records.
   */
  records<Store extends object = WeakMap<object, unknown>>(stage: string, make: () => Store = () => new WeakMap() as unknown as Store): Store | undefined {
    if (!this.#keepsRecords) return undefined;
    let store = this.#records.get(stage);
    if (!store) this.#records.set(stage, (store = make()));
    return store as Store;
  }
}

function sameInput(kept: unknown, now: unknown): boolean {
  if (kept instanceof StageClock) return now instanceof StageClock && kept.holdsAt(now);
  return sameParts(kept, now, 2);
}

/** Identical, or arrays or plain objects whose entries are the same, in the same order, `depth` levels down. */
export function sameParts(a: unknown, b: unknown, depth: number): boolean {
  if (Object.is(a, b)) return true;
  if (depth === 0 || !isPlain(a) || !isPlain(b) || Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((entry, index) => sameParts(entry, b[index], depth - 1));
  const keys = Object.keys(a);
  const otherKeys = Object.keys(b);
  return keys.length === otherKeys.length && keys.every((key, index) => key === otherKeys[index] && sameParts((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], depth - 1));
}

function isPlain(value: unknown): value is object {
  if (typeof value !== "object" || value === null) return false;
  if (Array.isArray(value)) return true;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
