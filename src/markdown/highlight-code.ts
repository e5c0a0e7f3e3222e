import { createRequire } from "node:module";
import type { HLJSApi, LanguageFn } from "highlight.js";

// Only the grammars the firm's subjects need are loaded: highlight.js's core is synchronous and class-based
// (`<span class="hljs-keyword">`), so highlighting costs one pass per block and needs no inline style the CSP would block.
const GRAMMARS = ["bash", "cpp", "csharp", "css", "http", "java", "javascript", "json", "perl", "plaintext", "powershell", "python", "shell", "sql", "typescript", "xml", "yaml"] as const;

let engine: HLJSApi | undefined;

/**
 * highlight.js with its grammars, loaded on the first code block rather than on import: most processes that
 * import the Markdown renderer highlight nothing (a warm `npm run check` renders only the fixed pages' copy), and
 * the grammars are a fair share of their start-up. Its CommonJS build is required, which keeps highlighting synchronous.
 */
function highlighter(): HLJSApi {
  if (engine) return engine;
  const require = createRequire(import.meta.url);
  const hljs = require("highlight.js/lib/core") as HLJSApi;
  for (const name of GRAMMARS) hljs.registerLanguage(name, require(`highlight.js/lib/languages/${name}`) as LanguageFn);
  // Names editors reach for that highlight.js does not alias itself.
  hljs.registerAliases(["text", "txt", "plain", "none"], { languageName: "plaintext" });
  hljs.registerAliases(["shell-session"], { languageName: "shell" });
  hljs.registerAliases(["c++", "hpp", "cc"], { languageName: "cpp" });
  hljs.registerAliases(["c#"], { languageName: "csharp" });
  hljs.registerAliases(["pwsh"], { languageName: "powershell" });
  engine = hljs;
  return hljs;
}

/** A fenced block after highlighting. */
export interface HighlightedCode {
  /** The inner HTML of the `<code>` element: escaped text with `hljs-*` token spans. */
  html: string;
  /** The grammar used, e.g. `java`; `plaintext` when none was named or the name is unknown. */
  language: string;
  /** false when the fence named a language no grammar is loaded for. */
  known: boolean;
}

/** The languages a fence may name (without aliases), for messages and documentation. */
export const HIGHLIGHT_LANGUAGES: readonly string[] = GRAMMARS.filter((name) => name !== "plaintext");

/** Highlights `code` written in `language` (a fence's info word); an unknown or missing language gives escaped plain text. */
export function highlightCode(code: string, language: string): HighlightedCode {
  const hljs = highlighter();
  const name = language.trim().toLowerCase();
  const grammar = name ? hljs.getLanguage(name) : undefined;
  const languageName = grammar ? resolveName(name) : "plaintext";
  const result = hljs.highlight(code, { language: languageName, ignoreIllegals: true });
  return { html: result.value, language: languageName, known: name === "" || grammar !== undefined };
}

/** The registered name behind an alias, so the CSS class names one grammar however the editor spelled it. */
function resolveName(name: string): string {
  if ((GRAMMARS as readonly string[]).includes(name)) return name;
  const hljs = highlighter();
  const grammar = hljs.getLanguage(name);
  return GRAMMARS.find((key) => hljs.getLanguage(key) === grammar) ?? "plaintext";
}
