/** The part of @11ty/eleventy-img this project calls (the package ships no types). */
declare module "@11ty/eleventy-img" {
  interface ImageOptions {
    formats: string[];
    widths: number[];
    outputDir: string;
    svgShortCircuit?: boolean;
    dryRun?: boolean;
  }
  interface ImageResult {
    outputPath: string;
    url: string;
    width: number;
    height: number;
  }
  export default function Image(source: Buffer | string, options: ImageOptions): Promise<Record<string, ImageResult[] | undefined>>;
}
