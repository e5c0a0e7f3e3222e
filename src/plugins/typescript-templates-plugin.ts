import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { EleventyConfig } from "../eleventy/eleventy-config.ts";
import { recordedData } from "../eleventy/rendered-pages.ts";
import { sha256 } from "../images/output-cache.ts";

/** What a `*.11ty.ts` file exports by default: a class whose instances give the page's data and render it. */
interface TypeScriptTemplate {
  data?(): object;
  render(data: object): string | Promise<string>;
}

/**
 * Lets `*.11ty.ts` files be JavaScript templates. Their output is not escaped by Eleventy: they return calendars
 * and feeds, never HTML built from strings. This module imports them itself, rather than Eleventy's JavaScript
 * engine, so that they load with the module system that loaded the build (tsx in a command, vitest in a test)
 * and share its copy of the site's modules: Eleventy's own import needed tsx registered in every process that
 * builds, whose hooks then slowed every later import there (docs/PERFORMANCE.md, "Twenty-ninth round").
 */
export function typescriptTemplatesPlugin(config: EleventyConfig): void {
  config.addExtension(["11ty.ts"], {
    key: "11ty.js",
    // The `data` method of the instance below, as Eleventy's JavaScript engine reads it.
    getData: true,
    getInstanceFromInputPath: (inputPath) => templateOf(inputPath),
    // Once per template and build, given the instance Eleventy got from templateOf for the file's content (so the
    // file is not read and imported a third time): the data goes through the recording proxies of `npm start`
    // (src/eleventy/rendered-pages.ts).
    compile(template: TypeScriptTemplate) {
      return async (data) => template.render(recordedData(data));
    },
  });
}

/**
 * An instance of the template in `inputPath`, imported under a URL that names the hash of its text: a file saved
 * with new code in `npm start` is a new module, as Eleventy's own import would make it, and an unchanged one is
 * the module already loaded.
 */
async function templateOf(inputPath: string): Promise<TypeScriptTemplate> {
  const file = path.resolve(inputPath);
  const text = await readFile(file);
  const url = `${pathToFileURL(file).href}?source=${sha256(text).slice(0, 16)}`;
  const { default: Template } = (await import(url)) as { default?: unknown };
  if (typeof Template !== "function" || typeof (Template.prototype as Partial<TypeScriptTemplate> | undefined)?.render !== "function") {
    throw new Error(`${inputPath}: a TypeScript template exports by default a class with a render(data) method`);
  }
  return new (Template as new () => TypeScriptTemplate)();
}
