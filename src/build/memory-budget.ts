/**
 * The most memory a build may hold at once, in MB, its own process and every process it starts together: issue 21's
 * peak for a build of 10,000 articles (1.5 GB). The bench holds builds to it; the search index runs as many Pagefind
 * processes side by side as fit in it (src/search/search-index.ts), and the social cards are drawn while the pages
 * render only when they fit in it too (src/plugins/social-images-plugin.ts).
 */
export const BUILD_MEMORY_MB = 1_536;

/**
 * How much an Eleventy run adds to the build's own process while it renders, in MB: every page of the run is held
 * until its write returns, and a run renders at most BATCH_PAGES paginated pages (src/eleventy/page-batches.ts).
 * Measured at 4,000 articles, a cold build's first run of 5,000 such pages: 569 MB before the pages, 812 MB after.
 */
export const RENDER_RUN_MB = 320;
