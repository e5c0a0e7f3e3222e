import type { DateTime } from "luxon";
import { monthKey } from "../collections/schedule.ts";
import { SITE_TIME_ZONE } from "../time/zone.ts";
import { MONTH_SECTION_PREFIX, PASSING_SECTIONS, PROMOTION_ASIDE_PREFIX } from "../urls/site-urls.ts";

const MONTH_SECTION = new RegExp(`^${MONTH_SECTION_PREFIX}(\\d{4}-\\d{2})$`);
const PROMOTION_ASIDE = new RegExp(`^${PROMOTION_ASIDE_PREFIX}\\d+$`);

/**
 * Whether `id`, on a page of `template`, is a section that time may take away at `now` without any file changing: an
 * article's offers beside it or placed in it, a class page's form with its heading and its fields, the home page's
 * offers, the schedule's later months, or the schedule's section of a month that has begun (it goes with the month's
 * last class). A link to one that a written page lacks is then a warning; any other missing id, a typo or a month to
 * come that has no class, stops the build.
 */
export function isPassingSection(template: string | undefined, id: string, now: DateTime): boolean {
  if (template === "article") return id === PASSING_SECTIONS.article.sidebarOffer || PROMOTION_ASIDE.test(id);
  if (template === "session") {
    return (
      Object.values(PASSING_SECTIONS.session).some((section) => id === section || id === `${section}-heading`) ||
      Object.values(PASSING_SECTIONS.sessionForms).some((form) => Object.values(PASSING_SECTIONS.sessionFormFields).some((field) => id === `${form}-${field}`))
    );
  }
  if (template === "home") return id === PASSING_SECTIONS.home.offers;
  if (template !== "schedule") return false;
  const month = MONTH_SECTION.exec(id)?.[1];
  return id === PASSING_SECTIONS.schedule.laterMonths || (month !== undefined && month <= monthKey(now.setZone(SITE_TIME_ZONE)));
}
