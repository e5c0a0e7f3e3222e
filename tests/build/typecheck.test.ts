import { describe, expect, inject, it } from "vitest";

describe("npm run typecheck", () => {
  // tsc ran in the global setup (tests/support/typecheck.ts), beside the builds instead of after them.
  it("finds no type error in the site's code, scripts and tests (tsc --noEmit, strict)", () => {
    const result = inject("typecheck");
    expect(result.output).toBe("");
    expect(result.status).toBe(0);
  });
});
