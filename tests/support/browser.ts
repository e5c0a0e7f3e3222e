import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

/**
 * Debian's Chromium, which `npm run setup -- --browser` installs; playwright's own browser download cannot work
 * here. CHROMIUM_PATH names another Chromium (e.g. on macOS).
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

/** Why a browser test cannot run, and what to do about it; undefined when Chromium is there. */
export function missingChromiumMessage(executable = CHROMIUM_PATH): string | undefined {
  if (existsSync(executable)) return undefined;
  return `The browser tests need Chromium at ${executable}, which is not there. Run \`npm run setup -- --browser\` (it installs Debian's chromium, or prints the command to run as root), or set CHROMIUM_PATH to a Chromium or Chrome executable.`;
}

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
  // Fail with the way out rather than playwright's bare "executable doesn't exist": CI must not skip these silently.
  const missing = missingChromiumMessage();
  if (missing) return Promise.reject(new Error(missing));
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS],
  });
}
