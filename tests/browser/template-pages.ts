import { buildDir } from "../support/site-output.ts";
import { onePagePerTemplate } from "../support/template-pages.ts";

/** One page Eleventy rendered, and the template it came from. */
export interface TemplatePage {
  /** The template, as the page's `data-template` names it. */
  template: string;
  url: string;
}

/** A build of the fixture site, with one page of each of its templates. */
export interface TemplateBuild {
  /** The output folder. */
  dir: string;
  pages: TemplatePage[];
}

/**
 * The run's December build of the fixture site (built once in the global setup) and one HTML page of every
 * template in it, read from the pages themselves, so a new template is opened without anyone listing it here.
 * The first URL in path order stands for its template, so the choice is stable.
 */
export async function buildOnePagePerTemplate(): Promise<TemplateBuild> {
  const dir = buildDir("december");
  const pages = [...(await onePagePerTemplate(dir))].map(([template, url]) => ({ template, url }));
  return { dir, pages: pages.sort((a, b) => a.template.localeCompare(b.template)) };
}
