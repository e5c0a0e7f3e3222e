/** The functions of the official feed plugin this project calls directly (the package ships no types). */
declare module "@11ty/eleventy-plugin-rss" {
  export function convertHtmlToAbsoluteUrls(html: string, base: string, options?: Record<string, unknown>): Promise<string>;
}
