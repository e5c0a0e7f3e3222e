import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { CLOCKS } from "../support/build-site.ts";
import { copyProject, removeFolder } from "../support/project-copy.ts";

/** One page Eleventy rendered, and the template it came from. */
export interface TemplatePage {
  /** The template, e.g. "./content/pages/course.njk". */
  template: string;
  url: string;
}

/** A build of the fixture site, with one page of each of its templates. */
export interface TemplateBuild {
  /** The output folder. */
  dir: string;
  pages: TemplatePage[];
}

/** What Eleventy's write() reports per output. */
interface WrittenEntry {
  url: string | false;
  inputPath: string;
  outputPath: string | false;
}

/**
 * Builds the fixture site at the December clock and picks one HTML page of every template, as Eleventy itself
 * reports which template wrote which URL, so a new template is opened without anyone listing it here. The first
 * URL in sorted order is taken, so the choice is stable.
 */
export async function buildOnePagePerTemplate(): Promise<TemplateBuild> {
  const { register } = await import("tsx/esm/api");
  register();
  const { default: Eleventy } = await import("@11ty/eleventy");
  const project = await copyProject("fixture");
  const dir = await mkdtemp(path.join(os.tmpdir(), "hsg-templates-"));
  const previousNow = process.env.SITE_NOW;
  const previousCwd = process.cwd();
  process.env.SITE_NOW = CLOCKS.december;
  process.chdir(project);
  try {
    const eleventy = new Eleventy(undefined, dir, { quietMode: true, configPath: ".eleventy.ts" });
    // write() answers with what it wrote (passthrough copies and templates), each template with its URL.
    const entries = ((await eleventy.write()) as unknown[]).flat(2).filter((item): item is WrittenEntry => typeof item === "object" && item !== null && "inputPath" in item);
    const pages = new Map<string, string>();
    for (const entry of entries) {
      if (typeof entry.url !== "string" || typeof entry.outputPath !== "string" || !entry.outputPath.endsWith(".html")) continue;
      const current = pages.get(entry.inputPath);
      if (current === undefined || entry.url < current) pages.set(entry.inputPath, entry.url);
    }
    return { dir, pages: [...pages].map(([template, url]) => ({ template, url })).sort((a, b) => a.template.localeCompare(b.template)) };
  } finally {
    process.chdir(previousCwd);
    if (previousNow === undefined) delete process.env.SITE_NOW;
    else process.env.SITE_NOW = previousNow;
    await removeFolder(project);
  }
}
