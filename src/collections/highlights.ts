import type { DateTime } from "luxon";
import type { Content } from "../content/load-content.ts";
import type { Promotion } from "../schemas/promotion.ts";
import type { BuildContext } from "./build-context.ts";
import { StageClock } from "./stage-memo.ts";
import type { DatedPromotion, Highlights, ScheduledSession } from "./views.ts";

/** How many of the next classes the home page lists. */
export const HOME_CLASSES = 5;

/** How many of the next classes an article's sidebar lists. */
export const SIDEBAR_CLASSES = 3;

/** Whether a promotion is dated and running at `now`; a standing promotion (no dates) never is: only articles place it. */
export function isRunning(promotion: Promotion, now: DateTime | StageClock): promotion is DatedPromotion {
  const { validFrom, validUntil } = promotion;
  if (validFrom === undefined || validUntil === undefined) return false;
  const clock = now instanceof StageClock ? now : StageClock.at(now);
  return clock.reached(validFrom.startOf("day")) && !clock.passed(validUntil.endOf("day"));
}

/** Picks the promotions, the fact and the next classes (from the schedule's bookable ones) for the build's clock. */
export function buildHighlights(content: Content, context: BuildContext, bookable: readonly ScheduledSession[]): Highlights {
  const now = context.now;
  const facts = content.site.didYouKnow;
  return {
    promotions: content.promotions.filter((promotion): promotion is DatedPromotion => isRunning(promotion, now)),
    fact: facts[now.ordinal % facts.length]!,
    nextClasses: bookable.slice(0, HOME_CLASSES),
    sidebarClasses: bookable.slice(0, SIDEBAR_CLASSES),
  };
}
