import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/**
 * Mozilla's HTTP Observatory (@mdn/mdn-http-observatory), run offline: its own analyzers (ALL_TESTS) and grader,
 * applied to the headers and HTML of one path instead of a live site. The package is installed without its install
 * scripts (they download a certificate bundle and the HSTS preload list and build libpq), so the preload list it
 * reads is given here as empty: being on it only ever adds points, never the ones this site relies on.
 */

/** One analyzer's result. */
export interface ObservatoryTest {
  result: string;
  pass: boolean | null;
  scoreModifier: number;
}

/** What the Observatory would say about one path. */
export interface ObservatoryScore {
  score: number;
  grade: string;
  tests: Record<string, ObservatoryTest>;
}

/** The response to score. */
export interface ObservedResponse {
  /** The site's https origin, e.g. "https://www.example.com". */
  origin: string;
  /** The path, e.g. "/search/". */
  pathname: string;
  /** The response headers, as the CDN would send them. */
  headers: Record<string, string>;
  /** The body of an HTML response (for its meta CSP and scripts), or undefined. */
  html: string | undefined;
}

const packageRoot = path.dirname(createRequire(import.meta.url).resolve("@mdn/mdn-http-observatory/package.json"));

/** The empty preload list its install step would have downloaded. */
function ensurePreloadList(): void {
  const file = path.join(packageRoot, "conf", "hsts-preload.json");
  if (existsSync(file)) return;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, "{}\n");
}

/* eslint-disable @typescript-eslint/no-explicit-any -- the package is untyped JavaScript */
async function load(module: string): Promise<any> {
  return import(path.join(packageRoot, "src", module));
}

/** Scores one response the way `scan()` in the package's src/scanner/index.js does after it has fetched a site. */
export async function observatoryScore(response: ObservedResponse): Promise<ObservatoryScore> {
  ensurePreloadList();
  const [{ AxiosHeaders }, types, constants, grader, charts, retrieverUtils] = await Promise.all([
    import(createRequire(path.join(packageRoot, "package.json")).resolve("axios")),
    load("types.js"),
    load("constants.js"),
    load("grader/grader.js"),
    load("grader/charts.js"),
    load("retriever/utils.js"),
  ]);
  const url = new URL(response.pathname, response.origin);
  const host = url.hostname;
  const requests = new types.Requests(host);
  const headers = new AxiosHeaders({ "Content-Type": response.html === undefined ? "application/octet-stream" : "text/html; charset=utf-8", ...response.headers });
  const ok = { headers, request: { headers: new AxiosHeaders() }, status: 200, statusText: "OK", verified: true, data: response.html ?? "", config: { headers: new AxiosHeaders() } };
  requests.responses.auto = { ...ok, httpEquiv: response.html === undefined ? new Map() : retrieverUtils.parseHttpEquivHeaders(response.html, url.href) };
  requests.responses.https = ok;
  requests.responses.cors = ok;
  // Netlify answers http:// with a 301 to the same path on https:// of the same host.
  requests.responses.http = { ...ok, status: 301 };
  requests.responses.httpRedirects = [
    { url: new URL(`http://${host}${url.pathname}`), status: 301 },
    { url, status: 200 },
  ];
  requests.resources.path = response.html ?? null;
  requests.session = { url, jar: null };

  // The scoring below is scan() after its retrieve(), line for line.
  const results: any[] = constants.ALL_TESTS.map((test: (requests: unknown) => unknown) => test(requests));
  let scoreWithExtraCredit = 100;
  let uncurvedScore = 100;
  const tests: Record<string, ObservatoryTest> = {};
  for (const result of results) {
    if (result.result) {
      result.scoreModifier = grader.getScoreModifier(result.result);
      scoreWithExtraCredit += result.scoreModifier;
      if (result.scoreModifier < 0) uncurvedScore += result.scoreModifier;
    }
    tests[result.constructor.name] = { result: result.result, pass: result.pass, scoreModifier: result.scoreModifier };
  }
  const score = uncurvedScore >= charts.MINIMUM_SCORE_FOR_EXTRA_CREDIT ? scoreWithExtraCredit : uncurvedScore;
  const final = grader.getGradeForScore(score);
  return { score: final.score, grade: final.grade, tests };
}
