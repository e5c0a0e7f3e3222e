import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { bindOpts } from "@netlify/cache-utils";
import { resolveConfig } from "@netlify/config";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CACHE_FOLDER, restoreCache, saveCache } from "../../netlify/plugins/keep-cache/index.js";
import { REPO_ROOT } from "../support/build-site.ts";

/**
 * The keep-cache build plugin against Netlify's own cache utilities (@netlify/cache-utils, what Netlify hands a
 * plugin as `utils.cache`), with the build cache and each build's checkout in a temporary folder: every build is
 * a fresh checkout, as on Netlify, sharing only the build cache.
 */
let work: string;
let buildCache: string;
let builds = 0;

beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), "keep-cache-"));
  buildCache = path.join(work, "netlify-build-cache");
});

afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

/** A fresh checkout of the site and Netlify's `utils.cache` for it. */
async function checkout(): Promise<{ root: string; cache: ReturnType<typeof bindOpts> }> {
  const root = path.join(work, `build-${++builds}`);
  await mkdir(root, { recursive: true });
  return { root, cache: bindOpts({ cacheDir: buildCache, cwd: root }) };
}

/** Writes a file into the checkout's `.cache/`, as a build would. */
async function writeCached(root: string, name: string, text: string): Promise<void> {
  const file = path.join(root, CACHE_FOLDER, name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
}

async function readCached(root: string, name: string): Promise<string | undefined> {
  return readFile(path.join(root, CACHE_FOLDER, name), "utf8").catch(() => undefined);
}

const quiet = () => undefined;

describe("the keep-cache Netlify build plugin", () => {
  it("saves .cache/ after a production build, and the next build's fresh checkout starts with it", async () => {
    const production = await checkout();
    expect(await restoreCache(production.cache, quiet)).toBe(false);
    await writeCached(production.root, "content/results-00.bin", "production results");
    expect(await saveCache(production.cache, "production", quiet)).toBe(true);

    const next = await checkout();
    expect(await restoreCache(next.cache, quiet)).toBe(true);
    expect(await readCached(next.root, "content/results-00.bin")).toBe("production results");
  });

  it.each(["deploy-preview", "branch-deploy", undefined])("restores production's cache in a %s build but never saves what it wrote", async (context) => {
    const production = await checkout();
    await writeCached(production.root, "content/results-00.bin", "production results");
    await saveCache(production.cache, "production", quiet);

    const preview = await checkout();
    expect(await restoreCache(preview.cache, quiet)).toBe(true);
    expect(await readCached(preview.root, "content/results-00.bin")).toBe("production results");
    await writeCached(preview.root, "content/results-00.bin", "results of a pull request");
    await writeCached(preview.root, "content/results-01.bin", "more results of a pull request");
    const lines: string[] = [];
    expect(await saveCache(preview.cache, context, (line) => lines.push(line))).toBe(false);
    expect(lines.join("\n")).toContain("only production saves it");

    const nextProduction = await checkout();
    await restoreCache(nextProduction.cache, quiet);
    expect(await readCached(nextProduction.root, "content/results-00.bin")).toBe("production results");
    expect(await readCached(nextProduction.root, "content/results-01.bin")).toBeUndefined();
  });

  it("builds cold when there is no saved cache, saying so", async () => {
    const first = await checkout();
    const lines: string[] = [];
    expect(await restoreCache(first.cache, (line) => lines.push(line))).toBe(false);
    expect(lines).toEqual(["keep-cache: no saved .cache/, building cold"]);
  });

  it("builds cold, without failing, when the saved cache's manifest is damaged", async () => {
    const production = await checkout();
    await writeCached(production.root, "content/results-00.bin", "production results");
    await saveCache(production.cache, "production", quiet);
    // @netlify/cache-utils keeps a JSON manifest beside each saved path; a cut-short one makes its restore throw.
    const manifest = path.join(buildCache, "cwd", `${CACHE_FOLDER}.netlify.cache.json`);
    await writeFile(manifest, '{"expires": ');

    const next = await checkout();
    const lines: string[] = [];
    expect(await restoreCache(next.cache, (line) => lines.push(line))).toBe(false);
    expect(lines.join("\n")).toMatch(/^keep-cache: could not restore \.cache\/ \(.+\), building cold$/);
    expect(await readCached(next.root, "content/results-00.bin")).toBeUndefined();
  });

  it("finishes a production build, without failing, when the cache cannot be saved", async () => {
    // A file where the build cache's folder should be: every save into it fails.
    await writeFile(buildCache, "not a folder");
    const production = await checkout();
    await writeCached(production.root, "content/results-00.bin", "production results");
    const lines: string[] = [];
    expect(await saveCache(production.cache, "production", (line) => lines.push(line))).toBe(false);
    expect(lines.join("\n")).toMatch(/^keep-cache: could not save \.cache\/ \(.+\)$/);
  });

  it("is the build plugin netlify.toml names, as @netlify/config resolves it in every context", async () => {
    for (const context of ["production", "deploy-preview", "branch-deploy"]) {
      const { config } = (await resolveConfig({
        config: path.join(REPO_ROOT, "netlify.toml"),
        repositoryRoot: REPO_ROOT,
        cwd: REPO_ROOT,
        offline: true,
        context,
        branch: "main",
        buffer: true,
      })) as { config: { plugins: { package: string }[] } };
      const local = config.plugins.filter((plugin) => plugin.package === "./netlify/plugins/keep-cache");
      expect(local, context).toHaveLength(1);
    }
    // Netlify imports the folder's index.js with plain Node (no tsx): the events it calls must be there.
    const plugin = (await import(pathToFileURL(path.join(REPO_ROOT, "netlify/plugins/keep-cache/index.js")).href)) as Record<string, unknown>;
    expect(typeof plugin.onPreBuild).toBe("function");
    expect(typeof plugin.onPostBuild).toBe("function");
    expect(await readFile(path.join(REPO_ROOT, "netlify/plugins/keep-cache/manifest.yml"), "utf8")).toMatch(/^name: keep-cache$/m);
  });
});
