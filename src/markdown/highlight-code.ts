import { createRequire } from "node:module";
import type { HLJSApi, LanguageFn } from "highlight.js";
import { HIGHLIGHT_GRAMMARS } from "./highlight-grammars.ts";

// highlight.js's core is synchronous and class-based (`<span class="hljs-keyword">`), so highlighting costs one
// pass per block and needs no inline style the CSP would block. Every grammar it ships is available, but each is
// required only when a block uses it: a site that writes Java and YAML never loads the other 190.

/** Names editors reach for that highlight.js does not declare itself, by grammar. */
const EXTRA_ALIASES: Readonly<Record<string, readonly string[]>> = {
  plaintext: ["plain", "none"],
  shell: ["shell-session"],
};

/** Every name a fence may use (grammar or alias, lowercase) -> the grammar file. */
const GRAMMAR_OF_NAME: ReadonlyMap<string, string> = new Map(
  Object.entries({ ...HIGHLIGHT_GRAMMARS }).flatMap(([grammar, aliases]) => [grammar, ...aliases, ...(EXTRA_ALIASES[grammar] ?? [])].map((name) => [name, grammar] as const)),
);

let engine: HLJSApi | undefined;
const require = createRequire(import.meta.url);

/**
 * highlight.js's core, loaded on the first code block rather than on import: most processes that import the
 * Markdown renderer highlight nothing (a warm `npm run check` renders only the fixed pages' copy). Its CommonJS
 * build is required, which keeps highlighting synchronous.
 */
function highlighter(): HLJSApi {
  engine ??= require("highlight.js/lib/core") as HLJSApi;
  return engine;
}

/**
 * Registers a grammar and, first, every grammar it embeds (HTML embeds CSS and JavaScript, ERB embeds Ruby):
 * highlight.js skips an embedded language that is not registered, so without this a block's HTML would depend on
 * which blocks the process had highlighted before, and a cached rendering could differ from a fresh one.
 */
function ensureGrammar(hljs: HLJSApi, grammar: string): void {
  if (hljs.getLanguage(grammar)) return;
  hljs.registerLanguage(grammar, require(`highlight.js/lib/languages/${grammar}`) as LanguageFn);
  for (const embedded of embeddedLanguages(hljs.getLanguage(grammar))) {
    const file = GRAMMAR_OF_NAME.get(embedded.toLowerCase());
    if (file) ensureGrammar(hljs, file);
  }
}

/** The `subLanguage` names anywhere in a grammar's modes. */
function embeddedLanguages(definition: unknown): Set<string> {
  const found = new Set<string>();
  const seen = new Set<object>();
  const visit = (value: unknown): void => {
    if (typeof value !== "object" || value === null || value instanceof RegExp || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) return value.forEach(visit);
    for (const [key, child] of Object.entries(value)) {
      if (key === "subLanguage") for (const name of [child].flat()) if (typeof name === "string") found.add(name);
      visit(child);
    }
  };
  visit(definition);
  return found;
}

/** A fenced block after highlighting. */
export interface HighlightedCode {
  /** The inner HTML of the `<code>` element: escaped text with `hljs-*` token spans. */
  html: string;
  /** The grammar used, e.g. `java`; `plaintext` when none was named or the name is unknown. */
  language: string;
  /** false when the fence named a language highlight.js does not ship. */
  known: boolean;
}

/** The grammar a fence's word names (`golang` -> `go`, `toml` -> `ini`), or undefined when highlight.js ships none. */
export function grammarFor(language: string): string | undefined {
  return GRAMMAR_OF_NAME.get(language.trim().toLowerCase());
}

/** Every name a fence may use, grammars and aliases, for suggestions. */
export function highlightLanguageNames(): string[] {
  return [...GRAMMAR_OF_NAME.keys()];
}

/** Highlights `code` written in `language` (a fence's info word); an unknown or missing language gives escaped plain text. */
export function highlightCode(code: string, language: string): HighlightedCode {
  const hljs = highlighter();
  const grammar = grammarFor(language);
  const languageName = grammar ?? "plaintext";
  ensureGrammar(hljs, languageName);
  const result = hljs.highlight(code, { language: languageName, ignoreIllegals: true });
  return { html: result.value, language: languageName, known: language.trim() === "" || grammar !== undefined };
}
