import { chromium, type Browser } from "playwright-core";

/** Debian's Chromium, which `npm run setup -- --browser` installs; playwright's own browser download cannot work here. */
export const CHROMIUM_PATH = "/usr/bin/chromium";

/** The flags this machine needs: headless, no sandbox as root, no background network (the machine has none). */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
] as const;

/** Starts headless Chromium with the flags this machine needs (no sandbox as root, no background network). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS],
  });
}
