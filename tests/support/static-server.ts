import { existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { parseAllHeaders } from "netlify-headers-parser";
import { parseAllRedirects } from "netlify-redirect-parser";

/** A parsed `_headers` rule (the parser's declared types say `never[]` for its inputs, so they are narrowed here). */
interface HeaderRule {
  forRegExp: RegExp;
  values: Record<string, string>;
}
type ParseAllHeaders = (options: { headersFiles: string[]; configHeaders: never[]; minimal: boolean }) => Promise<{ headers: HeaderRule[]; errors: Error[] }>;

/** A parsed `_redirects` rule, as netlify-redirect-parser normalises it. */
export interface RedirectRule {
  from: string;
  to: string;
  status: number;
  force: boolean;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".wasm": "application/wasm",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".svg": "image/svg+xml",
  ".woff2": "font/woff2",
  ".xml": "application/xml",
  ".ics": "text/calendar",
  ".txt": "text/plain",
};

/** Content types a CDN compresses. */
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|manifest\+json)|image\/svg\+xml)/;

/** A running local server for a build. */
export interface StaticServer {
  origin: string;
  /** The redirect rules it follows, as parsed from the build's `_redirects`. */
  redirects: readonly RedirectRule[];
  close(): Promise<void>;
}

/** The build's `_redirects`, parsed by Netlify's parser. */
export async function parseRedirects(dir: string): Promise<RedirectRule[]> {
  const { redirects, errors } = await parseAllRedirects({ redirectsFiles: [path.join(dir, "_redirects")], configRedirects: [], minimal: false });
  if (errors.length > 0) throw new Error(`_redirects does not parse: ${errors.map((error: Error) => error.message).join("; ")}`);
  return redirects as RedirectRule[];
}

/** Netlify compares paths without their trailing slash and case-insensitively. */
const normal = (pathname: string) => (pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname).toLowerCase();

/**
 * Serves a built site on 127.0.0.1 the way Netlify does for these tests: files, `/a/` as `/a/index.html` and
 * `/a` redirected to `/a/`; the rules of the build's `_redirects` (301, and only where no file shadows them,
 * unless forced); 404.html with status 404 for everything else; and on every response the headers of the
 * build's `_headers`, matched by Netlify's parser. A form POST answers with its action page, as Netlify Forms do.
 */
export async function serveBuild(dir: string): Promise<StaticServer> {
  const { headers: rules, errors } = await (parseAllHeaders as unknown as ParseAllHeaders)({ headersFiles: [path.join(dir, "_headers")], configHeaders: [], minimal: false });
  if (errors.length > 0) throw new Error(`_headers does not parse: ${errors.map((error) => error.message).join("; ")}`);
  const redirects = await parseRedirects(dir);
  const headersFor = (pathname: string) =>
    Object.assign({}, ...rules.filter((rule) => rule.forRegExp.test(pathname)).map((rule) => rule.values)) as Record<string, string>;

  /** The file a path is served from, if there is one. */
  const fileFor = async (pathname: string): Promise<string | undefined> => {
    const file = path.join(dir, pathname);
    if (!file.startsWith(dir)) return undefined;
    try {
      if ((await stat(file)).isDirectory()) return existsSync(path.join(file, "index.html")) && pathname.endsWith("/") ? path.join(file, "index.html") : undefined;
      return file;
    } catch {
      return undefined;
    }
  };

  // The gzipped bytes of each file, kept with the bytes they were made from: the 2 MB CMS bundle was compressed
  // again on every load. Reused only while the file still holds exactly those bytes.
  const compressed = new Map<string, { body: Buffer; gzipped: Buffer }>();
  const gzipped = (file: string, body: Buffer) => {
    const known = compressed.get(file);
    if (known?.body.equals(body)) return known.gzipped;
    const made = gzipSync(body);
    compressed.set(file, { body, gzipped: made });
    return made;
  };

  const server = http.createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const pathname = decodeURIComponent(url.pathname);
    const file = await fileFor(pathname);
    const rule = redirects.find((candidate) => normal(candidate.from) === normal(pathname) && (candidate.force || !file));
    if (rule) {
      response.writeHead(rule.status, { Location: rule.to, ...headersFor(pathname) }).end();
      return;
    }
    if (!file && !pathname.endsWith("/") && (await fileFor(`${pathname}/`))) {
      response.writeHead(301, { Location: `${pathname}/${url.search}`, ...headersFor(pathname) }).end();
      return;
    }
    const served = file ?? path.join(dir, "404.html");
    const type = TYPES[path.extname(served)] ?? "application/octet-stream";
    const body = await readFile(served);
    // Text is sent gzipped when the client asks, as Netlify's CDN does, so audits weigh pages as visitors get them.
    const gzip = COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
    response.writeHead(file ? 200 : 404, { "Content-Type": type, ...(gzip ? { "Content-Encoding": "gzip", Vary: "Accept-Encoding" } : {}), ...headersFor(pathname) });
    response.end(gzip ? gzipped(served, body) : body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, redirects, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
