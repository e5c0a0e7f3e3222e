import type { SiteModel } from "../collections/site-model.ts";
import { PAGE_SETS, signerFor, type PageSet, type PageSetName } from "./page-sets.ts";

/**
 * The page objects each large paginated template renders in this build, by set name (`pages.articles`), and
 * whether that is every page (false after a save in `npm start`, when the unchanged pages are not rendered).
 */
export type PagesToRender = { readonly [name in PageSetName]: readonly object[] } & { readonly complete: boolean };

/**
 * Chooses the pages a build renders. A production build and the first build of `npm start` render every page.
 * A later build of `npm start` after a save that touched only content renders a page only when its signature
 * (src/eleventy/page-sets.ts) differs from the previous build's, and leaves the other pages' files as they
 * were written: their inputs did not change, so neither would their bytes. This is what keeps the save-to-page
 * loop short at thousands of articles, where rendering every page again took most of a rebuild.
 */
export class RenderedPages {
  #previous = new Map<PageSetName, Map<string, string>>();
  #pending = new Map<PageSetName, Map<string, string>>();

  /**
   * The pages to render. `watching` is true in `npm start`, where signatures are kept for the next build;
   * `unchangedCode` is true when every file changed since the last build is content, so only the model moved.
   */
  select(model: SiteModel, watching: boolean, unchangedCode: boolean): PagesToRender {
    const all = Object.fromEntries(Object.entries(PAGE_SETS).map(([name, set]) => [name, set.items(model)])) as Record<PageSetName, readonly object[]>;
    if (!watching) return { ...all, complete: true };
    const sign = signerFor(model);
    const chosen = {} as Record<PageSetName, readonly object[]>;
    let complete = true;
    for (const [name, set] of Object.entries(PAGE_SETS) as [PageSetName, PageSet][]) {
      const shared = set.shared(model, sign);
      const previous = this.#previous.get(name);
      const current = new Map<string, string>();
      const render: object[] = [];
      for (const item of all[name]) {
        const key = set.key(item);
        const signature = shared + set.item(item, sign);
        current.set(key, signature);
        if (!unchangedCode || previous?.get(key) !== signature) render.push(item);
      }
      this.#pending.set(name, current);
      chosen[name] = render;
      complete &&= render.length === all[name].length;
    }
    return { ...chosen, complete };
  }

  /**
   * Keeps this build's signatures for the next, once its pages are written. A build that failed half-way keeps
   * the last good build's, so the pages it did not write are rendered next time.
   */
  commit(): void {
    for (const [name, signatures] of this.#pending) this.#previous.set(name, signatures);
    this.#pending.clear();
  }
}
