import { describe, expect, it } from "vitest";
import { formatPrice } from "../../src/lib/money.ts";

describe("formatPrice", () => {
  it("writes whole-dollar prices, or says the price is on request", () => {
    expect(formatPrice(2495)).toBe("$2,495");
    expect(formatPrice(undefined)).toBe("Price on request");
  });
});
