/**
 * The most memory a build may hold at once, in MB, its own process and every process it starts together: issue 21's
 * peak for a build of 10,000 articles (1.5 GB). The bench holds builds to it; the search index runs as many Pagefind
 * processes side by side as fit in it (src/search/search-index.ts).
 */
export const BUILD_MEMORY_MB = 1_536;
