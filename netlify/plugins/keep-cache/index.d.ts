/** Types of index.js for the tests (Netlify loads the JavaScript itself). */

/** The part of Netlify's `utils.cache` (@netlify/cache-utils) the plugin uses. */
export interface NetlifyCache {
  restore(path: string, options?: object): Promise<boolean>;
  save(path: string, options?: object): Promise<boolean>;
}
export declare const CACHE_FOLDER: string;
export declare const SAVING_CONTEXT: string;
/** Restores `.cache/`; never throws. */
export declare function restoreCache(cache: Pick<NetlifyCache, "restore">, log?: (line: string) => void): Promise<boolean>;
/** Saves `.cache/` in production only; never throws. */
export declare function saveCache(cache: Pick<NetlifyCache, "save">, context: string | undefined, log?: (line: string) => void): Promise<boolean>;
/** Netlify's onPreBuild event. */
export declare function onPreBuild(options: { utils: { cache: NetlifyCache } }): Promise<void>;
/** Netlify's onPostBuild event. */
export declare function onPostBuild(options: { utils: { cache: NetlifyCache } }): Promise<void>;
