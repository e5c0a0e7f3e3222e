import type { EleventyConfig } from "../eleventy/eleventy-config.ts";
import { iconSvg, ICON_NAMES, illustrationSvg, ILLUSTRATION_NAMES, type IconName } from "../icons/icons.ts";

/** Registers `{% icon name %}` and `{% illustration name %}`: one of the project's own SVG icons, inline. The model resolves every name, so an unknown one is a bug and fails the build. */
export function iconsPlugin(config: EleventyConfig): void {
  config.addShortcode("icon", (name: string) => {
    if (!ICON_NAMES.includes(name as IconName)) throw new Error(`icon: "${name}" is not one of ${ICON_NAMES.join(", ")}`);
    return iconSvg(name as IconName);
  });
  config.addShortcode("illustration", (name: string) => {
    const known = ILLUSTRATION_NAMES.find((candidate) => candidate === name);
    if (!known) throw new Error(`illustration: "${name}" is not one of ${ILLUSTRATION_NAMES.join(", ")}`);
    return illustrationSvg(known);
  });
}
