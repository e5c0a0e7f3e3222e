import { readFile, stat } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { parseAllHeaders } from "netlify-headers-parser";

/** A parsed `_headers` rule (the parser's declared types say `never[]` for its inputs, so they are narrowed here). */
interface HeaderRule {
  forRegExp: RegExp;
  values: Record<string, string>;
}
type ParseAllHeaders = (options: { headersFiles: string[]; configHeaders: never[]; minimal: boolean }) => Promise<{ headers: HeaderRule[]; errors: Error[] }>;

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".xml": "application/xml",
  ".ics": "text/calendar",
  ".txt": "text/plain",
};

/** A running local server for a build. */
export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves a built site on 127.0.0.1 the way Netlify would for these tests: files, `/a/` as `/a/index.html`,
 * 404.html for missing paths, and the headers of the build's own `_headers` file, parsed by Netlify's parser.
 */
export async function serveBuild(dir: string): Promise<StaticServer> {
  const { headers: rules, errors } = await (parseAllHeaders as unknown as ParseAllHeaders)({ headersFiles: [path.join(dir, "_headers")], configHeaders: [], minimal: false });
  if (errors.length > 0) throw new Error(`_headers does not parse: ${errors.map((error) => error.message).join("; ")}`);
  const headersFor = (pathname: string) =>
    Object.assign({}, ...rules.filter((rule) => rule.forRegExp.test(pathname)).map((rule) => rule.values)) as Record<string, string>;

  const server = http.createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    let file = path.join(dir, pathname);
    if (!file.startsWith(dir)) {
      response.writeHead(400).end();
      return;
    }
    if (pathname.endsWith("/")) file = path.join(file, "index.html");
    let status = 200;
    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, "index.html");
      await stat(file);
    } catch {
      status = 404;
      file = path.join(dir, "404.html");
    }
    response.writeHead(status, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream", ...headersFor(pathname) });
    response.end(await readFile(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
