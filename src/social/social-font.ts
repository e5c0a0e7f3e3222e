import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { escapeHtml } from "../html/escape-html.ts";

/** The family the social image SVG names; its TTF files come from the dejavu-fonts-ttf npm package. */
export const SOCIAL_FONT_FAMILY = "DejaVu Sans";

/** The folder of DejaVu TTF files installed by npm, so no system font package is needed. */
export function socialFontFolder(): string {
  const packageJson = createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json");
  return path.join(path.dirname(packageJson), "ttf");
}

/** A fontconfig configuration that knows only `fontFolder` and keeps its cache in `cacheFolder`. */
export function fontconfigXml(fontFolder: string, cacheFolder: string): string {
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>${escapeHtml(fontFolder)}</dir>
  <cachedir>${escapeHtml(cacheFolder)}</cachedir>
</fontconfig>
`;
}

/**
 * Where the generated fontconfig file and fontconfig's cache live: beside the font package in node_modules, so that
 * every process of this install (a build, `npm start`, the rasteriser, a test's copy of the project) points at the
 * same file, which nothing deletes while a process may still read it. fontconfig reads its configuration again
 * when it rescans (every 30 s in a long-lived process): a file in a build's own folder could be gone by then.
 */
export function socialFontconfigFolder(): string {
  return path.join(path.dirname(path.dirname(socialFontFolder())), ".cache", "hsg-fontconfig");
}

/**
 * Points fontconfig at the npm copy of DejaVu Sans, for every SVG text sharp draws in this process (the social
 * cards, the logo's PNG). sharp rasterises SVG text through librsvg and fontconfig, which read FONTCONFIG_FILE when
 * they first look for a font; with only this folder configured, the image looks the same on Debian, macOS and WSL
 * whatever the machine has installed (or not). Must run before the first image with text is rendered in this
 * process. The file is written only when it differs (aside and renamed, so a reader never sees half of it).
 * Returns its path.
 */
export function useSocialFont(): string {
  const folder = socialFontconfigFolder();
  const file = path.join(folder, "fonts.conf");
  const xml = fontconfigXml(socialFontFolder(), path.join(folder, "cache"));
  if (readOrUndefined(file) !== xml) {
    mkdirSync(folder, { recursive: true });
    writeFileSync(`${file}.${process.pid}.tmp`, xml);
    renameSync(`${file}.${process.pid}.tmp`, file);
  }
  process.env.FONTCONFIG_FILE = file;
  return file;
}

/** A file's text, or undefined when it cannot be read. */
function readOrUndefined(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}
