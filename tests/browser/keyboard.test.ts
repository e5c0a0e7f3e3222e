import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { buildDir } from "../support/site-output.ts";
import { useServedBrowser } from "../support/served-browser.ts";

const MAX_TABS = 250;
const SESSION_PAGE = /^\/schedule\/[a-z0-9-]+\/$/;

const served = useServedBrowser();

/** What has the keyboard focus: its tag, link target, form, type and whether it still needs a value. */
function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement & Partial<HTMLInputElement>;
    return {
      tag: element.tagName.toLowerCase(),
      href: element.getAttribute("href"),
      type: element.getAttribute("type") ?? "",
      form: element.closest("form")?.getAttribute("name") ?? null,
      needsValue: Boolean(element.required) && !element.value,
      visibleFocus: getComputedStyle(element).outlineStyle !== "none",
    };
  });
}

/** Presses Tab until `wanted` holds for the focused element, or fails after MAX_TABS presses. */
async function tabUntil(page: Page, wanted: (element: Awaited<ReturnType<typeof focused>>) => boolean, what: string) {
  for (let presses = 0; presses < MAX_TABS; presses++) {
    await page.keyboard.press("Tab");
    const element = await focused(page);
    if (wanted(element)) return element;
  }
  throw new Error(`${MAX_TABS} presses of Tab never reached ${what}`);
}

describe("registering for a class with the keyboard only", () => {
  it("tabs from the home page to a bookable class, fills in its registration form and reaches the thank-you page", async () => {
    const page = await (await served.newContext()).newPage();
    await page.goto(`${served.server.origin}/`);

    // The first class link the keyboard reaches whose page takes registrations.
    for (let attempt = 0; ; attempt++) {
      const link = await tabUntil(page, (element) => element.tag === "a" && SESSION_PAGE.test(element.href ?? ""), "a class");
      expect(link.visibleFocus).toBe(true);
      const target = link.href!;
      const takesRegistrations = await page.evaluate(async (url) => (await (await fetch(url)).text()).includes('name="class-registration"'), target);
      if (!takesRegistrations) {
        expect(attempt).toBeLessThan(20);
        continue;
      }
      await Promise.all([page.waitForURL(`**${target}`), page.keyboard.press("Enter")]);
      break;
    }

    await tabUntil(page, (element) => element.form === "class-registration" && element.tag === "input" && element.type !== "hidden", "the registration form");
    await page.keyboard.press("Shift+Tab");
    const answers: Record<string, string> = { email: "ada@example.com", number: "1", tel: "+1 303 555 0100" };
    for (let presses = 0; presses < 40; presses++) {
      await page.keyboard.press("Tab");
      const element = await focused(page);
      if (element.form !== "class-registration") throw new Error("The keyboard left the registration form before reaching its submit button");
      if (element.tag === "button" || element.type === "submit") {
        await Promise.all([page.waitForURL("**/thanks/registration/"), page.keyboard.press("Enter")]);
        expect(await page.locator("h1").innerText()).not.toBe("");
        await page.context().close();
        return;
      }
      if (element.needsValue) await page.keyboard.type(answers[element.type] ?? "Ada Lovelace");
    }
    throw new Error("The registration form has no submit button within reach");
  }, 120_000);
});
