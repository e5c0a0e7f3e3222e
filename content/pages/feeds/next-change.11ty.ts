import type { NextChangeFile } from "../../../src/feeds/next-change.ts";

/** /next-change.json: when this build goes stale, for the hourly scheduled rebuild (netlify/functions/scheduled-rebuild.mts). */
export default class NextChange {
  data() {
    return { permalink: "/next-change.json", eleventyExcludeFromCollections: true };
  }

  render(data: { nextChange: NextChangeFile }): string {
    return `${JSON.stringify(data.nextChange, null, 2)}\n`;
  }
}
