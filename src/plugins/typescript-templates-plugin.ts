import type { EleventyConfig } from "../eleventy/eleventy-config.ts";
import { recordedData } from "../eleventy/rendered-pages.ts";

/** What Eleventy binds a custom compile function to when the extension stands for one of its own engines. */
interface DefaultRenderer {
  defaultRenderer: (data: object) => Promise<string>;
}

/**
 * Lets `*.11ty.ts` files be JavaScript templates (tsx, loaded by the build command, compiles them).
 * Their output is not escaped by Eleventy: they return calendars and feeds, never HTML built from strings.
 */
export function typescriptTemplatesPlugin(config: EleventyConfig): void {
  config.addExtension(["11ty.ts"], {
    key: "11ty.js",
    // Eleventy's own JavaScript renderer, given the data through recording proxies in `npm start` (src/eleventy/rendered-pages.ts).
    compile(this: DefaultRenderer) {
      const render = this.defaultRenderer;
      return (data: object) => render(recordedData(data));
    },
  });
}
