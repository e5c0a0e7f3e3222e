import { describe, expect, it } from "vitest";
import { documentTitle, MAX_TITLE_LENGTH, nonBreaking, telHref } from "../../src/filters/text-filters.ts";

describe("documentTitle", () => {
  it("adds the firm's name when it fits", () => {
    expect(documentTitle("Courses", "Hartmann Software Group", "HSG")).toBe("Courses | Hartmann Software Group");
  });

  it("falls back to the short name, then to the page title alone", () => {
    const medium = "Staff Augmentation or a Placement Agency? How to Decide";
    expect(documentTitle(medium, "Hartmann Software Group", "HSG")).toBe(`${medium} | HSG`);
    const long = "What Are the Responsibilities of an IT Project Manager vs. an IT Manager?";
    const title = documentTitle(long, "Hartmann Software Group", "HSG");
    expect(title.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
    expect(title.endsWith("…")).toBe(true);
    expect(long.startsWith(title.slice(0, -1))).toBe(true);
  });
});

describe("phone helpers", () => {
  it("keeps a printed number on one line", () => {
    expect(nonBreaking("+1 303-555-0142")).toBe("+1\u00a0303\u2011555\u20110142");
  });

  it("makes a tel: link of digits and the plus sign only", () => {
    expect(telHref("+1 303-555-0142")).toBe("tel:+13035550142");
    expect(telHref("(303) 555.0142")).toBe("tel:3035550142");
  });
});
