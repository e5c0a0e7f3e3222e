import { DateTime } from "luxon";
import { parseSiteDate } from "./parse-date.ts";
import { SITE_ZONE } from "./zone.ts";

/**
 * The build's reference "now", from the SITE_NOW environment variable or the real clock. SITE_NOW is read as
 * strictly as content dates ("2026-12-01T09:00:00-07:00", or a local "2026-12-01T09:00" in the site's zone),
 * so a truncated value cannot quietly move the clock. Read once per build and passed down.
 */
export function readSiteNow(env: NodeJS.ProcessEnv = process.env): DateTime<true> {
  const raw = env.SITE_NOW?.trim();
  if (!raw) return DateTime.now().setZone(SITE_ZONE) as DateTime<true>;
  const parsed = parseSiteDate(raw);
  if (!parsed.ok) {
    throw new Error(`SITE_NOW="${raw}" is not an ISO 8601 date-time (${parsed.message}). Example: SITE_NOW=2026-12-01T09:00:00-07:00`);
  }
  return parsed.value;
}
