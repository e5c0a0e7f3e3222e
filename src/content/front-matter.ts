import matter from "gray-matter";

/**
 * The one place front matter is split from a file's text. Front matter is YAML and only YAML: gray-matter
 * 4.0.3 evaluates a block opened with `---js` or `---javascript` through `eval` (whatever YAML engine it is
 * given), so a content file could run code in the build. Two walls stop that: the opening line is checked
 * before gray-matter sees the text, and gray-matter (here and in Eleventy, src/plugins/front-matter-plugin.ts)
 * is given engines in which every language it knows but YAML throws instead of evaluating.
 */

/** The languages gray-matter 4 (and Eleventy 3 on top of it) can be told to parse, with their aliases: all refused. */
const REFUSED_LANGUAGES = ["javascript", "js", "jsLegacy", "node", "json", "coffee", "coffeescript", "cson", "toml"] as const;

/** The opening line this site accepts: `---` alone, or `---yaml`, which names the language it already is. */
const OPENING_LINE = /^---[ \t]*(?:yaml[ \t]*)?$/;

/** Thrown by a refusing engine: says which language was named, so the message can be shown to the editor. */
export class FrontMatterLanguageError extends Error {
  constructor(readonly language: string, file?: string) {
    super(`${file ? `${file}:1: ` : ""}front matter: ${refusal(language)}`);
    this.name = "FrontMatterLanguageError";
  }
}

function refusal(language: string): string {
  return `names the language "${language}" after "---": front matter is YAML only, so the first line must be "---" alone`;
}

/** A gray-matter engine: the text between the fences in, data out; Eleventy also passes the template's path. */
export type FrontMatterEngine = (text: string, options?: { filePath?: string }) => object;

/** A gray-matter engine that refuses its language without looking at the text. */
function refusingEngine(language: string): FrontMatterEngine {
  return (_text, options) => {
    throw new FrontMatterLanguageError(language, options?.filePath);
  };
}

/**
 * Engines for gray-matter in which every language but YAML refuses. `yaml` is the YAML parser to use; leave it
 * out to keep the caller's own (Eleventy's, for page templates, whose front matter option merges engines).
 */
export function frontMatterEngines(yaml?: (text: string) => object): Record<string, FrontMatterEngine> {
  const engines: Record<string, FrontMatterEngine> = Object.fromEntries(REFUSED_LANGUAGES.map((language) => [language, refusingEngine(language)]));
  if (yaml) {
    engines.yaml = yaml;
    engines.yml = yaml;
  }
  return engines;
}

/** A file's text split into its YAML front matter and its body, or why it cannot be. */
export type FrontMatterSplit =
  | {
      ok: true;
      /** The YAML between the fences, starting with the newline after the opening `---`, so its lines are the file's lines. */
      matter: string;
      /** The text below the closing `---`. */
      body: string;
      /** The file's line on which the body begins. */
      bodyLine: number;
    }
  | { ok: false; line: number; field: string; message: string };

/** Splits `text` (already decoded, "\n" line ends) into YAML front matter and body; nothing in it is evaluated. */
export function splitFrontMatter(text: string): FrontMatterSplit {
  const firstLineEnd = text.indexOf("\n");
  const opening = firstLineEnd === -1 ? text : text.slice(0, firstLineEnd);
  if (!opening.startsWith("---")) return { ok: false, line: 1, field: "", message: "must start with front matter between --- lines" };
  if (!OPENING_LINE.test(opening)) {
    // Shown as JSON so that a control character in the line cannot disguise what was written.
    const named = JSON.stringify(opening.slice(3).trim()).slice(1, -1).slice(0, 40);
    const message = /^[A-Za-z]/.test(named) ? refusal(named) : `the first line must be "---" alone, not "---${named}"`;
    return { ok: false, line: 1, field: "front matter", message };
  }
  if (firstLineEnd === -1 || text.indexOf("\n---", firstLineEnd) === -1) {
    return { ok: false, line: 1, field: "", message: "the front matter that starts on line 1 is never closed: add a line with --- after the last field" };
  }
  // The opening line is plain YAML by now; the engines are a second wall should gray-matter ever read it otherwise.
  // The YAML engine returns nothing: the caller parses the block with the `yaml` package, which knows its lines.
  const split = matter(text, { engines: frontMatterEngines(() => ({})) });
  const body = split.content;
  return { ok: true, matter: split.matter, body, bodyLine: text.slice(0, text.length - body.length).split("\n").length };
}
