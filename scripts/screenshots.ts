/**
 * `npm run screenshots`: full-page PNGs of one page of every template of the real site, at 320, 390, 768 and
 * 1280 px, in the light and the dark scheme, written to screenshots/ (ignored by git) for a person to look at.
 *
 * `npm run screenshots -- --update`: writes the visual regression suite's baselines instead (tests/visual/baselines/),
 * from the fixture site at the tests' December clock, exactly as tests/browser/templates.test.ts pictures it. Run it
 * after an intended change of the look, look at the new pictures, and commit them.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { launchChromium } from "../tests/support/browser.ts";
import { buildSite, CLOCKS } from "../tests/support/build-site.ts";
import { copyProject, removeFolder } from "../tests/support/project-copy.ts";
import { serveBuild } from "../tests/support/static-server.ts";
import { onePagePerTemplate } from "../tests/support/template-pages.ts";
import { captureTemplates, MAX_HEIGHT, SCHEMES, VISUAL_WIDTHS } from "../tests/visual/capture.ts";
import { BASELINE_FOLDER, baselinePng, CHROMIUM_HASHES_FILE, pngHash } from "../tests/visual/compare.ts";
import { buildIntoTemporaryFolder, DEFAULT_AUDIT_NOW } from "./lib/built-site.ts";

const LOOK_WIDTHS = [320, 390, 768, 1280];
const update = process.argv.includes("--update");

/** The fixture site built at the December clock, as the test run's global setup builds it. */
async function fixtureBuild(): Promise<string> {
  const project = await copyProject("fixture");
  try {
    return await buildSite(project, CLOCKS.december);
  } finally {
    await removeFolder(project);
  }
}

const siteNow = update ? CLOCKS.december : (process.env.SITE_NOW ?? DEFAULT_AUDIT_NOW);
const site = update ? await fixtureBuild() : buildIntoTemporaryFolder("hsg-screenshots-");
const output = update ? BASELINE_FOLDER : "screenshots";
const widths = update ? VISUAL_WIDTHS : LOOK_WIDTHS;
const server = await serveBuild(site);
const browser = await launchChromium();
try {
  const templates = await onePagePerTemplate(site);
  const { shots, systemFonts } = await captureTemplates(browser, { origin: server.origin, templates, widths, siteNow, maxHeight: update ? MAX_HEIGHT : undefined, checkFonts: true });
  // Only pictures go: a template that no longer exists leaves no stale baseline behind.
  mkdirSync(output, { recursive: true });
  for (const file of readdirSync(output)) if (file.endsWith(".png")) rmSync(path.join(output, file));
  if (update) {
    // Reduced to 256 colours a few at a time (sharp works on its own threads), with the hash of Chromium's bytes.
    for (let start = 0; start < shots.length; start += 4) {
      await Promise.all(shots.slice(start, start + 4).map(async (shot) => writeFileSync(path.join(output, shot.name), await baselinePng(shot.png))));
    }
    writeFileSync(CHROMIUM_HASHES_FILE, `${JSON.stringify(Object.fromEntries(shots.map((shot) => [shot.name, pngHash(shot.png)])), null, 2)}\n`);
  } else {
    for (const shot of shots) writeFileSync(path.join(output, shot.name), shot.png);
  }
  for (const problem of systemFonts) console.warn(problem);
  console.log(`screenshots: ${templates.size} templates x ${widths.length} widths x ${SCHEMES.length} schemes written to ${path.relative(".", output)}/`);
} finally {
  await browser.close();
  await server.close();
  await removeFolder(site);
}
