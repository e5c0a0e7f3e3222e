import type { Zone } from "luxon";
import { CachedZone } from "./cached-zone.ts";

/** The firm's time zone: every local date and time in content is read in it, and every page shows it. */
export const SITE_ZONE = "America/Denver";

/** SITE_ZONE as the luxon zone every date-time of the site is made in: the IANA zone, its offsets remembered per week. */
export const SITE_TIME_ZONE: Zone = new CachedZone(SITE_ZONE);
