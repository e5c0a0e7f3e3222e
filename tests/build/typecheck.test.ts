import { describe, expect, inject, it } from "vitest";
import { awaitOutcome } from "../support/setup-status.ts";
import type { TypecheckResult } from "../support/typecheck.ts";

describe("npm run typecheck", () => {
  // tsc runs from the global setup (tests/support/typecheck.ts), beside the builds and the tests instead of after them.
  it("finds no type error in the site's code, scripts and tests (tsc --noEmit, strict)", () => {
    const result = awaitOutcome<TypecheckResult>(inject("setupStatus"), "typecheck");
    expect(result.output).toBe("");
    expect(result.status).toBe(0);
  });
});
