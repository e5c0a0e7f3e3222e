import { describe, expect, it } from "vitest";
import { missingChromiumMessage } from "../support/browser.ts";

describe("browser tests without Chromium", () => {
  it("fail with the command that installs it", () => {
    const message = missingChromiumMessage("/nonexistent/chromium");
    expect(message).toContain("/nonexistent/chromium");
    expect(message).toContain("npm run setup -- --browser");
  });

  it("say nothing when Chromium is there", () => {
    expect(missingChromiumMessage(process.execPath)).toBeUndefined();
  });
});
