import type MarkdownIt from "markdown-it";
import { escapeHtml } from "../html/escape-html.ts";
import { didYouMean } from "../content/suggest.ts";
import { highlightCode, highlightLanguageNames } from "./highlight-code.ts";
import { fileLine, type MarkdownState } from "./markdown-state.ts";

/**
 * Renders fenced and indented code as `<pre class="code-block">` with highlight.js token classes. The block is
 * focusable so a keyboard can scroll a long line sideways inside it; the page itself never scrolls sideways.
 * A fence naming an unknown language is shown as plain text and reported as a warning at its line.
 */
export function codeBlocks(markdown: MarkdownIt): void {
  markdown.renderer.rules.fence = (tokens, index, _options, env: MarkdownState) => {
    const token = tokens[index]!;
    // The first word of the fence's info, up to a comma or a brace too: mdBook and rustdoc write ```rust,ignore and
    // other generators ```js{1,3} (lines to mark), and the language is the part before them; Pandoc and R Markdown
    // write it inside braces, ```{.python .numberLines} and ```{r}.
    const language = token.info.trim().replace(/^\{\s*\.?/, "").split(/[\s,{}]/)[0] ?? "";
    const code = highlightCode(token.content, language);
    if (!code.known) {
      env.problems.push({
        file: env.file,
        line: fileLine(env, token.map?.[0] ?? 0),
        field: env.field ?? "body",
        severity: "warning",
        message: unknownLanguageMessage(language),
      });
    }
    return codeBlock(code.html, code.language);
  };
  markdown.renderer.rules.code_block = (tokens, index) => codeBlock(escapeHtml(tokens[index]!.content), "plaintext");
}

/** Says that highlight.js ships no grammar of that name (Terraform's HCL, say), with a likely slip named for longer words. */
function unknownLanguageMessage(language: string): string {
  // Short names are too near each other to guess from ("hcl" is two letters from "sql").
  const suggestion = language.length >= 5 ? didYouMean(language, highlightLanguageNames()) : "";
  return `code language "${language}" is not highlighted: highlight.js ships no grammar of that name, so the block is shown as plain text${suggestion}; name a language it ships (such as go, rust, dockerfile, toml, kotlin) or "text"`;
}

function codeBlock(inner: string, language: string): string {
  return `<pre class="code-block" tabindex="0"><code class="hljs language-${escapeHtml(language)}">${inner}</code></pre>\n`;
}
