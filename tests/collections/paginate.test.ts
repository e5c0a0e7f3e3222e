import { describe, expect, it } from "vitest";
import { pageUrl, paginate } from "../../src/collections/paginate.ts";

const numbers = (count: number) => Array.from({ length: count }, (_, index) => index + 1);

describe("pageUrl", () => {
  it("uses the base URL for page 1 and page/N/ below it for later pages", () => {
    expect(pageUrl("/articles/", 1)).toBe("/articles/");
    expect(pageUrl("/articles/", 2)).toBe("/articles/page/2/");
    expect(pageUrl("/articles/tags/c-sharp/", 12)).toBe("/articles/tags/c-sharp/page/12/");
  });
});

describe("paginate", () => {
  it("gives an empty list one empty page, so its URL exists", () => {
    const pages = paginate([], 10, "/articles/");
    expect(pages).toEqual([{ items: [], number: 1, isFirst: true, total: 1, url: "/articles/" }]);
    expect(pages[0]).not.toHaveProperty("previousUrl");
    expect(pages[0]).not.toHaveProperty("nextUrl");
  });

  it("keeps a list of exactly one page's size on one page", () => {
    const pages = paginate(numbers(10), 10, "/articles/");
    expect(pages).toHaveLength(1);
    expect(pages[0]).toEqual({ items: numbers(10), number: 1, isFirst: true, total: 1, url: "/articles/" });
  });

  it("starts a second page for the eleventh item", () => {
    const pages = paginate(numbers(11), 10, "/articles/");
    expect(pages.map((page) => page.items)).toEqual([numbers(10), [11]]);
    expect(pages[1]).toEqual({ items: [11], number: 2, isFirst: false, total: 2, url: "/articles/page/2/", previousUrl: "/articles/" });
  });

  it("links each page to its neighbours", () => {
    const pages = paginate(numbers(25), 10, "/articles/");
    expect(pages).toEqual([
      { items: numbers(10), number: 1, isFirst: true, total: 3, url: "/articles/", nextUrl: "/articles/page/2/" },
      { items: numbers(20).slice(10), number: 2, isFirst: false, total: 3, url: "/articles/page/2/", previousUrl: "/articles/", nextUrl: "/articles/page/3/" },
      { items: [21, 22, 23, 24, 25], number: 3, isFirst: false, total: 3, url: "/articles/page/3/", previousUrl: "/articles/page/2/" },
    ]);
  });

  it("keeps every item once and in order", () => {
    const items = numbers(47);
    const pages = paginate(items, 10, "/x/");
    expect(pages).toHaveLength(5);
    expect(pages.flatMap((page) => page.items)).toEqual(items);
    expect(pages.every((page) => page.total === 5)).toBe(true);
  });

  it("does not change the list it is given", () => {
    const items = numbers(15);
    paginate(items, 4, "/x/");
    expect(items).toEqual(numbers(15));
  });

  it("works with any page size", () => {
    expect(paginate(["a", "b", "c"], 1, "/t/").map((page) => [page.url, page.items])).toEqual([
      ["/t/", ["a"]],
      ["/t/page/2/", ["b"]],
      ["/t/page/3/", ["c"]],
    ]);
  });
});
