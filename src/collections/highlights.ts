import type { Content } from "../content/load-content.ts";
import type { Promotion } from "../schemas/promotion.ts";
import type { BuildContext } from "./build-context.ts";

/** What the home page and the sidebar feature at the build's clock. */
export interface Highlights {
  /** Promotions running now: from the start of validFrom to the end of validUntil, in the site's zone. */
  promotions: Promotion[];
  /** One "did you know?" fact, changing daily and the same all day. */
  fact: string;
}

/** Picks the promotions and the fact for the build's clock. */
export function buildHighlights(content: Content, context: BuildContext): Highlights {
  const now = context.now;
  const facts = content.site.didYouKnow;
  return {
    promotions: content.promotions.filter((promotion) => promotion.validFrom.startOf("day") <= now && now <= promotion.validUntil.endOf("day")),
    fact: facts[now.ordinal % facts.length]!,
  };
}
