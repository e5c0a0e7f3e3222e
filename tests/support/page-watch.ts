import type { Page } from "playwright-core";

/** What a page in Chromium reported since its watch was last reset. */
export interface PageWatch {
  /** The status of the latest main-frame document (the last of a redirect chain). */
  readonly status: number | undefined;
  /**
   * Console errors, uncaught exceptions, failed requests and responses of 400 or more, as "kind: detail" lines.
   * The first document of a load is not among them (its status is `status`, which a test may expect to be 404);
   * a later one is (a form's thank-you page answering 404).
   */
  problems(): string[];
  /** The current document's Content-Security-Policy violations, as "csp: directive blocked-uri" lines. */
  cspViolations(): Promise<string[]>;
  /** Forgets what was reported, before the page loads the next document. */
  reset(): void;
}

/**
 * Watches a page from before its first load, for the browser tests that open pages and must see nothing go wrong:
 * every document records its own CSP violations from the first byte (an init script, since the site's CSP rightly
 * refuses an injected one), and the page's events are kept until `reset`.
 */
export async function watchPage(page: Page): Promise<PageWatch> {
  let problems: string[] = [];
  let status: number | undefined;
  let documents = 0;
  page.on("console", (message) => {
    // A failed load is reported below with its address; the console line alone does not say which.
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`exception: ${error.message}`));
  page.on("requestfailed", (request) => problems.push(`failed: ${request.url()} ${request.failure()?.errorText ?? ""}`));
  // The site loads everything from its own origin (its CSP allows no other): a request elsewhere is a problem even
  // where it would succeed, so that nothing a test pictures or audits can come from another server.
  page.on("request", (request) => {
    const { protocol, origin } = new URL(request.url());
    // A service worker's request has no frame (request.frame() throws): it is the page's origin's worker.
    const documentOrigin = new URL((request.serviceWorker() ? undefined : request.frame().url()) || page.url()).origin;
    if ((protocol === "http:" || protocol === "https:") && !request.isNavigationRequest() && origin !== documentOrigin) problems.push(`elsewhere: ${request.url()}`);
  });
  page.on("response", async (response) => {
    const reported = problems;
    if (response.request().isNavigationRequest() && response.frame() === page.mainFrame()) {
      status = response.status();
      if (++documents === 1 || status < 400) return;
    } else if (response.status() < 400) return;
    // Chromium asks for /favicon.ico by itself when a page names no icon; that is not a request the page made.
    if (new URL(response.url()).pathname === "/favicon.ico" && (await page.locator('link[rel~="icon"]').count()) === 0) return;
    reported.push(`status ${response.status()}: ${response.url()}`);
  });
  await page.addInitScript(() => {
    const record: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = record;
    document.addEventListener("securitypolicyviolation", (event) => record.push(`csp: ${event.violatedDirective} ${event.blockedURI}`));
  });
  return {
    get status() {
      return status;
    },
    problems: () => [...problems],
    cspViolations: () => page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []),
    reset: () => {
      problems = [];
      status = undefined;
      documents = 0;
    },
  };
}
