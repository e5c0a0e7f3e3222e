import { SITE_PATHS } from "../urls/site-urls.ts";
import { escapeHtml } from "../html/escape-html.ts";
import { SOCIAL_FONT_FAMILY } from "./social-font.ts";

/** What a social image shows. */
export interface SocialCard {
  /** The big text: an article's or course's title. */
  title: string;
  /** A short line above the title, e.g. "Article" or "Course · Advanced · 5 days". */
  eyebrow: string;
  /** The firm's name, at the foot. */
  brand: string;
  /** The site's host name, at the foot. */
  host: string;
}

/** The site-wide social image, for pages without their own. */
export const DEFAULT_SOCIAL_IMAGE = SITE_PATHS.defaultSocialImage;

/** Social image size recommended by Open Graph consumers. */
export const SOCIAL_IMAGE = { width: 1200, height: 630 } as const;

const TITLE_SIZE = 60;
const TITLE_LINE_HEIGHT = 72;
const TITLE_FIRST_BASELINE = 250;
const MAX_LINE_CHARACTERS = 28;
const MAX_LINES = 4;

/** Splits a title into at most four lines of about 28 characters, ending in "…" if it had to be cut. */
export function wrapTitle(title: string): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of title.split(/\s+/).filter(Boolean)) {
    if (line && `${line} ${word}`.length > MAX_LINE_CHARACTERS) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= MAX_LINES) return lines;
  const kept = lines.slice(0, MAX_LINES);
  kept[MAX_LINES - 1] = `${kept[MAX_LINES - 1]!.replace(/[\s,.:;!?-]+$/, "")}…`;
  return kept;
}

/**
 * The SVG a social image is rasterised from. Text uses DejaVu Sans from the dejavu-fonts-ttf npm package
 * (see social-font.ts), so the image renders the same on every machine instead of falling back to boxes.
 */
export function socialImageSvg(card: SocialCard): string {
  const lines = wrapTitle(card.title);
  const titleLines = lines
    .map((line, index) => `<text x="80" y="${TITLE_FIRST_BASELINE + index * TITLE_LINE_HEIGHT}" class="title">${escapeHtml(line)}</text>`)
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SOCIAL_IMAGE.width}" height="${SOCIAL_IMAGE.height}" viewBox="0 0 ${SOCIAL_IMAGE.width} ${SOCIAL_IMAGE.height}">
<style>text{font-family:'${SOCIAL_FONT_FAMILY}',sans-serif;fill:#ffffff}.eyebrow{font-size:30px;fill:#c9dcf0}.title{font-size:${TITLE_SIZE}px;font-weight:bold}.brand{font-size:32px;font-weight:bold}.host{font-size:26px;fill:#c9dcf0}</style>
<rect width="100%" height="100%" fill="#0b4f8a"/>
<rect x="0" y="560" width="100%" height="70" fill="#083a66"/>
<rect x="80" y="96" width="96" height="8" fill="#e07a4f"/>
<text x="80" y="150" class="eyebrow">${escapeHtml(card.eyebrow)}</text>
${titleLines}
<text x="80" y="606" class="brand">${escapeHtml(card.brand)}</text>
<text x="1120" y="606" class="host" text-anchor="end">${escapeHtml(card.host)}</text>
</svg>`;
}
