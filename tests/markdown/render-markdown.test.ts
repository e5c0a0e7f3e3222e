import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { renderMarkdownDocument } from "../../src/markdown/render-markdown.ts";
import type { MarkdownOptions } from "../../src/markdown/markdown-state.ts";

const render = (source: string, options: Partial<MarkdownOptions> = {}) => renderMarkdownDocument(source, { file: "content/articles/x.md", firstLine: 10, ...options });

describe("code blocks", () => {
  const languages: [string, string][] = [
    ["java", "public class Hello { public static void main(String[] args) {} }"],
    ["python", "def greet(name):\n    return f\"hi {name}\""],
    ["cpp", "#include <vector>\nint main() { return 0; }"],
    ["csharp", "public sealed class Order { public int Id { get; init; } }"],
    ["perl", "my @lines = <STDIN>;\nprint scalar(@lines), \"\\n\";"],
    ["bash", "for f in *.log; do gzip \"$f\"; done"],
    ["sh", "echo \"$HOME\""],
    ["powershell", "Get-ChildItem -Path C:\\Logs | Where-Object { $_.Length -gt 1MB }"],
    ["sql", "SELECT id, name FROM customers WHERE region = 'CO';"],
    ["xml", "<order id=\"7\"><item>book</item></order>"],
    ["html", "<p class=\"lead\">Hello</p>"],
    ["css", ".card { color: red; }"],
    ["javascript", "const total = items.reduce((sum, item) => sum + item.price, 0);"],
    ["typescript", "interface User { id: number; name: string }"],
    ["json", "{ \"id\": 7, \"tags\": [\"a\"] }"],
    ["yaml", "title: Hello\ntags: [a, b]"],
    ["http", "GET /accounts/1 HTTP/1.1\nHost: example.com"],
  ];

  it.each(languages)("highlights %s with token classes and no inline style", (language, code) => {
    const { html, problems } = render(`\`\`\`${language}\n${code}\n\`\`\``);
    const $ = load(html);
    expect($("pre.code-block > code.hljs").length).toBe(1);
    expect($("pre.code-block span[class^='hljs-']").length).toBeGreaterThan(0);
    expect($("[style]").length).toBe(0);
    expect(problems).toEqual([]);
    // The code reads the same after highlighting: only markup was added.
    expect($("code").text()).toBe(`${code}\n`);
  });

  it("shows an unknown language as escaped plain text and warns at the fence's line", () => {
    const { html, problems } = render("Intro.\n\n```cobol\nMOVE A TO <B>.\n```\n");
    expect(html).toContain('<code class="hljs language-plaintext">MOVE A TO &lt;B&gt;.');
    expect(problems).toEqual([
      expect.objectContaining({ file: "content/articles/x.md", line: 12, field: "body", severity: "warning", message: expect.stringMatching(/code language "cobol" is not highlighted/) }),
    ]);
  });

  it("accepts a fence without a language and `text` without a warning", () => {
    expect(render("```\nplain\n```\n\n```text\nplain\n```").problems).toEqual([]);
  });

  it("makes the block focusable, so a long line can be scrolled inside it by keyboard", () => {
    expect(load(render("```java\nint x;\n```").html)("pre.code-block").attr("tabindex")).toBe("0");
  });
});

