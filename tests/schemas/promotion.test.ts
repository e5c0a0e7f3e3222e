import { describe, expect, it } from "vitest";
import { promotionSchema } from "../../src/schemas/promotion.ts";

const validPromotion = () => ({ title: "Half-Price Books", body: "Pick a book at half price.", validFrom: "2027-01-01", validUntil: "2027-07-31" });

function issuesOf(value: unknown): { path: string; code: string; message: string }[] {
  const result = promotionSchema.safeParse(value);
  expect(result.success).toBe(false);
  return (result.error?.issues ?? []).map((issue) => ({ path: issue.path.join("."), code: issue.code, message: issue.message }));
}

describe("promotionSchema", () => {
  it("accepts a promotion and reads its days as midnight in America/Denver", () => {
    const promotion = promotionSchema.parse(validPromotion());
    expect(promotion.title).toBe("Half-Price Books");
    expect(promotion.validFrom?.toISO()).toBe("2027-01-01T00:00:00.000-07:00");
    expect(promotion.validUntil?.toISO()).toBe("2027-07-31T00:00:00.000-06:00");
    expect(promotion.validFrom?.zoneName).toBe("America/Denver");
    expect(promotion.courses).toEqual([]);
    expect(promotion.id).toBeUndefined();
  });

  it("accepts a one-day promotion", () => {
    expect(promotionSchema.safeParse({ ...validPromotion(), validUntil: "2027-01-01" }).success).toBe(true);
  });

  it("refuses validUntil before validFrom", () => {
    expect(issuesOf({ ...validPromotion(), validFrom: "2027-02-01", validUntil: "2027-01-31" })).toEqual([
      { path: "validUntil", code: "custom", message: "must not be before validFrom" },
    ]);
  });

  it("refuses a time on a date-only field", () => {
    expect(issuesOf({ ...validPromotion(), validFrom: "2027-01-01T09:00" })).toEqual([
      { path: "validFrom", code: "custom", message: '"2027-01-01T09:00" has a time; give a date only, such as "2026-12-07"' },
    ]);
  });

  it("refuses an unquoted YAML date", () => {
    expect(issuesOf({ ...validPromotion(), validUntil: new Date(Date.UTC(2027, 6, 31)) })[0]).toMatchObject({
      path: "validUntil",
      message: expect.stringContaining("unquoted YAML dates are not accepted"),
    });
  });

  it("refuses impossible dates", () => {
    expect(issuesOf({ ...validPromotion(), validUntil: "2025-02-30" })[0]).toMatchObject({ path: "validUntil", message: expect.stringContaining("is not a real date") });
    expect(issuesOf({ ...validPromotion(), validFrom: "2024-13-01" })[0]).toMatchObject({ path: "validFrom", message: expect.stringContaining("is not a real date") });
  });

  it("requires body", () => {
    const { body: _omitted, ...promotion } = validPromotion();
    expect(issuesOf(promotion)).toEqual([{ path: "body", code: "invalid_type", message: "Invalid input: expected string, received undefined" }]);
  });

  it("requires validFrom when validUntil is set, and the other way round", () => {
    const { validFrom: _from, ...withoutFrom } = validPromotion();
    expect(issuesOf(withoutFrom)).toEqual([{ path: "validFrom", code: "custom", message: expect.stringMatching(/^is required when validUntil is set/) }]);
    const { validUntil: _until, ...withoutUntil } = validPromotion();
    expect(issuesOf(withoutUntil)).toEqual([{ path: "validUntil", code: "custom", message: expect.stringMatching(/^is required when validFrom is set/) }]);
  });

  it("accepts a standing promotion with an id, courses and no dates", () => {
    const { validFrom: _from, validUntil: _until, ...standing } = validPromotion();
    const promotion = promotionSchema.parse({ ...standing, id: "tools", courses: ["aws-fundamentals", "office-365"] });
    expect(promotion).toMatchObject({ id: "tools", courses: ["aws-fundamentals", "office-365"] });
    expect(promotion.validFrom).toBeUndefined();
  });

  it("refuses a promotion without dates and without an id: nothing could show it", () => {
    const { validFrom: _from, validUntil: _until, ...standing } = validPromotion();
    expect(issuesOf(standing)).toEqual([{ path: "id", code: "custom", message: expect.stringContaining("only an article can show it") }]);
  });

  it("refuses ids and course ids that are not lowercase ids", () => {
    expect(issuesOf({ ...validPromotion(), id: "Tools" })[0]?.path).toBe("id");
    expect(issuesOf({ ...validPromotion(), courses: ["AWS Fundamentals"] })[0]?.path).toBe("courses.0");
  });

  it("refuses an unknown field such as a typo", () => {
    expect(issuesOf({ ...validPromotion(), validTo: "2027-07-31" })).toEqual([{ path: "", code: "unrecognized_keys", message: 'Unrecognized key: "validTo"' }]);
  });

  it("refuses a title that is not text", () => {
    expect(issuesOf({ ...validPromotion(), title: 50 })[0]).toMatchObject({ path: "title", code: "invalid_type" });
  });
});
