import { readdir } from "node:fs/promises";
import path from "node:path";
import { stringify } from "yaml";
import { writeWholeFile } from "../images/output-cache.ts";
import { ADMIN_FOLDER } from "../urls/site-urls.ts";
import { writeCmsBundle } from "../cms/cms-bundle.ts";
import { cmsConfig, type MapEntries } from "../cms/cms-config.ts";
import { REPOSITORY_PLACEHOLDER, repositoryWarning } from "../cms/cms-repository.ts";
import { CONTENT_TYPES } from "../cms/content-types.ts";
import { cachedSchemaSources } from "../cms/schema-docs-cache.ts";
import { SCHEMA_FOLDER } from "../cms/schema-files.ts";
import type { SiteModelSource } from "../build/site-model-source.ts";
import type { Content } from "../content/load-content.ts";
import type { DevRebuilds } from "../eleventy/dev-rebuilds.ts";
import type { EleventyConfig } from "../eleventy/eleventy-config.ts";

/** Options of the CMS plugin. */
export interface CmsPluginOptions {
  model: SiteModelSource;
  /** In `npm start`, the bundle (2 MB, the same on every build) is copied on the first build only. */
  dev: DevRebuilds;
  /** Where the field docs read from the schemas are kept between builds (src/cms/schema-docs-cache.ts). */
  cacheFolder: string;
}

/**
 * The content editor at /admin/: writes Sveltia CMS's bundle from its npm package, with its fonts (no CDN),
 * and admin/config.yml from the schemas after each build. The page itself is content/pages/admin/index.11ty.ts.
 */
export function cmsPlugin(config: EleventyConfig, options: CmsPluginOptions): void {
  let warned = false;
  // The YAML of the last build's settings, by their JSON: stringifying them took about 100 ms of every save of
  // `npm start`, though a save of content other than a keyed file leaves them as they were.
  let written: { json: string; yaml: string } | undefined;
  config.on("eleventy.after", async ({ directories, runMode }) => {
    const repository = repositoryFromEnvironment(process.env);
    // Once per process: `npm start` rebuilds on every save.
    const warning = repositoryWarning(repository.repository, process.env);
    if (warning && !warned) console.warn(`[hsg] ${warning}`);
    warned ||= warning !== undefined;
    const { content } = await options.model.get();
    const folder = path.join(directories.output, ADMIN_FOLDER);
    if (!options.dev.maySkip(runMode)) await writeCmsBundle(".", directories.output, ADMIN_FOLDER);
    const settings = cmsConfig({
      sources: await cachedSchemaSources(SCHEMA_FOLDER, options.cacheFolder),
      mapEntries: new Map([...mapEntriesOf(content), ...(await pageEntriesOf("."))]),
      ...repository,
      siteUrl: content.site.url,
    });
    const json = JSON.stringify(settings);
    if (written?.json !== json) written = { json, yaml: stringify(settings, { lineWidth: 0, aliasDuplicateObjects: false }) };
    // Written whole: `npm start` rewrites it on every build, and the editor may load it during one.
    await writeWholeFile(path.join(folder, "config.yml"), `# Written by the build from src/schemas (src/cms/cms-config.ts). Do not edit.\n${written.yaml}`);
  });
}

/** The ids and names in every keyed file, for the CMS's choices of authors, instructors, locations and categories. */
export function mapEntriesOf(content: Content): MapEntries {
  const entries = new Map<string, { id: string; label: string }[]>();
  for (const type of CONTENT_TYPES) {
    if (type.storage.kind !== "map") continue;
    const records = (content as unknown as Record<string, Record<string, { name?: string }>>)[type.id] ?? {};
    entries.set(
      type.id,
      Object.entries(records).map(([id, record]) => ({ id, label: record.name ?? id })),
    );
  }
  return entries;
}

/** The pages of every `pages` content type: one per Markdown file in its folder, labelled with its name. */
export async function pageEntriesOf(root: string): Promise<MapEntries> {
  const entries = new Map<string, { id: string; label: string }[]>();
  for (const type of CONTENT_TYPES) {
    if (type.storage.kind !== "pages") continue;
    const names = await readdir(path.join(root, type.storage.folder)).catch(() => [] as string[]);
    const ids = names.filter((name) => name.endsWith(".md")).map((name) => name.slice(0, -".md".length)).sort();
    entries.set(type.id, ids.map((id) => ({ id, label: id.charAt(0).toUpperCase() + id.slice(1).replace(/-/g, " ") })));
  }
  return entries;
}

/**
 * The GitHub repository and branch the CMS commits to: CMS_REPOSITORY ("owner/name") and CMS_BRANCH when set,
 * else Netlify's REPOSITORY_URL and "main". Without either, a placeholder that docs/EDITING.md explains.
 */
export function repositoryFromEnvironment(environment: Record<string, string | undefined>): { repository: string; branch: string } {
  const fromUrl = environment.REPOSITORY_URL?.match(/github\.com[/:]([^/]+\/[^/]+?)(?:\.git)?\/?$/)?.[1];
  return { repository: environment.CMS_REPOSITORY ?? fromUrl ?? REPOSITORY_PLACEHOLDER, branch: environment.CMS_BRANCH ?? "main" };
}
