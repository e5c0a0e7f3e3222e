import { existsSync } from "node:fs";
import { chromium, type Browser, type BrowserServer } from "playwright-core";

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

/** Where the test run's shared Chromium listens (a websocket URL), set by the global setup for the test workers. */
export const CHROMIUM_ENDPOINT_VARIABLE = "HSG_CHROMIUM_ENDPOINT";

/** The options of every Chromium this project starts. */
const launchOptions = () => ({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });

/**
 * Headless Chromium with the flags this machine needs (no sandbox as root, no background network). In a test run
 * this is a connection to the run's one Chromium (startChromiumServer): `close()` then drops the connection and
 * its contexts, not the browser. Elsewhere (npm run screenshots) it starts a Chromium of its own.
 */
export function launchChromium(): Promise<Browser> {
  // Fail with the way out rather than playwright's bare "executable doesn't exist": CI must not skip these silently.
  const missing = missingChromiumMessage();
  if (missing) return Promise.reject(new Error(missing));
  const endpoint = process.env[CHROMIUM_ENDPOINT_VARIABLE];
  return endpoint ? chromium.connect(endpoint) : chromium.launch(launchOptions());
}

/** Starts the one Chromium a test run shares, for launchChromium to connect to over its websocket. */
export function startChromiumServer(): Promise<BrowserServer> {
  const missing = missingChromiumMessage();
  if (missing) return Promise.reject(new Error(missing));
  return chromium.launchServer(launchOptions());
}
