import type { Content } from "../content/load-content.ts";
import type { PageCopyId } from "../schemas/page-copy.ts";
import { renderMarkdown } from "../markdown/render-markdown.ts";
import type { BuildContext } from "./build-context.ts";
import type { PageCopy } from "./views.ts";

/** Renders the fixed pages' copy once per build. */
export function buildPageCopy(content: Content, context: BuildContext): Record<PageCopyId, PageCopy> {
  return Object.fromEntries(
    Object.entries(content.pageCopy).map(([id, copy]) => [
      id,
      {
        title: copy.title,
        ...(copy.description ? { description: copy.description } : {}),
        lede: copy.lede,
        html: copy.body ? renderMarkdown(copy.body) : "",
        blocks: Object.fromEntries(Object.entries(copy.blocks).map(([name, markdown]) => [name, renderMarkdown(markdown)])),
        lastmod: (context.lastModified?.(copy.file) ?? context.now).toISODate()!,
      },
    ]),
  ) as Record<PageCopyId, PageCopy>;
}
