/** The entry point of the social images' rasteriser process (src/social/social-image-raster.ts, rasteriseApart). */
import { answerRasterRequest } from "./social-image-raster.ts";

answerRasterRequest();
