import { DateTime } from "luxon";
import { SITE_ZONE } from "./zone.ts";

/**
 * The build's reference "now", from the SITE_NOW environment variable (ISO 8601) or the real clock.
 * Read once per build and passed down, so that every time-dependent decision in one build agrees.
 */
export function readSiteNow(env: NodeJS.ProcessEnv = process.env): DateTime<true> {
  const raw = env.SITE_NOW?.trim();
  if (!raw) return DateTime.now().setZone(SITE_ZONE) as DateTime<true>;
  const parsed = DateTime.fromISO(raw, { zone: SITE_ZONE, setZone: true });
  if (!parsed.isValid) {
    throw new Error(`SITE_NOW="${raw}" is not an ISO 8601 date-time (${parsed.invalidExplanation ?? parsed.invalidReason}). Example: SITE_NOW=2026-12-01T09:00:00-07:00`);
  }
  return parsed.setZone(SITE_ZONE) as DateTime<true>;
}
