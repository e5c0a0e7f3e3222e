import sharp from "sharp";
import { LOGO_COLOURS, MARK_FOR_HEADER, MARK_ON_TILE, logoSvg, markSvg } from "./logo-svg.ts";
import { useSocialFont } from "../social/social-font.ts";
import { BRAND_PATHS } from "../urls/site-urls.ts";

/** Size of the PNG logo named in structured data. */
export const LOGO_PNG_SIZE = { width: 540, height: 128 } as const;

/** The colour browsers tint their interface with on phones. */
export const THEME_COLOUR = LOGO_COLOURS.brand;

/** What the brand files need to know about the site. */
export interface BrandSite {
  name: string;
  shortName: string;
  description: string;
}

const png = (svg: string, size: number) => sharp(Buffer.from(svg), { density: 72 * (size / 64) }).resize(size, size).png().toBuffer();

/** A square icon without rounded corners: platforms that mask icons round them themselves. */
const squareMark = () => markSvg({ ...MARK_ON_TILE, radius: 0 });

/**
 * An ICO file holding PNG images, which every browser since 2013 reads: the ICO header and directory wrap the PNGs as they are.
 * See https://en.wikipedia.org/wiki/ICO_(file_format)#Icon_resource_structure.
 */
export function icoFromPngs(images: readonly { size: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach((image, index) => {
    const entry = 6 + 16 * index;
    header.writeUInt8(image.size >= 256 ? 0 : image.size, entry);
    header.writeUInt8(image.size >= 256 ? 0 : image.size, entry + 1);
    header.writeUInt8(0, entry + 2);
    header.writeUInt8(0, entry + 3);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(image.data.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += image.data.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.data)]);
}

/** The web app manifest: name, colours and icons for "add to home screen". */
export function webManifest(site: BrandSite): string {
  return `${JSON.stringify(
    {
      name: site.name,
      short_name: site.shortName,
      description: site.description,
      start_url: "/",
      scope: "/",
      display: "browser",
      background_color: LOGO_COLOURS.paper,
      theme_color: THEME_COLOUR,
      icons: [
        { src: BRAND_PATHS.icon192, sizes: "192x192", type: "image/png" },
        { src: BRAND_PATHS.icon512, sizes: "512x512", type: "image/png" },
        { src: BRAND_PATHS.maskableIcon, sizes: "512x512", type: "image/png", purpose: "maskable" },
        { src: BRAND_PATHS.faviconSvg, sizes: "any", type: "image/svg+xml" },
      ],
    },
    null,
    2,
  )}\n`;
}

/** Every brand file, by its site path. Rendering takes a few tens of milliseconds, so it is simply redone each build. */
export async function brandFiles(site: BrandSite): Promise<Record<string, string | Buffer>> {
  // The logo's text is drawn in the npm copy of DejaVu Sans, as the social cards' is, whatever fonts the machine has.
  useSocialFont();
  const [ico16, ico32, apple, icon192, icon512, maskable, logoPng] = await Promise.all([
    png(markSvg(), 16),
    png(markSvg(), 32),
    png(squareMark(), 180),
    png(markSvg(), 192),
    png(markSvg(), 512),
    // A maskable icon keeps its drawing inside the central 80 % circle, so the mark is shrunk onto a full-bleed tile.
    sharp(Buffer.from(squareMark()), { density: 72 * 8 })
      .resize(360, 360)
      .extend({ top: 76, bottom: 76, left: 76, right: 76, background: LOGO_COLOURS.brand })
      .png()
      .toBuffer(),
    sharp(Buffer.from(logoSvg()), { density: 72 * 2 }).resize(LOGO_PNG_SIZE.width, LOGO_PNG_SIZE.height).flatten({ background: LOGO_COLOURS.paper }).png().toBuffer(),
  ]);
  return {
    [BRAND_PATHS.logo]: logoSvg(),
    [BRAND_PATHS.logoPng]: logoPng,
    [BRAND_PATHS.headerMark]: markSvg(MARK_FOR_HEADER),
    [BRAND_PATHS.faviconSvg]: markSvg(),
    [BRAND_PATHS.faviconIco]: icoFromPngs([
      { size: 16, data: ico16 },
      { size: 32, data: ico32 },
    ]),
    [BRAND_PATHS.appleTouchIcon]: apple,
    [BRAND_PATHS.icon192]: icon192,
    [BRAND_PATHS.icon512]: icon512,
    [BRAND_PATHS.maskableIcon]: maskable,
    [BRAND_PATHS.manifest]: webManifest(site),
  };
}
