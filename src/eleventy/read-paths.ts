/**
 * The places in the model a render can read, named so that the next build can look at the same place: an
 * anchor (a global by name, or a page object by its page set and key) and the steps taken from it. Each place
 * and each way of reading it (its value, whether it has a key, its list of keys) gets a number once for the
 * life of the process, so a page's record is a small table of numbers to digests.
 */

/** How a recorded read looked at its place. */
export type ReadKind = "value" | "has" | "keys";

/** One numbered read: the place, how it was read, and for `has` the key asked about. */
export interface ReadEntry {
  readonly place: ReadPlace;
  readonly kind: ReadKind;
  readonly key: string;
}

/** Every place and read numbered so far. */
export class ReadTable {
  readonly #anchors = new Map<string, ReadPlace>();
  readonly entries: ReadEntry[] = [];
  /** By read number, the number of the anchor its place hangs from: a check of every read looks here. */
  readonly anchorOfRead: number[] = [];
  /** By anchor number, the anchor's name. */
  readonly anchorNames: string[] = [];

  /** The place an anchor names, before any step. */
  anchor(anchor: string): ReadPlace {
    let place = this.#anchors.get(anchor);
    if (!place) this.#anchors.set(anchor, (place = new ReadPlace(this, undefined, anchor)));
    return place;
  }

  /** Numbers a read. */
  add(place: ReadPlace, kind: ReadKind, key: string): number {
    this.anchorOfRead.push(place.anchorNumber);
    return this.entries.push({ place, kind, key }) - 1;
  }

  /** Numbers a new anchor. */
  numberAnchor(name: string): number {
    return this.anchorNames.push(name) - 1;
  }
}

/** A place in the model: an anchor and the property steps from it. Shared by every page that reads it. */
export class ReadPlace {
  readonly #children = new Map<string, ReadPlace>();
  #has: Map<string, number> | undefined;
  #keys: number | undefined;
  /** The number of the read of this place's value. */
  readonly valueRead: number;
  /** The number of the anchor this place hangs from (ReadTable.anchorNames). */
  readonly anchorNumber: number;

  constructor(
    private readonly table: ReadTable,
    /** The place one step up; none for an anchor. */
    readonly parent: ReadPlace | undefined,
    /** The property read from the parent, or the anchor's name. */
    readonly step: string,
  ) {
    this.anchorNumber = parent ? parent.anchorNumber : table.numberAnchor(step);
    this.valueRead = table.add(this, "value", step);
  }

  /** The place one property further. */
  child(key: string): ReadPlace {
    let place = this.#children.get(key);
    if (!place) this.#children.set(key, (place = new ReadPlace(this.table, this, key)));
    return place;
  }

  /** The number of "does this place have `key`" (the `in` operator). */
  hasRead(key: string): number {
    this.#has ??= new Map();
    let id = this.#has.get(key);
    if (id === undefined) this.#has.set(key, (id = this.table.add(this, "has", key)));
    return id;
  }

  /** The number of "which keys does this place have" (loops over an object, Object.keys). */
  keysRead(): number {
    return (this.#keys ??= this.table.add(this, "keys", ""));
  }
}
