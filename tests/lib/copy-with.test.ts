import { describe, expect, it } from "vitest";
import { copyWith } from "../../src/lib/copy-with.ts";

describe("copyWith", () => {
  it("keeps a getter that is not enumerable, which a spread copy loses, and changes only the named fields", () => {
    let reads = 0;
    const item = { title: "Java", courses: ["a", "b"] };
    Object.defineProperty(item, "html", { enumerable: false, get: () => `<p>${++reads}</p>` });
    const copy = copyWith(item, { courses: ["a"] });
    expect(copy).not.toBe(item);
    expect(copy).toEqual({ title: "Java", courses: ["a"] });
    expect(item.courses).toEqual(["a", "b"]);
    // Still read at each use, from the copy as from the original.
    expect((copy as unknown as { html: string }).html).toBe("<p>1</p>");
    expect((copy as unknown as { html: string }).html).toBe("<p>2</p>");
    expect(Object.keys(copy)).toEqual(["title", "courses"]);
    expect(({ ...item } as { html?: string }).html).toBeUndefined();
  });
});
