import { IANAZone, Zone, type ZoneOffsetFormat, type ZoneOffsetOptions } from "luxon";

/** One UTC day in milliseconds. */
const DAY = 86_400_000;
/** One week in milliseconds: the span one cached offset covers, outside the weeks of a change. */
const WEEK = 7 * DAY;

/**
 * An IANA zone whose UTC offsets are remembered per week (seven UTC days from the epoch's). luxon asks the zone
 * for an offset on nearly every operation (creating, adding days, setting an hour), and an IANA zone answers each
 * time through Intl's formatToParts, the largest single cost of deriving the schedule and of reviving cached
 * dates (4,000 articles' dates, each on its own day, cost 8,000 such calls when the span was a day). A week's
 * offset is kept only when the zone gives the same offset at its first and last millisecond; in a week with a
 * daylight-saving change each day's is kept the same way, so the day of the change is always asked of Intl:
 * the answers are those of the IANA zone itself, only sooner. What that assumes: no change of offset and back
 * within one week. Denver, the zone this is made for (src/time/zone.ts), changes twice a year, months apart;
 * the tests compare every 25 hours of ten years and every five minutes around its changes. The memory is one number per week the content reaches, and per day in
 * the weeks of a change.
 */
export class CachedZone extends Zone {
  readonly #zone: IANAZone;
  /** By week: its offset, or null for a week with a change, whose days are kept in #days. */
  readonly #weeks = new Map<number, number | null>();
  readonly #days = new Map<number, number>();

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
    const week = Math.floor(ts / WEEK);
    let weekly = this.#weeks.get(week);
    if (weekly === undefined) this.#weeks.set(week, (weekly = this.#steady(week * WEEK, WEEK)));
    if (weekly !== null) return weekly;
    const day = Math.floor(ts / DAY);
    let daily = this.#days.get(day);
    if (daily === undefined) {
      const steady = this.#steady(day * DAY, DAY);
      // The day of the change itself is never kept: each instant of it is asked of Intl.
      if (steady === null) return this.#zone.offset(ts);
      this.#days.set(day, (daily = steady));
    }
    return daily;
  }

  /** The offset of the span from `start`, when the zone gives the same at its first and last millisecond; else null. */
  #steady(start: number, length: number): number | null {
    const first = this.#zone.offset(start);
    return !Number.isNaN(first) && first === this.#zone.offset(start + length - 1) ? first : null;
  }

  /** Equal to the IANA zone of the same name, as luxon's own zones are to each other. */
  override equals(other: Zone): boolean {
    return other.type === "iana" && other.name === this.name;
  }
}
