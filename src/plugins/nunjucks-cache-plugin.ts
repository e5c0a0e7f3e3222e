import type { EleventyConfig } from "../eleventy/eleventy-config.ts";
import { recordedData } from "../eleventy/rendered-pages.ts";

/** The parts of Nunjucks this plugin uses, as Eleventy hands them over in its `eleventy.engine.njk` event. */
interface NunjucksHandles {
  nunjucks: { Template: new (source: string, environment: unknown, path: string, eagerCompile: boolean) => NunjucksTemplate };
  environment: unknown;
}

interface NunjucksTemplate {
  render(data: object, callback: (error: Error | null, result: string) => void): void;
}

/**
 * Compiles each Nunjucks source once per build instead of once per page. Eleventy 3.1 marks its Nunjucks
 * engine as not cacheable and makes a new Nunjucks Template for every render, so a paginated template over
 * 4,000 articles (its body, permalink and computed strings) was parsed and compiled 4,000 times. This keeps
 * Eleventy's own Nunjucks environment (filters, shortcodes, autoescape, throwOnUndefined) and lets Eleventy's
 * compile cache, keyed by file and source, hold the compiled template.
 */
export function nunjucksCachePlugin(config: EleventyConfig): void {
  let handles: NunjucksHandles | undefined;
  config.on("eleventy.engine.njk", (value: unknown) => {
    handles = value as NunjucksHandles;
  });
  const compiled = new Map<string, (data: object) => Promise<string>>();
  const compile = (source: string, inputPath: string) => {
    const key = `${inputPath}\0${source}`;
    let render = compiled.get(key);
    if (!render) {
      if (!handles) throw new Error("Nunjucks engine not ready: eleventy.engine.njk was not emitted");
      const template = new handles.nunjucks.Template(source, handles.environment, inputPath, true);
      // In `npm start`, a page's render reads the model through recording proxies (src/eleventy/rendered-pages.ts).
      render = (data: object) => new Promise<string>((resolve, reject) => template.render(recordedData(data), (error, result) => (error ? reject(error) : resolve(result))));
      compiled.set(key, render);
    }
    return render;
  };
  // A new build may change filters or includes: compile afresh, as Eleventy does.
  config.on("eleventy.before", () => compiled.clear());
  config.addExtension("njk", {
    key: "njk",
    compileOptions: {
      cache: true,
      // Permalinks are Nunjucks too ("{{ pager.url }}"); a plain path is used as written.
      permalink: (permalink: unknown, inputPath: string) =>
        typeof permalink === "string" && /\{[{%]/.test(permalink) ? compile(permalink, inputPath) : permalink,
    },
    compile,
  });
}