describe("headings", () => {
  it("gives ##–#### ids and a visible self-link, unique within the page", () => {
    const { html, headings } = render("## Getting started\n\n### Getting started\n\n#### Notes\n\n## Getting started\n");
    const $ = load(html);
    expect(headings.map((heading) => heading.id)).toEqual(["getting-started", "getting-started-2", "notes", "getting-started-3"]);
    for (const heading of headings) {
      const link = $(`#${heading.id} a.heading-link`);
      expect(link.attr("href")).toBe(`#${heading.id}`);
      expect(link.text()).toContain("#");
    }
  });

  it("makes ids of the words of any script, leaving out Latin accents and marks that are no part of a letter", () => {
    const { html, headings } = render("## Установка и настройка\n\n## Café à la carte\n\n## 日本語の見出しが\n\n## 한국어 제목\n\n## हिन्दी शीर्षक\n\n## Straße & Øresund\n\n## ½ measures\n\n## ٣ خطوات\n");
    expect(headings.map((heading) => heading.id)).toEqual(["установка-и-настройка", "cafe-a-la-carte", "日本語の見出しが", "한국어-제목", "हनद-शरषक", "straße-øresund", "section-1-2-measures", "section-٣-خطوات"]);
    expect(load(html)("h2").first().attr("id")).toBe("установка-и-настройка");
  });

  it("keeps ids stable when text elsewhere changes", () => {
    const before = render("Intro.\n\n## Choosing a direction\n").headings[0]!.id;
    const after = render("A different intro with more words.\n\n## First\n\n## Choosing a direction\n").headings[1]!.id;
    expect(after).toBe(before);
  });

  it("never takes an id the page template uses", () => {
    expect(render("## Main\n\n## Contents\n").headings.map((heading) => heading.id)).toEqual(["main-2", "contents-2"]);
  });

  it("takes a heading's own {#id}, as Pandoc, kramdown, Hugo and VitePress write it, before making ids from text", () => {
    const { html, headings, problems } = render("## Setup\n\n## Install *it* {#setup}\n\n## Run `npm start`{#run}\n");
    const $ = load(html);
    expect(headings.map(({ id, text }) => [id, text])).toEqual([["setup-2", "Setup"], ["setup", "Install it"], ["run", "Run npm start"]]);
    expect($("h2#setup").text()).not.toContain("{#");
    expect($("h2#setup em").text()).toBe("it");
    expect($("h2#setup a.heading-link").attr("href")).toBe("#setup");
    expect(problems).toEqual([]);
  });

  it("leaves braces inside code or after a backslash as text, and reads the id as typed, before the typographer's dashes", () => {
    const { headings, problems } = render("## Use `{#x}`\n\n## Literal \\{#y}\n\n## Tom & Jerry {#tom--jerry}\n\n## Path C:\\\\{#win}\n");
    expect(headings.map(({ id, text }) => [id, text])).toEqual([["use-x", "Use {#x}"], ["literal-y", "Literal {#y}"], ["tom--jerry", "Tom & Jerry"], ["win", "Path C:\\"]]);
    expect(problems).toEqual([]);
  });

  it("refuses a {#id} that is malformed, the template's own or given twice, at its line, and makes the id from text", () => {
    const { headings, problems } = render("## Privacy {#vue.js-privacy}\n\n## Where {#main}\n\n## One {#same}\n\n## Two {#same}\n\n## Note {#fn1}\n");
    expect(headings.map((heading) => heading.id)).toEqual(["privacy", "where", "same", "two", "note"]);
    expect(problems).toEqual([
      expect.objectContaining({ line: 10, field: "body", message: expect.stringMatching(/"\{#vue\.js-privacy\}" is not one this site can use.*write "\{#vue-js-privacy\}"/) }),
      expect.objectContaining({ line: 12, field: "body", message: expect.stringMatching(/"\{#main\}" is taken by the page around the article/) }),
      expect.objectContaining({ line: 16, field: "body", message: expect.stringMatching(/"\{#same\}" is given to an earlier heading too/) }),
      expect.objectContaining({ line: 18, field: "body", message: expect.stringMatching(/"\{#fn1\}" looks like the id of a footnote/) }),
    ]);
  });

  it("reports a # heading and a skipped level at their lines", () => {
    const { problems } = render("# Title again\n\n## Section\n\n#### Too deep\n");
    expect(problems).toEqual([
      expect.objectContaining({ line: 10, field: "body", message: expect.stringMatching(/"# Title again" is a level-1 heading/) }),
      expect.objectContaining({ line: 14, field: "body", message: expect.stringMatching(/jumps from level 2 to 4: use ### here/) }),
    ]);
  });
});

describe("table of contents", () => {
  const sections = (count: number) => Array.from({ length: count }, (_, index) => `## Part ${index + 1}\n\nText.\n\n### Detail ${index + 1}\n`).join("\n");

  it("lists the ## sections and their ### subsections when there are at least four", () => {
    const $ = load(render(sections(4), { tableOfContents: true }).html);
    expect($("nav.toc > ol > li").length).toBe(4);
    expect($("nav.toc > ol > li:first-child > a").attr("href")).toBe("#part-1");
    expect($("nav.toc > ol > li:first-child ol a").attr("href")).toBe("#detail-1");
    expect($("nav.toc").attr("aria-labelledby")).toBe($("nav.toc h2").attr("id"));
  });

  it("is left out below four sections, and when turned off", () => {
    expect(render(sections(3), { tableOfContents: true }).html).not.toContain("toc");
    expect(render(sections(5), { tableOfContents: false }).html).not.toContain("toc");
  });
});

describe("HTML in Markdown", () => {
  /** Each warning about HTML in `body` as "line: the HTML it quotes". */
  const htmlWarnings = (body: string) => render(body).problems.map((problem) => `${problem.line}: ${/^HTML "(.*)" is shown/.exec(problem.message)?.[1]}`);

  it("warns at its line that HTML in the text is shown as typed, once a line, and not about code, escapes, comparisons or autolinks", () => {
    // The body's lines are the file's from 10 (render's firstLine).
    const body = [
      "Open <details>this</details> and <br> here.", // 1
      "", // 2
      "In code: `<div>`, escaped: \\<span>, a < b and c > d, <https://example.com/>.", // 3
      "", // 4
      "```html", // 5
      "<div>code</div>", // 6
      "```", // 7
      "", // 8
      "Before the note", // 9
      "<!-- a note", // 10
      "spanning two lines -->", // 11
    ].join("\n");
    const { html, problems } = render(body);
    expect(problems.map((problem) => `${problem.line} ${problem.severity}: ${problem.message}`)).toEqual([
      `10 warning: HTML "<details>" is shown on the page as typed, since the site takes Markdown only: write it in Markdown, or in backticks if the text is about HTML`,
      `19 warning: HTML "<!-- a note spanning two lines -->" is shown on the page as typed, since the site takes Markdown only: write it in Markdown, or in backticks if the text is about HTML`,
    ]);
    // As it says: shown as typed, never as markup.
    expect(html).toContain("&lt;details&gt;this&lt;/details&gt;");
    expect(load(html)("details, br, p span").length).toBe(0);
  });

  it("shows a tag with the straight quotes and dashes typed, while the prose around it still gets curly quotes", () => {
    const body = ['Say "hi" to <div class="tip"> and <VueSchoolLink href="x" title=\'A -- B\'/>.', "", '<iframe title="two', 'lines"></iframe> then "quoted".', "", 'A note.^[With <b class="x">bold</b> "words".]'].join("\n");
    const text = load(render(body).html).text();
    expect(text).toContain("Say “hi” to <div class=\"tip\"> and <VueSchoolLink href=\"x\" title='A -- B'/>.");
    expect(text).toContain('<iframe title="two\nlines"></iframe> then “quoted”.');
    expect(text).toContain('With <b class="x">bold</b> “words”.');
    const withEntity = load(render('Embed <iframe src="https://example.com/?a=1&amp;b=2" title="A talk"></iframe> "here".').html).text();
    expect(withEntity).toContain('<iframe src="https://example.com/?a=1&b=2" title="A talk"></iframe> “here”.');
  });

  it("warns at its first line about a tag written over several lines, or with an entity in it, as pasted embeds are", () => {
    const body = [
      "Watch the talk:", // 1
      "", // 2
      '<iframe width="560" height="315"', // 3
      '  src="https://www.example.com/embed/x" title="Q&amp;A"></iframe>', // 4
      "", // 5
      'A picture <img src="a.png"', // 6
      '  alt="A &quot;quoted&quot; caption"> inline, and \\<div', // 7
      '  class="escaped">.', // 8
    ].join("\n");
    // One warning for the iframe and its closing tag on the line it ends on; none for the escaped `\<div`.
    expect(htmlWarnings(body)).toEqual([
      '12: <iframe width="560" height="315" src="h…',
      '15: <img src="a.png" alt="A &quot;quoted&qu…',
    ]);
  });

  it("knows every standard element, the keys and media of technical writing among them", () => {
    const body = ["Press <kbd>Ctrl</kbd>.", "", "<video src=\"demo.mp4\"></video>", "", "An <abbr>API</abbr> and a <picture>."].join("\n");
    expect(htmlWarnings(body)).toEqual(["10: <kbd>", '12: <video src="demo.mp4">', "14: <abbr>"]);
  });

  it("warns about the components of MDX and Vue, which have attributes or close themselves, and not about generics in prose", () => {
    const body = ['<Tabs groupId="os">', "", 'See <VueSchoolLink href="https://example.com/x" title="A lesson"/>.', "", "A <Badge/> here.", "", "An Option<T>, a Vec<String>, a Map<K, V> and <your-name> stay prose."].join("\n");
    expect(htmlWarnings(body)).toEqual(['10: <Tabs groupId="os">', '12: <VueSchoolLink href="https://example.co…', "14: <Badge/>"]);
  });

  it("warns about HTML in an inline footnote at its line, and not about a footnote without any", () => {
    const body = ["A claim.^[As the <i>manual</i> says.]", "", "Another.^[Plain words.] And more <b>bold</b>."].join("\n");
    expect(htmlWarnings(body)).toEqual(["10: <i>", "12: <b>"]);
  });

  it("warns about HTML in a table cell at its row's line, counts lines broken inside a code span, and leaves alone what is no HTML element", () => {
    const body = ["| A | B |", "|---|---|", "| x | <br> |", "", "A span `over", "two lines` then <b>bold</b>.", "", "A `Vec<String>` aside, Option<T> and <your-name> in prose."].join("\n");
    expect(htmlWarnings(body)).toEqual(["12: <br>", "15: <b>"]);
  });
});

describe("notes written the way other Markdown sites write them", () => {
  const warnings = (body: string) => render(body).problems.map((problem) => `${problem.line} ${problem.severity}: ${problem.message}`);

  it("warns at each line of a container and at a GitHub alert's marker, saying what to write instead", () => {
    const body = ["Intro.", "", "::: tip Remember", "Keep it short.", ":::", "", "> [!WARNING]", "> Back up first.", "", "> A quotation [!NOTE] is a quotation.", "", "```", ":::", "```", "", "::: code-group"].join("\n");
    expect(warnings(body)).toEqual([
      `12 warning: "::: tip Remember" opens a container (VitePress, Docusaurus), which this site's Markdown does not have: it is shown as typed; write the note as a quotation ("> **Tip:** …") instead`,
      `14 warning: ":::" closes a container (VitePress, Docusaurus), which this site's Markdown does not have: it is shown as typed; remove the line`,
      `16 warning: "[!WARNING]" marks a GitHub alert, which this site's Markdown does not have: it is shown as typed; write "**Warning:**" at the start of the quotation instead`,
      `25 warning: "::: code-group" opens a container (VitePress, Docusaurus), which this site's Markdown does not have: it is shown as typed; remove its fences and write what it holds as plain Markdown`,
    ]);
  });

  it("warns at its line about a kramdown attribute list and about template code in the text, not in code", () => {
    const body = ["A note.", "{: .note .info}", "", "Visit {{ site.url }} now, then", "read {% include_relative _notes/x.md %} and {{ more }}.", "", "In code: `{{ x }}` and `{% raw %}`.", "", "```html", "{% raw %}", "```"].join("\n");
    expect(warnings(body)).toEqual([
      `11 warning: "{: .note .info}" is a kramdown attribute list (Jekyll), which this site's Markdown does not have: it is shown as typed; remove the line (a heading's id is written "## Title {#id}")`,
      `13 warning: "{{ site.url }}" is template code (Liquid, Nunjucks), which the site never runs in content: it is shown as typed; write what it stood for, or put it in backticks if the text is about templates`,
      `14 warning: "{% include_relative _notes/x.md %}" is template code (Liquid, Nunjucks), which the site never runs in content: it is shown as typed; write what it stood for, or put it in backticks if the text is about templates`,
    ]);
  });

  it("finds template code and attribute lists in a table's cells at their row's line, and after code that holds the same text", () => {
    const body = ["| Tag | Use |", "|---|---|", "| {{ page.title }} | the title |", "{: .table}", "", "Write `{{ x }}` in backticks,", "not {{ x }} in prose, nor ${{ secrets.TOKEN }} by mistake."].join("\n");
    expect(warnings(body).map((warning) => warning.slice(0, warning.indexOf(" is ")))).toEqual(['12 warning: "{{ page.title }}"', '13 warning: "{: .table}"', '16 warning: "{{ x }}"']);
  });

  it("warns at its line about MDX's import and export lines, and not about prose that begins with the word", () => {
    const body = ["import Tabs from '@theme/Tabs';", 'import "./styles.css";', "", "export const meta = { title: 'x' };", "", "Import the data first, then export it from the tool."].join("\n");
    expect(warnings(body).map((warning) => warning.slice(0, warning.indexOf(" is ")))).toEqual([
      "10 warning: \"import Tabs from '@theme/Tabs';\"",
      '11 warning: "import \"./styles.css\";"',
      "13 warning: \"export const meta = { title: 'x' };\"",
    ]);
  });

  it("says nothing about the quotation it suggests", () => {
    expect(render("> **Tip:** Keep it short.\n\nA colon: like this.\n").problems).toEqual([]);
  });
});

describe("tables and footnotes", () => {
  it("wraps a table in its own scrolling box and aligns columns with classes, not styles", () => {
    const $ = load(render("| Name | Price |\n|:--|--:|\n| Java | 2,295 |\n").html);
    expect($("div.table-scroll > table").length).toBe(1);
    expect($("div.table-scroll").attr("tabindex")).toBe("0");
    expect($("td.align-right").text()).toBe("2,295");
    expect($("[style]").length).toBe(0);
  });

  it("renders footnotes with links both ways, the way back in words, one for each reference to the note", () => {
    const $ = load(render("A claim.[^1] Again.[^1]\n\n[^1]: The source.\n").html);
    const references = $("sup.footnote-ref a");
    expect($(references.first().attr("href")!).text()).toContain("The source.");
    expect($(".footnote-backref").map((_, link) => `${$(link).attr("href")} ${$(link).text()}`).get()).toEqual([`#${references.eq(0).attr("id")} Back to text`, `#${references.eq(1).attr("id")} Back to text (2)`]);
    // Search results quote the note, not the way back.
    expect($(".footnote-backref:not([data-pagefind-ignore])").length).toBe(0);
  });
});

describe("links and images", () => {
  it("records every link with its file line", () => {
    const { links } = render("First [a](/articles/a/) line\nsecond [b](/courses/b/#outline) line.\n\n- [c](https://example.com/)\n");
    expect(links).toEqual([
      { href: "/articles/a/", line: 10 },
      { href: "/courses/b/#outline", line: 11 },
      { href: "https://example.com/", line: 13 },
    ]);
  });

  it("reports an image without alt text, and renders `decorative` with an empty alt", () => {
    const seen: { alt: string; decorative: boolean }[] = [];
    const { problems, html } = render("![](a.png)\n\n![decorative](b.png)\n", {
      renderImage: (image, decorative) => {
        seen.push({ alt: image.alt, decorative });
        return `<img src="${image.src}" alt="">`;
      },
    });
    expect(problems).toEqual([expect.objectContaining({ line: 10, field: "body", message: expect.stringMatching(/image "a.png" has no alt text/) })]);
    expect(seen).toEqual([{ alt: "decorative", decorative: true }]);
    expect(html).toContain('<img src="b.png" alt="">');
  });

  it("reports a link without text", () => {
    expect(render("Intro.\n\nSee [](/courses/).").problems).toEqual([expect.objectContaining({ line: 12, field: "body", message: expect.stringMatching(/link "\/courses\/" has no text/) })]);
  });

  it("refuses images where no renderer is given", () => {
    expect(render("![A chart](chart.png)").problems[0]?.message).toMatch(/cannot be shown here/);
  });
});
