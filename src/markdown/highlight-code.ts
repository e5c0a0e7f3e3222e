import hljs from "highlight.js/lib/core";
import bash from "highlight.js/lib/languages/bash";
import cpp from "highlight.js/lib/languages/cpp";
import csharp from "highlight.js/lib/languages/csharp";
import css from "highlight.js/lib/languages/css";
import http from "highlight.js/lib/languages/http";
import java from "highlight.js/lib/languages/java";
import javascript from "highlight.js/lib/languages/javascript";
import json from "highlight.js/lib/languages/json";
import perl from "highlight.js/lib/languages/perl";
import plaintext from "highlight.js/lib/languages/plaintext";
import powershell from "highlight.js/lib/languages/powershell";
import python from "highlight.js/lib/languages/python";
import shell from "highlight.js/lib/languages/shell";
import sql from "highlight.js/lib/languages/sql";
import typescript from "highlight.js/lib/languages/typescript";
import xml from "highlight.js/lib/languages/xml";
import yaml from "highlight.js/lib/languages/yaml";

// Only the grammars the firm's subjects need are loaded: highlight.js's core is synchronous and class-based
// (`<span class="hljs-keyword">`), so highlighting costs one pass per block and needs no inline style the CSP would block.
const GRAMMARS = { bash, cpp, csharp, css, http, java, javascript, json, perl, plaintext, powershell, python, shell, sql, typescript, xml, yaml };
for (const [name, grammar] of Object.entries(GRAMMARS)) hljs.registerLanguage(name, grammar);
// Names editors reach for that highlight.js does not alias itself.
hljs.registerAliases(["text", "txt", "plain", "none"], { languageName: "plaintext" });
hljs.registerAliases(["shell-session"], { languageName: "shell" });
hljs.registerAliases(["c++", "hpp", "cc"], { languageName: "cpp" });
hljs.registerAliases(["c#"], { languageName: "csharp" });
hljs.registerAliases(["pwsh"], { languageName: "powershell" });

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
export const HIGHLIGHT_LANGUAGES = Object.keys(GRAMMARS).filter((name) => name !== "plaintext");

/** Highlights `code` written in `language` (a fence's info word); an unknown or missing language gives escaped plain text. */
export function highlightCode(code: string, language: string): HighlightedCode {
  const name = language.trim().toLowerCase();
  const grammar = name ? hljs.getLanguage(name) : undefined;
  const languageName = grammar ? resolveName(name) : "plaintext";
  const result = hljs.highlight(code, { language: languageName, ignoreIllegals: true });
  return { html: result.value, language: languageName, known: name === "" || grammar !== undefined };
}

/** The registered name behind an alias, so the CSS class names one grammar however the editor spelled it. */
function resolveName(name: string): string {
  if (name in GRAMMARS) return name;
  const grammar = hljs.getLanguage(name);
  return Object.keys(GRAMMARS).find((key) => hljs.getLanguage(key) === grammar) ?? "plaintext";
}
