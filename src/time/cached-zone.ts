import { IANAZone, Zone, type ZoneOffsetFormat, type ZoneOffsetOptions } from "luxon";

/** One UTC day in milliseconds: the span one cached offset covers. */
const DAY = 86_400_000;

/**
 * An IANA zone whose UTC offsets are remembered per UTC day. luxon asks the zone for an offset on nearly every
 * operation (creating, adding days, setting an hour), and an IANA zone answers each time through Intl's
 * formatToParts, the largest single cost of deriving the schedule. A day's offset is kept only when the zone
 * gives the same offset at the day's first and last millisecond, so a day with a daylight-saving change is
 * always asked of Intl: the answers are those of the IANA zone itself, only sooner. No zone changes its offset
 * and back within one day. The memory is one number per UTC day the content reaches.
 */
export class CachedZone extends Zone {
  readonly #zone: IANAZone;
  readonly #offsets = new Map<number, number>();

  constructor(name: string) {
    super();
    this.#zone = IANAZone.create(name);
    if (!this.#zone.isValid) throw new Error(`unknown time zone: ${name}`);
  }

  override get type(): string {
    return this.#zone.type;
  }

  override get name(): string {
    return this.#zone.name;
  }

  override get isUniversal(): boolean {
    return false;
  }

  override get isValid(): boolean {
    return true;
  }

  override offsetName(ts: number, options: ZoneOffsetOptions): string | null {
    return this.#zone.offsetName(ts, options);
  }

  override formatOffset(ts: number, format: ZoneOffsetFormat): string {
    return this.#zone.formatOffset(ts, format);
  }

  override offset(ts: number): number {
    const day = Math.floor(ts / DAY);
    const known = this.#offsets.get(day);
    if (known !== undefined) return known;
    const first = this.#zone.offset(day * DAY);
    if (Number.isNaN(first) || first !== this.#zone.offset(day * DAY + DAY - 1)) return this.#zone.offset(ts);
    this.#offsets.set(day, first);
    return first;
  }

  /** Equal to the IANA zone of the same name, as luxon's own zones are to each other. */
  override equals(other: Zone): boolean {
    return other.type === "iana" && other.name === this.name;
  }
}
