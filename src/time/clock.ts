import { DateTime } from "luxon";
import { parseSiteDate } from "./parse-date.ts";
import { SITE_TIME_ZONE } from "./zone.ts";

/**
 * The build's reference "now", from the SITE_NOW environment variable or the real clock. SITE_NOW is read as
 * strictly as content dates ("2026-12-01T09:00:00-07:00", or a local "2026-12-01T09:00" in the site's zone),
 * so a truncated value cannot quietly move the clock. Read once per build and passed down.
 *
 * Netlify's production context (CONTEXT=production) always builds at the real time: a SITE_NOW left set there
 * would publish the site as of another day, and its /next-change.json would ask the hourly function for a
 * rebuild every hour (a clock in 1970) or never (9999). It is ignored there, with a warning through `warn`.
 */
export function readSiteNow(env: NodeJS.ProcessEnv = process.env, warn: (message: string) => void = console.warn): DateTime<true> {
  const raw = env.SITE_NOW?.trim();
  const realNow = () => DateTime.now().setZone(SITE_TIME_ZONE) as DateTime<true>;
  if (!raw) return realNow();
  if (env.CONTEXT === "production") {
    warn(`SITE_NOW is ignored: a production build (CONTEXT=production) runs at the real time. Remove SITE_NOW from the production environment variables.`);
    return realNow();
  }
  const parsed = parseSiteDate(raw);
  if (!parsed.ok) {
    throw new Error(`SITE_NOW="${raw}" is not an ISO 8601 date-time (${parsed.message}). Example: SITE_NOW=2026-12-01T09:00:00-07:00`);
  }
  return parsed.value;
}
