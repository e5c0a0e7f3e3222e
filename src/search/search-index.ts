import path from "node:path";
import * as pagefind from "pagefind";

/**
 * Indexes a written site with Pagefind's Node API (`addDirectory`) into `<output>/<bundleFolder>`: Pagefind indexes
 * only the pages marked `data-pagefind-body` (src/plugins/pagefind-plugin.ts's searchMark), with filters from
 * `data-pagefind-filter`. Handing it the rendered pages one by one (`addHTMLFile`, tried for part 15) made the warm
 * build at 1,000 articles about 2.5 s slower and held every searched page in memory: Pagefind's own crawl reads
 * and parses the files on its threads, while each page sent over its pipe is a message handled in turn
 * (docs/PERFORMANCE.md).
 */
export async function writeSearchIndex(output: string, bundleFolder: string): Promise<void> {
  const site = path.resolve(output);
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: "en" });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    const added = await index.addDirectory({ path: site });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index the site: ${added.errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath: path.join(site, bundleFolder) });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
  } finally {
    await pagefind.close();
  }
}
