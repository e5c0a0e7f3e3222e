import { IANAZone, Zone, type ZoneOffsetFormat, type ZoneOffsetOptions } from "luxon";

/** One week in milliseconds: the span one cached offset covers. */
const SPAN = 7 * 86_400_000;

/**
 * An IANA zone whose UTC offsets are remembered per week (seven UTC days from the epoch's). luxon asks the zone
 * for an offset on nearly every operation (creating, adding days, setting an hour), and an IANA zone answers each
 * time through Intl's formatToParts, the largest single cost of deriving the schedule and of reviving cached
 * dates (4,000 articles' dates, each on its own day, cost 8,000 such calls when the span was a day). A week's
 * offset is kept only when the zone gives the same offset at its first and last millisecond, so a week with a
 * daylight-saving change is always asked of Intl: the answers are those of the IANA zone itself, only sooner.
 * What that assumes: no change of offset and back within one week. Denver, the zone this is made for
 * (src/time/zone.ts), changes twice a year, months apart; the tests compare every 25 hours of ten years and
 * every five minutes around its changes. The memory is one number per week the content reaches.
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
    const span = Math.floor(ts / SPAN);
    const known = this.#offsets.get(span);
    if (known !== undefined) return known;
    const first = this.#zone.offset(span * SPAN);
    if (Number.isNaN(first) || first !== this.#zone.offset(span * SPAN + SPAN - 1)) return this.#zone.offset(ts);
    this.#offsets.set(span, first);
    return first;
  }

  /** Equal to the IANA zone of the same name, as luxon's own zones are to each other. */
  override equals(other: Zone): boolean {
    return other.type === "iana" && other.name === this.name;
  }
}
