import { ADMIN_FOLDER, SITE_PATHS } from "../../../src/urls/site-urls.ts";
import { metaContentSecurityPolicy } from "../../../src/netlify/header-policy.ts";
import { escapeHtml } from "../../../src/html/escape-html.ts";
import type { SiteTemplateData } from "../../../src/eleventy/template-data.ts";
import type { PageTable } from "../../../src/pages/page-table.ts";

/**
 * /admin/: the content editor (Sveltia CMS). The page is only a shell: the CMS script builds the interface and
 * reads config.yml beside it. It has its own CSP and is never indexed (noindex here, in its headers, and
 * `robots` keeps it out of the sitemap).
 */
export default class AdminPage {
  data() {
    return { permalink: (data: { pageTable: PageTable }) => data.pageTable.url("admin/index"), robots: "noindex, nofollow", eleventyExcludeFromCollections: false };
  }

  render(data: SiteTemplateData): string {
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(metaContentSecurityPolicy(SITE_PATHS.admin))}">
<title>Content editor · ${escapeHtml(data.site.shortName)}</title>
</head>
<body>
<noscript><p>The content editor needs JavaScript. Without it, edit the files under content/ and _data/ as docs/EDITING.md explains.</p></noscript>
<script src="${escapeHtml(SITE_PATHS.cmsScript)}"></script>
</body>
</html>
`;
  }
}
