import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { CLOCKS, REPO_ROOT } from "../support/build-site.ts";

/** One page Eleventy renders, and the template it came from. */
export interface TemplatePage {
  /** The template, e.g. "./content/pages/course.njk". */
  template: string;
  url: string;
}

/** What Eleventy's write() reports per output. */
interface JsonEntry {
  url: string | false;
  inputPath: string;
  outputPath: string | false;
}

/**
 * One HTML page of every template, as Eleventy itself reports which template wrote which URL (a build at the December
 * clock of the test build), so a new template is opened without anyone listing it here. The first URL in sorted
 * order is taken, so the choice is stable.
 */
export async function onePagePerTemplate(): Promise<TemplatePage[]> {
  const { register } = await import("tsx/esm/api");
  register();
  const { default: Eleventy } = await import("@11ty/eleventy");
  const previousNow = process.env.SITE_NOW;
  const previousCwd = process.cwd();
  process.env.SITE_NOW = CLOCKS.december;
  process.chdir(REPO_ROOT);
  // The stylesheet and after-build plugins still write files: keep them out of the project.
  const scratch = await mkdtemp(path.join(os.tmpdir(), "hsg-templates-"));
  try {
    const eleventy = new Eleventy(undefined, scratch, { quietMode: true, configPath: ".eleventy.ts" });
    // write() answers with what it wrote (passthrough copies and templates), each template with its URL.
    const entries = ((await eleventy.write()) as unknown[]).flat(2).filter((item): item is JsonEntry => typeof item === "object" && item !== null && "inputPath" in item);
    const pages = new Map<string, string>();
    for (const entry of entries.filter((item) => typeof item.url === "string" && typeof item.outputPath === "string" && item.outputPath.endsWith(".html"))) {
      const url = entry.url as string;
      const current = pages.get(entry.inputPath);
      if (current === undefined || url < current) pages.set(entry.inputPath, url);
    }
    return [...pages].map(([template, url]) => ({ template, url })).sort((a, b) => a.template.localeCompare(b.template));
  } finally {
    await rm(scratch, { recursive: true, force: true });
    process.chdir(previousCwd);
    if (previousNow === undefined) delete process.env.SITE_NOW;
    else process.env.SITE_NOW = previousNow;
  }
}
