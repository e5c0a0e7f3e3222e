/** The top-level folder of the CMS; the build writes the editor, its bundle and its configuration there. */
export const ADMIN_FOLDER = "admin";

/**
 * The Content-Security-Policy of /admin/ only (the rest of the site keeps its own, stricter one). Sveltia CMS
 * is a single script served from this site; it injects its component styles at run time ('unsafe-inline'
 * styles, which no other page allows), shows uploads and previews from blob: URLs, and talks to GitHub's API
 * (and its status page) when an editor signs in; the sign-in popup goes through Netlify's OAuth relay.
 */
export const ADMIN_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https://avatars.githubusercontent.com https://raw.githubusercontent.com",
  "media-src 'self' blob:",
  "frame-src 'self' blob:",
  "font-src 'self' data:",
  "connect-src 'self' blob: data: https://api.github.com https://www.githubstatus.com https://api.netlify.com",
  "worker-src 'self' blob:",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "object-src 'none'",
].join("; ");

/** Headers of every file under /admin/: its own policy, and never indexed whatever the deploy context. */
export const ADMIN_HEADERS: readonly string[] = [`Content-Security-Policy: ${ADMIN_CONTENT_SECURITY_POLICY}`, "X-Robots-Tag: noindex, nofollow"];

/** The policy as the page repeats it in a <meta> element: frame-ancestors is ignored there, so it is left out. */
export const ADMIN_META_CONTENT_SECURITY_POLICY = ADMIN_CONTENT_SECURITY_POLICY.split("; ")
  .filter((directive) => !directive.startsWith("frame-ancestors"))
  .join("; ");
