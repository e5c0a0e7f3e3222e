import { DateTime } from "luxon";
import { SITE_TIME_ZONE, SITE_ZONE } from "./zone.ts";

/** The outcome of a strict parse: a date-time, or a sentence that tells an editor what is wrong. */
export type DateParseResult = { ok: true; value: DateTime<true> } | { ok: false; message: string };

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
// Fractions of a second are accepted only with an offset, as machine-written instants (SITE_NOW) carry them.
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/;
const MAX_OFFSET_MINUTES = 14 * 60;

/**
 * Parses "2026-12-07", "2026-12-07T09:00" or "2026-12-07T09:00:00-07:00" strictly: impossible dates
 * (2025-02-30), hours past 23, offsets past ±14:00, local times skipped by a daylight-saving change and local
 * times that happen twice (when clocks go back) are errors, never rolled over or guessed. A date or time
 * without an offset is read in the site's zone.
 */
export function parseSiteDate(input: string, options: { allowTime: boolean } = { allowTime: true }): DateParseResult {
  const text = input.trim();
  const isDateOnly = DATE_ONLY.test(text);
  const parts = DATE_TIME.exec(text);
  if (!isDateOnly && (!parts || (parts[5] && !parts[6]))) {
    const expected = options.allowTime ? `a date such as "2026-12-07" or a date-time such as "2026-12-07T09:00"` : `a date such as "2026-12-07"`;
    return { ok: false, message: `"${text}" is not ${expected}` };
  }
  if (parts && !options.allowTime) return { ok: false, message: `"${text}" has a time; give a date only, such as "2026-12-07"` };
  const impossible = { ok: false, message: `"${text}" is not a real date or time: check the month, day and hour` } as const;
  const offset = parts?.[6];
  if (offset && offset !== "Z" && offsetMinutes(offset) > MAX_OFFSET_MINUTES) return impossible;

  const parsed = DateTime.fromISO(text, { zone: SITE_TIME_ZONE, setZone: true });
  if (!parsed.isValid) return impossible;
  if (parts) {
    // Luxon rolls 24:00 over to the next day, and moves a wall-clock time inside a spring-forward gap to a
    // later hour: the wall clock must read back exactly as written.
    const [, day, hour, minute, second = "00"] = parts;
    if (parsed.toFormat("yyyy-MM-dd'T'HH:mm:ss") !== `${day}T${hour}:${minute}:${second}`) {
      if (offset || Number(hour) > 23) return impossible;
      return { ok: false, message: `"${text}" does not exist in ${SITE_ZONE} (clocks skip it at the daylight-saving change)` };
    }
    // Luxon silently picks one of the two instants of a repeated hour; the page and the calendar could then disagree.
    const readings = offset ? [] : parsed.getPossibleOffsets();
    if (readings.length > 1) {
      const [first, second] = [...readings].sort((a, b) => a.toMillis() - b.toMillis()).map((reading) => `${text}${reading.toFormat("ZZ")}`);
      return { ok: false, message: `"${text}" happens twice that night in ${SITE_ZONE} (clocks go back an hour): write ${first} for the first time or ${second} for the second` };
    }
  }
  return { ok: true, value: parsed.setZone(SITE_TIME_ZONE) as DateTime<true> };
}

function offsetMinutes(offset: string): number {
  const [hours = "0", minutes = "0"] = offset.slice(1).split(":");
  return Number(hours) * 60 + Number(minutes);
}
