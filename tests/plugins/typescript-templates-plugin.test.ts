import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EleventyConfig } from "../../src/eleventy/eleventy-config.ts";
import { typescriptTemplatesPlugin } from "../../src/plugins/typescript-templates-plugin.ts";
import { onePageSite, type OnePageSite } from "../support/one-page-site.ts";

/** A TypeScript template (type annotations included, so that it must be compiled) that writes `text` to /feed.txt. */
const templateWriting = (text: string) => `export default class Feed {
  data(): { permalink: () => string } {
    return { permalink: () => "feed.txt" };
  }
  render(data: { page: { url: string } }): string {
    return \`${text} at \${data.page.url}\`;
  }
}
`;

const withTemplates = (config: EleventyConfig) => {
  config.addPlugin(typescriptTemplatesPlugin);
  config.setTemplateFormats(["njk", "11ty.ts"]);
};

let site: OnePageSite;
const template = () => path.join(site.folder, "input/feed.11ty.ts");
beforeAll(async () => {
  site = await onePageSite();
});
afterAll(() => site.remove());

describe("TypeScript templates", () => {
  it("render with their own data, and render a saved change of their code in the same process", async () => {
    await writeFile(template(), templateWriting("first"));
    expect(await readFile(path.join(await site.build(withTemplates, "watch"), "feed.txt"), "utf8")).toBe("first at /feed.txt");
    // As `npm start` builds again after a save: Node keeps every module it imported, so the new code needs a new URL.
    await writeFile(template(), templateWriting("second"));
    expect(await readFile(path.join(await site.build(withTemplates, "watch"), "feed.txt"), "utf8")).toBe("second at /feed.txt");
  });

  it("stop the build, naming the file, when it exports no class with a render method", async () => {
    await writeFile(template(), "export default { permalink: 'feed.txt' };\n");
    await expect(site.build(withTemplates, "build")).rejects.toThrow(/feed\.11ty\.ts: a TypeScript template exports by default a class with a render\(data\) method/);
  });
});
