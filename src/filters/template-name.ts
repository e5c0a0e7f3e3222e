/**
 * The name of the template a page was rendered from, relative to content/pages and without its extension
 * ("article", "consulting/service"). Pages carry it as `data-template`, so audits can test one page of every
 * template, including templates added later, without a list to keep up to date.
 */
export function templateName(inputPath: string): string {
  const normalised = inputPath.replace(/\\/g, "/");
  // Below the last "pages" folder of the path, or the whole path without a leading "./".
  const relative = /.*\/pages\/(.*)$/s.exec(normalised)?.[1] ?? normalised.replace(/^\.?\/?/, "");
  return relative.replace(/\.(11ty\.ts|njk|md|html)$/, "");
}
