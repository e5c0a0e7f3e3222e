import type { CDPSession, Page } from "playwright-core";

/** The part of the page to picture, in CSS pixels from the top left of the document. */
export interface Clip {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * A full-page PNG of the page's `clip`, as `page.screenshot({ fullPage: true, clip, animations: "disabled",
 * caret: "hide" })` takes it, but encoded by Chromium with `optimizeForSpeed`: the same pixels (PNG is lossless;
 * the baselines' hashes were carried over only where the pixels were proven equal) for about a quarter less of
 * Chromium's time per picture. Playwright offers no such option, so this does what its screenshot does around the
 * capture: carets hidden and animations finished (infinite ones cancelled, then resumed), fonts awaited, the clip
 * trimmed to the document, and the capture beyond the viewport only when the document does not fit in it.
 */
export async function fastScreenshot(page: Page, cdp: CDPSession, clip: Clip): Promise<Buffer> {
  // The same preparation as Playwright's own (inPagePrepareForScreenshots), in one round trip with the page's size.
  const size = await page.evaluate(async () => {
    const carets = [...document.querySelectorAll<HTMLElement>("input,textarea,[contenteditable]")].map((element) => {
      const before = { element, value: element.style.getPropertyValue("caret-color"), priority: element.style.getPropertyPriority("caret-color") };
      element.style.setProperty("caret-color", "transparent", "important");
      return before;
    });
    // Stored as a property, not a named constant: tsx would wrap a named function in a helper the page lacks.
    const animations: { resumed: Set<Animation>; stop?: () => void } = { resumed: new Set() };
    animations.stop = () => {
      for (const animation of document.getAnimations()) {
        if (!animation.effect || animation.playbackRate === 0 || animations.resumed.has(animation)) continue;
        if (Number.isFinite(animation.effect.getComputedTiming().endTime)) animation.finish();
        else {
          animation.cancel();
          animations.resumed.add(animation);
        }
      }
    };
    animations.stop();
    document.addEventListener("transitionrun", animations.stop);
    document.addEventListener("animationstart", animations.stop);
    (window as unknown as { restoreAfterScreenshot?: () => void }).restoreAfterScreenshot = () => {
      for (const { element, value, priority } of carets) element.style.setProperty("caret-color", value, priority);
      document.removeEventListener("transitionrun", animations.stop!);
      document.removeEventListener("animationstart", animations.stop!);
      for (const animation of animations.resumed) animation.play();
    };
    await document.fonts.ready;
    const { body, documentElement: root } = document;
    return {
      width: Math.max(body.scrollWidth, root.scrollWidth, body.offsetWidth, root.offsetWidth, body.clientWidth, root.clientWidth),
      height: Math.max(body.scrollHeight, root.scrollHeight, body.offsetHeight, root.offsetHeight, body.clientHeight, root.clientHeight),
      viewportWidth: window.innerWidth,
      viewportHeight: window.innerHeight,
    };
  });
  try {
    const fits = size.width <= size.viewportWidth && size.height <= size.viewportHeight;
    const x = Math.min(clip.x, size.width);
    const y = Math.min(clip.y, size.height);
    const trimmed = { x, y, width: Math.min(clip.x + clip.width, size.width) - x, height: Math.min(clip.y + clip.height, size.height) - y, scale: 1 };
    const { data } = await cdp.send("Page.captureScreenshot", { format: "png", clip: trimmed, captureBeyondViewport: !fits, optimizeForSpeed: true });
    return Buffer.from(data, "base64");
  } finally {
    await page.evaluate(() => (window as unknown as { restoreAfterScreenshot?: () => void }).restoreAfterScreenshot?.());
  }
}
