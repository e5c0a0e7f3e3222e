import { mkdir, writeFile } from "node:fs/promises";
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
 * Points fontconfig at the npm copy of DejaVu Sans. sharp rasterises SVG text through librsvg and fontconfig,
 * which read FONTCONFIG_FILE when they first look for a font; with only this folder configured, the image
 * looks the same on Debian, macOS and WSL whatever the machine has installed (or not). Must run before the
 * first image with text is rendered in this process. Returns the configuration file's path.
 */
export async function useSocialFont(workFolder: string): Promise<string> {
  const folder = path.resolve(workFolder);
  const file = path.join(folder, "fonts.conf");
  await mkdir(folder, { recursive: true });
  await writeFile(file, fontconfigXml(socialFontFolder(), path.join(folder, "cache")));
  process.env.FONTCONFIG_FILE = file;
  return file;
}
