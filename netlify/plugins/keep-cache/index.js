/**
 * Netlify build plugin (loaded by Netlify with plain Node, no TypeScript): keeps `.cache/` between builds.
 * Every build restores it before the build command; only a production build saves it afterwards, so a deploy
 * preview of a pull request reads what production left but never writes what production will read. The
 * cache only makes a build faster: a restore or save that fails is logged and the build goes on, and what it
 * restores is checked before use (sealed files, docs/SECURITY.md).
 */

/** The folder kept, relative to the base directory. */
export const CACHE_FOLDER = ".cache";

/** The only deploy context whose cache is saved. */
export const SAVING_CONTEXT = "production";

/**
 * Restores `.cache/` with Netlify's `utils.cache`. Returns whether a cache was restored; never throws.
 * @param {{ restore(path: string): Promise<boolean> }} cache
 * @param {(line: string) => void} log
 */
export async function restoreCache(cache, log = console.log) {
  try {
    const restored = await cache.restore(CACHE_FOLDER);
    log(restored ? `keep-cache: restored ${CACHE_FOLDER}/` : `keep-cache: no saved ${CACHE_FOLDER}/, building cold`);
    return restored;
  } catch (error) {
    log(`keep-cache: could not restore ${CACHE_FOLDER}/ (${error instanceof Error ? error.message : String(error)}), building cold`);
    return false;
  }
}

/**
 * Saves `.cache/` when `context` is production, and does nothing in any other context. Returns whether it
 * saved; never throws.
 * @param {{ save(path: string): Promise<boolean> }} cache
 * @param {string | undefined} context
 * @param {(line: string) => void} log
 */
export async function saveCache(cache, context, log = console.log) {
  if (context !== SAVING_CONTEXT) {
    log(`keep-cache: not saving ${CACHE_FOLDER}/ from a ${context ?? "local"} build (only production saves it)`);
    return false;
  }
  try {
    const saved = await cache.save(CACHE_FOLDER);
    log(saved ? `keep-cache: saved ${CACHE_FOLDER}/` : `keep-cache: nothing in ${CACHE_FOLDER}/ to save`);
    return saved;
  } catch (error) {
    log(`keep-cache: could not save ${CACHE_FOLDER}/ (${error instanceof Error ? error.message : String(error)})`);
    return false;
  }
}

/** Before the build command: every context starts from the production cache, if there is one. */
export async function onPreBuild({ utils }) {
  await restoreCache(utils.cache);
}

/** After a successful build: production keeps its cache for the next build. */
export async function onPostBuild({ utils }) {
  await saveCache(utils.cache, process.env.CONTEXT);
}
