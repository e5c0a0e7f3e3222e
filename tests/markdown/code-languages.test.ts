import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import { pathToFileURL } from "node:url";
import { createRequire } from "node:module";
import path from "node:path";
import { load } from "cheerio";
import type { HLJSApi, LanguageFn } from "highlight.js";
import { describe, expect, it } from "vitest";
import { renderMarkdownDocument } from "../../src/markdown/render-markdown.ts";
import { HIGHLIGHT_GRAMMARS } from "../../src/markdown/highlight-grammars.ts";
import { REPO_ROOT } from "../support/project-copy.ts";

const require = createRequire(import.meta.url);
const render = (source: string) => renderMarkdownDocument(source, { file: "content/articles/x.md", firstLine: 10 });
const languagesFolder = path.join(path.dirname(require.resolve("highlight.js/lib/core")), "languages");
const shippedGrammars = readdirSync(languagesFolder)
  .filter((name) => name.endsWith(".js") && !name.endsWith(".js.js"))
  .map((name) => name.slice(0, -3))
  .sort();

/** Every grammar highlight.js ships, defined against a fresh core (defining one loads nothing else). */
function definitions(): [string, ReturnType<LanguageFn>][] {
  const hljs = require("highlight.js/lib/core") as HLJSApi;
  return shippedGrammars.map((name) => [name, (require(path.join(languagesFolder, `${name}.js`)) as LanguageFn)(hljs)]);
}

/** The scopes (CSS class names without `hljs-`) a grammar can emit: its modes' scope/className, and its keyword groups. */
function scopesOf(definition: unknown): Set<string> {
  const scopes = new Set<string>();
  const seen = new Set<object>();
  const add = (scope: unknown) => {
    if (typeof scope === "string" && scope !== "" && !scope.startsWith("_") && !scope.startsWith("$")) scopes.add(scope);
  };
  const visit = (value: unknown): void => {
    if (typeof value !== "object" || value === null || value instanceof RegExp || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) return value.forEach(visit);
    for (const [key, child] of Object.entries(value)) {
      if (key === "scope" || key === "className" || key === "beginScope" || key === "endScope") {
        if (typeof child === "object" && child !== null) Object.values(child).forEach(add);
        else add(child);
      }
      if (key === "keywords" && typeof child === "object" && child !== null && !Array.isArray(child)) Object.keys(child).forEach(add);
      visit(child);
    }
  };
  visit(definition);
  return scopes;
}

