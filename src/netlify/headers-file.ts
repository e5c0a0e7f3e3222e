/** The Content-Security-Policy of every page: only this site's own files, nothing inline. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "object-src 'none'",
].join("; ");

/** The search page's policy: the same, plus 'wasm-unsafe-eval', which Pagefind's WebAssembly needs. */
export const SEARCH_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'");

/**
 * The policy a page repeats in a `<meta http-equiv>`: the same as its header, so that pages Netlify serves for
 * paths without a rule (its 404 page at an unknown address) are covered too. frame-ancestors is left out
 * because browsers ignore it in a meta element.
 */
export function metaContentSecurityPolicy(url: string, searchFolder: string): string {
  const policy = url.startsWith(`/${searchFolder}/`) ? SEARCH_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY;
  return policy
    .split("; ")
    .filter((directive) => !directive.startsWith("frame-ancestors"))
    .join("; ");
}

/** What the headers depend on. */
export interface HeadersInput {
  /** Netlify's deploy context (CONTEXT): production, deploy-preview, branch-deploy, dev; undefined locally. */
  context: string | undefined;
  /** The top-level entries of the output folder: folders end in "/", e.g. ["articles/", "index.html"]. */
  topLevel: readonly string[];
  /** The top-level folder of the search page. */
  searchFolder: string;
}

/**
 * The `_headers` file for this deploy. Netlify cannot scope headers by context in netlify.toml, so the build
 * writes them from CONTEXT: previews and branch deploys get X-Robots-Tag: noindex. The CSP is given per
 * top-level path, never twice for one path, so the search page's policy is not merged with the stricter one.
 */
export function headersFile(input: HeadersInput): string {
  const blocks: string[][] = [];
  const common = [
    "X-Content-Type-Options: nosniff",
    "Referrer-Policy: strict-origin-when-cross-origin",
    "X-Frame-Options: DENY",
    "Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()",
  ];
  if (input.context && input.context !== "production") common.push("X-Robots-Tag: noindex");
  blocks.push(["/*", ...common]);
  blocks.push(["/", `Content-Security-Policy: ${CONTENT_SECURITY_POLICY}`]);
  for (const entry of [...input.topLevel].sort()) {
    if (entry === "pagefind/") continue;
    const policy = entry === `${input.searchFolder}/` ? SEARCH_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY;
    blocks.push([entry.endsWith("/") ? `/${entry}*` : `/${entry}`, `Content-Security-Policy: ${policy}`]);
  }
  return `# Written by the build for the "${input.context ?? "local"}" context. Do not edit.\n${blocks.map(([path, ...headers]) => [path, ...headers.map((header) => `  ${header}`)].join("\n")).join("\n")}\n`;
}
