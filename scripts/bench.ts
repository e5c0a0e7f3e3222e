/**
 * `npm run bench`: measures what the tests must not time. Builds the real site into a temporary folder at a
 * fixed clock, cold (empty image cache) and then warm, and reports build times and the weight of each page
 * (HTML plus the stylesheet, gzipped), the measure the site's page budget is set in.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";

const SITE_NOW = "2026-12-01T09:00:00-07:00";
const WARM_RUNS = 3;

function build(output: string): number {
  const started = process.hrtime.bigint();
  execFileSync(process.execPath, ["--import", "tsx", "node_modules/@11ty/eleventy/cmd.cjs", "--config=.eleventy.ts", `--output=${output}`, "--quiet"], {
    env: { ...process.env, SITE_NOW },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return Number(process.hrtime.bigint() - started) / 1e9;
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((file) => statSync(path.join(dir, file)).isFile());
}

const scratch = mkdtempSync(path.join(os.tmpdir(), "hsg-bench-"));
try {
  const output = path.join(scratch, "site");
  // The image cache is only a cache: emptying it makes the first build a true cold one.
  rmSync(".cache/social-images", { recursive: true, force: true });
  const cold = build(output);
  const warm = Array.from({ length: WARM_RUNS }, () => build(output)).sort((a, b) => a - b);
  const all = files(output);
  const pages = all.filter((file) => file.endsWith(".html"));
  // The stylesheet's name carries its content hash (src/assets/fingerprint.ts).
  const stylesheet = all.find((file) => /^assets\/site\.[0-9a-f]+\.css$/.test(file.split(path.sep).join("/")));
  if (!stylesheet) throw new Error("The build wrote no stylesheet");
  const css = gzipSync(readFileSync(path.join(output, stylesheet))).length;
  const weights = pages.map((file) => ({ file, bytes: gzipSync(readFileSync(path.join(output, file))).length + css })).sort((a, b) => b.bytes - a.bytes);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(`Build (${pages.length} pages, ${all.length} files, SITE_NOW=${SITE_NOW})`);
  console.log(`  cold, empty image cache: ${cold.toFixed(2)} s`);
  console.log(`  warm, median of ${WARM_RUNS}:      ${warm[Math.floor(WARM_RUNS / 2)]!.toFixed(2)} s`);
  console.log(`Page weight, HTML + CSS gzipped (stylesheet ${kb(css)})`);
  console.log(`  median: ${kb(weights[Math.floor(weights.length / 2)]!.bytes)}`);
  for (const { file, bytes } of weights.slice(0, 3)) console.log(`  heaviest: ${kb(bytes)}  /${file}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
