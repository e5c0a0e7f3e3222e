/**
 * Stops an Eleventy instance from printing its own report of an error (the message and stack, line by line) before
 * its `write()` rejects, for a caller that reports the error itself: `npm run build` once, a test not at all. Eleventy
 * has no option for it, so its error handler's logger is replaced by one that does nothing. Kept in one place
 * because it reaches into Eleventy's internals.
 */
export function silenceErrorReports(eleventy: unknown): void {
  (eleventy as { errorHandler: { logger: unknown } }).errorHandler.logger = new Proxy({}, { get: () => () => undefined });
}
