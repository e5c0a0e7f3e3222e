import type { SiteTemplateData } from "../../../src/eleventy/template-data.ts";

/** /robots.txt: everything may be crawled; the sitemap lists what should be. Previews say noindex in their headers. */
export default class Robots {
  data() {
    return { permalink: "/robots.txt", eleventyExcludeFromCollections: true };
  }

  render(data: SiteTemplateData): string {
    return `User-agent: *\nAllow: /\n\nSitemap: ${data.site.url}/sitemap.xml\n`;
  }
}
