import { listPageUrl } from "../urls/site-urls.ts";
import type { ListPage, NamedListPage } from "./views.ts";

/** The URL of page `number` of a list at `baseUrl` (spelt by src/urls/site-urls.ts). */
export const pageUrl = listPageUrl;

/** Splits `items` into pages of `size`; an empty list still has one (empty) page, so its URL exists. */
export function paginate<T>(items: readonly T[], size: number, baseUrl: string): ListPage<T>[] {
  const total = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: total }, (_, index) => {
    const number = index + 1;
    return {
      items: items.slice(index * size, number * size),
      number,
      isFirst: number === 1,
      total,
      url: pageUrl(baseUrl, number),
      ...(number > 1 ? { previousUrl: pageUrl(baseUrl, number - 1) } : {}),
      ...(number < total ? { nextUrl: pageUrl(baseUrl, number + 1) } : {}),
    };
  });
}

/**
 * Splits a named list into pages as `paginate` does, each titled and placed in the breadcrumb: the first page by
 * the list's own name, the later ones as "<title>, page N" under a step back to the first.
 */
export function paginateNamed<T>(items: readonly T[], size: number, baseUrl: string, name: { title: string; crumb: string }): NamedListPage<T>[] {
  return paginate(items, size, baseUrl).map((page) => ({
    ...page,
    title: page.isFirst ? name.title : `${name.title}, page ${page.number}`,
    crumb: page.isFirst ? name.crumb : `Page ${page.number}`,
    listTrail: page.isFirst ? [] : [{ label: name.crumb, url: baseUrl }],
  }));
}
