/** Where the content lives in the repository: the data files and the articles' Markdown. */
export const CONTENT_PATHS = {
  data: "_data",
  articles: "content/articles",
} as const;
