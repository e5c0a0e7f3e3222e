import { DateTime } from "luxon";
import { SITE_ZONE } from "./zone.ts";

/** The outcome of a strict parse: a date-time, or a sentence that tells an editor what is wrong. */
export type DateParseResult = { ok: true; value: DateTime<true> } | { ok: false; message: string };

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const OFFSET_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * Parses "2026-12-07", "2026-12-07T09:00" or "2026-12-07T09:00:00-07:00" strictly:
 * impossible dates (2025-02-30) and local times skipped by a daylight-saving change are errors, never rolled over.
 * A date or time without an offset is read in the site's zone.
 */
export function parseSiteDate(input: string, options: { allowTime: boolean } = { allowTime: true }): DateParseResult {
  const text = input.trim();
  const isDateOnly = DATE_ONLY.test(text);
  const local = LOCAL_DATE_TIME.exec(text);
  const hasOffset = OFFSET_DATE_TIME.test(text);
  if (!isDateOnly && !local && !hasOffset) {
    const expected = options.allowTime ? `a date such as "2026-12-07" or a date-time such as "2026-12-07T09:00"` : `a date such as "2026-12-07"`;
    return { ok: false, message: `"${text}" is not ${expected}` };
  }
  if (local && Number(local[2]) > 23) return { ok: false, message: `"${text}" is not a real date or time: check the month, day and hour` };
  if (!isDateOnly && !options.allowTime) return { ok: false, message: `"${text}" has a time; give a date only, such as "2026-12-07"` };

  const parsed = DateTime.fromISO(text, { zone: SITE_ZONE, setZone: hasOffset });
  if (!parsed.isValid) {
    return { ok: false, message: `"${text}" is not a real date or time: check the month, day and hour` };
  }
  if (local) {
    // Luxon moves a wall-clock time inside a spring-forward gap to a later hour; an editor meant something else.
    const seconds = local[4] ?? "00";
    const roundTrip = parsed.toFormat("yyyy-MM-dd'T'HH:mm:ss");
    if (roundTrip !== `${local[1]}T${local[2]}:${local[3]}:${seconds}`) {
      return { ok: false, message: `"${text}" does not exist in ${SITE_ZONE} (clocks skip it at the daylight-saving change)` };
    }
  }
  return { ok: true, value: (hasOffset ? parsed.setZone(SITE_ZONE) : parsed) as DateTime<true> };
}
