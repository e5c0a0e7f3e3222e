import { describe, expect, it } from "vitest";
import { plural } from "../../src/lib/plural.ts";

describe("plural", () => {
  it("writes counts with the right noun", () => {
    expect(plural(1, "day")).toBe("1 day");
    expect(plural(5, "day")).toBe("5 days");
    expect(plural(0, "course")).toBe("0 courses");
    expect(plural(2, "class", "classes")).toBe("2 classes");
  });
});
