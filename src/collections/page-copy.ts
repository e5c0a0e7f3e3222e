import type { Content } from "../content/load-content.ts";
import type { PageCopyId } from "../content/page-copy-pages.ts";
import { renderMarkdown } from "../markdown/render-markdown.ts";
import type { BuildContext } from "./build-context.ts";

/** One fixed page's words, ready to lay out: plain-text title, description and lede, rendered Markdown for the rest. */
export interface PageCopy {
  title: string;
  /** Undefined only on the home page, which uses site.yaml's. */
  description?: string;
  lede: string;
  /** The main text as HTML; empty when the page has none. */
  html: string;
  /** Each named block as HTML. */
  blocks: Record<string, string>;
  /** The sitemap's lastmod ("YYYY-MM-DD"): the copy file's last commit, else the build's date. */
  lastmod: string;
}

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