describe("code languages", () => {
  it("knows every grammar highlight.js ships, with the aliases each declares", () => {
    const declared = Object.fromEntries(definitions().map(([name, definition]) => [name, (definition.aliases ?? []).map((alias) => alias.toLowerCase())]));
    expect(Object.keys(HIGHLIGHT_GRAMMARS).sort()).toEqual(shippedGrammars);
    expect(HIGHLIGHT_GRAMMARS).toEqual(declared);
  });

  const blocks: [string, string][] = [
    ["go", 'package main\n\nfunc main() {\n\tfmt.Println("hello")\n}'],
    ["rust", 'fn main() {\n    let total: u32 = 7;\n    println!("{}", total);\n}'],
    ["dockerfile", "FROM node:20-slim\nRUN npm ci\nCMD [\"node\", \"server.js\"]"],
    ["kotlin", "data class User(val id: Int, val name: String)"],
    ["ruby", "def greet(name)\n  puts \"hi #{name}\"\nend"],
    ["php", "<?php\nfunction total(array $items): int { return count($items); }"],
    ["diff", "--- a/x\n+++ b/x\n@@ -1 +1 @@\n-old\n+new"],
    ["toml", '[server]\nport = 8080\nname = "web"'],
    ["makefile", "build:\n\tnpm run build"],
    ["scala", "object Main extends App { val n: Int = 1 }"],
    ["swift", "let names: [String] = [\"a\"]\nfunc hi() {}"],
    ["golang", "var n int = 1"],
    ["rs", "let n: i32 = 1;"],
  ];

  it.each(blocks)("highlights a %s block with token classes and no inline style, without a warning", (language, code) => {
    const { html, problems } = render(`\`\`\`${language}\n${code}\n\`\`\``);
    const $ = load(html);
    expect($("pre.code-block > code.hljs").length).toBe(1);
    expect($("code span[class^='hljs-']").length).toBeGreaterThan(0);
    expect($("[style]").length).toBe(0);
    expect(problems).toEqual([]);
    expect($("code").text()).toBe(`${code}\n`);
  });

  it("loads a grammar only when a block names it, with the grammars it embeds", async () => {
    // In a fresh process, so that no other test has loaded a grammar first.
    const folder = await mkdtemp(path.join(os.tmpdir(), "hsg-grammars-"));
    try {
      const script = path.join(folder, "probe.mts");
      const renderer = pathToFileURL(path.join(REPO_ROOT, "src/markdown/render-markdown.ts")).href;
      await writeFile(
        script,
        `import { createRequire } from "node:module";
import { renderMarkdownDocument } from ${JSON.stringify(renderer)};
const render = (language) => renderMarkdownDocument("\`\`\`" + language + "\\nx\\n\`\`\`", { file: "a.md", firstLine: 1 });
const core = createRequire(${JSON.stringify(path.join(REPO_ROOT, "package.json"))})("highlight.js/lib/core");
const seen = [];
seen.push(core.listLanguages().sort());
render("go");
seen.push(core.listLanguages().sort());
render("html");
seen.push(core.listLanguages().sort());
console.log(JSON.stringify(seen));`,
      );
      const result = spawnSync(process.execPath, ["--import", "tsx", script], { cwd: REPO_ROOT, encoding: "utf8", timeout: 60_000 });
      expect(result.status, result.stderr).toBe(0);
      const [before, afterGo, afterHtml] = JSON.parse(result.stdout.trim().split("\n").at(-1)!) as string[][];
      expect(before).toEqual([]);
      expect(afterGo).toEqual(["go"]);
      // HTML (the xml grammar) embeds CSS and JavaScript, and the templates inside script tags.
      expect(afterHtml).toEqual(expect.arrayContaining(["go", "xml", "css", "javascript"]));
      expect(afterHtml).not.toContain("rust");
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it("names the grammar an alias stands for in the block's class", () => {
    expect(load(render("```golang\nvar n int\n```").html)("code").attr("class")).toBe("hljs language-go");
    expect(load(render("```toml\na = 1\n```").html)("code").attr("class")).toBe("hljs language-ini");
  });

  it("takes the language of a fence written with attributes after a comma, lines to mark in braces, or inside braces as Pandoc writes it", () => {
    for (const fence of ["rust,ignore", "rust,noplayground,test_harness", "rust{2,4}"]) {
      const { html, problems } = render(`\`\`\`${fence}\nfn main() {}\n\`\`\``);
      expect([load(html)("code").attr("class"), load(html)("code span.hljs-keyword").text(), problems]).toEqual(["hljs language-rust", "fn", []]);
    }
    // And inside braces, as Pandoc and R Markdown write it.
    for (const fence of ["{.python}", "{.python .numberLines}", "{ .python }"]) {
      const { html, problems } = render(`\`\`\`${fence}\ndef f(): pass\n\`\`\``);
      expect([load(html)("code").attr("class"), load(html)("code span.hljs-keyword").first().text(), problems]).toEqual(["hljs language-python", "def", []]);
    }
  });

  it("highlights the languages a grammar embeds even when no block used them first", () => {
    // HTML embeds JavaScript: the script's keyword is highlighted although no javascript block came before it.
    const $ = load(render("```html\n<script>const total = 1;</script>\n```").html);
    expect($("code span.hljs-keyword").text()).toContain("const");
  });

  it("shows a language highlight.js does not ship (Terraform) as plain text, with a warning that says so at the fence", () => {
    const { html, problems } = render("Intro.\n\n```terraform\nresource \"aws_s3_bucket\" \"b\" {}\n```");
    const $ = load(html);
    expect($("code").attr("class")).toBe("hljs language-plaintext");
    expect($("code span").length).toBe(0);
    expect(problems).toEqual([
      expect.objectContaining({ file: "content/articles/x.md", line: 12, severity: "warning", message: expect.stringMatching(/"terraform" is not highlighted: highlight\.js ships no grammar of that name/) }),
    ]);
  });

  it("gives every token class a grammar can emit a colour in the code stylesheet", () => {
    const scss = readFileSync(path.join(REPO_ROOT, "src/styles/_code.scss"), "utf8");
    const styled = new Set([...scss.matchAll(/\.hljs-([\w-]+)/g)].map((match) => match[1]!));
    const emitted = new Set(definitions().flatMap(([, definition]) => [...scopesOf(definition)].map((scope) => scope.split(".")[0]!)));
    // Keyword groups that hold words highlight.js shows in another scope (or in none).
    for (const group of ["keyword", "literal", "built_in", "type"]) emitted.add(group);
    const missing = [...emitted].filter((scope) => !styled.has(scope)).sort();
    expect(missing).toEqual([]);
  });
});
