/** The part of @11ty/eleventy-img this project calls (the package ships no types). */
declare module "@11ty/eleventy-img" {
  interface ImageOptions {
    formats: string[];
    widths: number[];
    outputDir: string;
    urlPath?: string;
    sharpAvifOptions?: Record<string, unknown>;
    /** false skips eleventy-img's memory and disk caches. */
    useCache?: boolean;
  }
  interface ImageResult {
    outputPath: string;
    url: string;
    width: number;
    height: number;
    /** `url width`w, one entry of a srcset. */
    srcset: string;
    filename: string;
  }
  type ImageMetadata = Record<string, ImageResult[] | undefined>;
  interface ImageFunction {
    (source: Buffer | string, options: ImageOptions): Promise<ImageMetadata>;
    /** The files `Image()` will write for a source of known dimensions, without reading or writing them. */
    statsByDimensionsSync(source: string, width: number, height: number, options: ImageOptions): ImageMetadata;
  }
  const Image: ImageFunction;
  export default Image;
}
