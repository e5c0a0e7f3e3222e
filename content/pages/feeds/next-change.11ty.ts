import type { NextChangeFile } from "../../../src/feeds/next-change.ts";
import type { PageTable } from "../../../src/pages/page-table.ts";

/** /next-change.json: when this build goes stale, for the hourly scheduled rebuild (netlify/functions/scheduled-rebuild.mts). */
export default class NextChange {
  data() {
    return { permalink: (data: { pageTable: PageTable }) => data.pageTable.url("feeds/next-change"), eleventyExcludeFromCollections: true };
  }

  render(data: { nextChange: NextChangeFile }): string {
    return `${JSON.stringify(data.nextChange, null, 2)}\n`;
  }
}
