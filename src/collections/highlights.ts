import type { DateTime } from "luxon";
import type { Content } from "../content/load-content.ts";
import type { Promotion } from "../schemas/promotion.ts";
import type { BuildContext } from "./build-context.ts";

/** What the home page and the sidebar feature at the build's clock. */
export interface Highlights {
  /**
   * Dated promotions running now, in file order: from the start of validFrom to the end of validUntil, in the
   * site's zone. Every one is shown, on the home page and beside every article.
   */
  promotions: DatedPromotion[];
  /** One "did you know?" fact, changing daily and the same all day. */
  fact: string;
}

/** A promotion with both its days: an offer that runs for a while. */
export type DatedPromotion = Promotion & Required<Pick<Promotion, "validFrom" | "validUntil">>;

/** Whether a promotion is dated and running at `now`; a standing promotion (no dates) never is: only articles place it. */
export function isRunning(promotion: Promotion, now: DateTime): promotion is DatedPromotion {
  const { validFrom, validUntil } = promotion;
  return validFrom !== undefined && validUntil !== undefined && validFrom.startOf("day") <= now && now <= validUntil.endOf("day");
}

/** Picks the promotions and the fact for the build's clock. */
export function buildHighlights(content: Content, context: BuildContext): Highlights {
  const now = context.now;
  const facts = content.site.didYouKnow;
  return {
    promotions: content.promotions.filter((promotion): promotion is DatedPromotion => isRunning(promotion, now)),
    fact: facts[now.ordinal % facts.length]!,
  };
}
