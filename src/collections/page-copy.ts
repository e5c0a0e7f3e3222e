import type { Content } from "../content/load-content.ts";
import type { PageCopyId } from "../schemas/page-copy.ts";
import type { BuildContext } from "./build-context.ts";
import type { PageCopy } from "./views.ts";

/** The fixed pages' copy as the pages show it, its Markdown rendered where it was loaded and checked. */
export function buildPageCopy(content: Content, context: BuildContext): Record<PageCopyId, PageCopy> {
  return Object.fromEntries(
    Object.entries(content.pageCopy).map(([id, copy]) => [
      id,
      {
        title: copy.title,
        ...(copy.description ? { description: copy.description } : {}),
        lede: copy.lede,
        html: copy.html.body,
        blocks: copy.html.blocks,
        lastmod: (context.lastModified?.(copy.file) ?? context.now).toISODate()!,
      },
    ]),
  ) as Record<PageCopyId, PageCopy>;
}
