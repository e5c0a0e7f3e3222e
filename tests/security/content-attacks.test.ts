import { existsSync, mkdtempSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failureReport } from "../../src/build/failure-report.ts";
import { loadContent } from "../../src/content/load-content.ts";
import { formatProblem } from "../../src/content/problems.ts";
import type { EleventyConfig } from "../../src/eleventy/eleventy-config.ts";
import { silenceErrorReports } from "../../src/eleventy/silent-errors.ts";
import { contentFoldersPlugin } from "../../src/plugins/content-folders-plugin.ts";
import { frontMatterPlugin } from "../../src/plugins/front-matter-plugin.ts";
import { createFixture, loadProblems, type Fixture } from "../support/content-fixture.ts";
import { checkInProcess } from "../support/in-process-commands.ts";
import { copyProject, removeFolder } from "../support/project-copy.ts";
import { copyWarmCache } from "../support/sample-project.ts";

/**
 * Hostile content, as an editor or a pull request's deploy preview could bring it: each attack is loaded by the
 * real loader and must be refused at file:line with the message below (and, for code in front matter, leave no
 * trace of having run), or be published inert.
 */

/** Where an attack may try to write: outside every project, so nothing a test deletes hides a side effect. */
// Made when the module loads: the table below writes its path into the attacks' code.
const outside = mkdtempSync(path.join(os.tmpdir(), "hsg-outside-"));
beforeAll(async () => {
  await writeFile(path.join(outside, "secret.svg"), `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>secret</text></svg>`);
  await writeFile(path.join(outside, "secret.md"), article("Outside"));
  await writeFile(path.join(outside, "site.yaml"), "name: Elsewhere\n");
});
afterAll(() => removeFolder(outside));

/** A valid article with `body` below its front matter: its closing fence is line 7 and the body starts on line 8 (one line later per line of `frontMatterTail`). */
function article(body: string, frontMatterTail = ""): string {
  return `---\ntitle: An Attack\ndate: "2026-11-02"\nauthor: jane-doe\nsummary: Hostile.\ntags: [Java]\n${frontMatterTail}---\n${body}\n`;
}

/** A file the attack's code would write if it ever ran. */
const pwned = (name: string) => path.join(outside, name);

/** Code for front matter that, if evaluated, writes a file and leaks the build's environment into it. */
const payload = (name: string) => `{ pwned: require("fs").writeFileSync(${JSON.stringify(pwned(name))}, JSON.stringify(process.env)) }`;

interface Attack {
  /** What the attacker does. */
  attack: string;
  /** Files to write into the project (text, or bytes). */
  files?: Record<string, string | Uint8Array>;
  /** Anything else: symbolic links, removals. */
  setup?: (fixture: Fixture) => Promise<void>;
  /** Problems the loader must report, exactly as `npm run check` prints them. */
  refused: string[];
  /** A file that must not exist afterwards: the attack's code never ran. */
  neverWritten?: string;
}

const REFUSED_LANGUAGE = (language: string) => `names the language "${language}" after "---": front matter is YAML only, so the first line must be "---" alone`;
const OUTSIDE_LINK = "is a symbolic link that leads outside the repository: content is read only from files inside it";
const UNKNOWN_FIELD = (field: string) => `unknown field ${field}: the fields here are title, date, author, summary, tags, draft, relatedCourses, aliases, shortTitle, updated, image, imageAlt, toc`;
const CONTROL = (code: string) => `holds a control character (${code}) on this line: save the file as plain text (a NUL byte means it is binary or UTF-16)`;

const ATTACKS: Attack[] = [
  {
    attack: "---js front matter that writes a file and dumps the environment",
    files: { "content/articles/attack.md": `---js\n${payload("js")}\n---\nBody\n` },
    refused: [`content/articles/attack.md:1: front matter: ${REFUSED_LANGUAGE("js")}`],
    neverWritten: pwned("js"),
  },
  {
    attack: "---javascript front matter",
    files: { "content/articles/attack.md": `---javascript\n${payload("javascript")}\n---\nBody\n` },
    refused: [`content/articles/attack.md:1: front matter: ${REFUSED_LANGUAGE("javascript")}`],
    neverWritten: pwned("javascript"),
  },
  {
    attack: "--- js, with a space, as gray-matter also reads it",
    files: { "content/articles/attack.md": `--- js\n${payload("space-js")}\n---\nBody\n` },
    refused: [`content/articles/attack.md:1: front matter: ${REFUSED_LANGUAGE("js")}`],
    neverWritten: pwned("space-js"),
  },
  {
    attack: "---JS in capitals, which gray-matter lowercases to its JavaScript engine",
    files: { "content/articles/attack.md": `---JS\n${payload("caps")}\n---\nBody\n` },
    refused: [`content/articles/attack.md:1: front matter: ${REFUSED_LANGUAGE("JS")}`],
    neverWritten: pwned("caps"),
  },
  {
    attack: "---json and ---coffee front matter in two articles",
    files: {
      "content/articles/attack.md": `---json\n{ "title": "x" }\n---\nBody\n`,
      "content/articles/attack-two.md": `---coffee\ntitle: "x"\n---\nBody\n`,
    },
    refused: [`content/articles/attack.md:1: front matter: ${REFUSED_LANGUAGE("json")}`, `content/articles/attack-two.md:1: front matter: ${REFUSED_LANGUAGE("coffee")}`],
  },
  {
    attack: "---js that does not even parse as JavaScript",
    files: { "content/articles/attack.md": `---js\n{{{ not code (\n---\nBody\n` },
    refused: [`content/articles/attack.md:1: front matter: ${REFUSED_LANGUAGE("js")}`],
  },
  {
    attack: "---js in a fixed page's copy (content/copy/)",
    files: { "content/copy/home.md": `---js\n${payload("copy")}\n---\n` },
    refused: [`content/copy/home.md:1: front matter: ${REFUSED_LANGUAGE("js")}`],
    neverWritten: pwned("copy"),
  },
  {
    attack: "a control character between --- and js, to slip past a check of the language name",
    files: { "content/articles/attack.md": `---\u000bjs\n${payload("control")}\n---\nBody\n` },
    refused: [`content/articles/attack.md:1: ${CONTROL("U+000B")}`],
    neverWritten: pwned("control"),
  },
  {
    attack: "front matter never closed, which would swallow the body",
    files: { "content/articles/attack.md": `---\ntitle: Open\n\nThe body.\n` },
    refused: ["content/articles/attack.md:1: the front matter that starts on line 1 is never closed: add a line with --- after the last field"],
  },
  {
    attack: "a YAML alias bomb (billion laughs) in front matter",
    files: {
      "content/articles/attack.md": `---\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n---\nBody\n`,
    },
    refused: ["content/articles/attack.md: YAML: uses aliases (*name) too many times: write the values out instead"],
  },
  {
    attack: "an alias bomb in a data file",
    files: { "_data/locations.yaml": `a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n` },
    refused: ["_data/locations.yaml: YAML: uses aliases (*name) too many times: write the values out instead"],
  },
  {
    attack: "YAML nested 100,000 levels deep",
    files: { "_data/categories.yaml": `a: ${"[".repeat(100_000)}${"]".repeat(100_000)}\n` },
    refused: ["_data/categories.yaml:1: lists or fields are nested too deeply here to be read: write them out without so many levels"],
  },
  {
    attack: "a !!js/function tag: the yaml package knows no such tag, so it stays a plain string (published inert)",
    files: { "content/articles/attack.md": article("Body", "shortTitle: !!js/function 'function () { return process.env }'\n") },
    refused: [],
  },
  {
    attack: "a !!binary tag, which makes bytes instead of text",
    files: { "content/articles/attack.md": article("Body", "shortTitle: !!binary aGVsbG8=\n") },
    refused: ["content/articles/attack.md:7: shortTitle: must be one line of text here, not bytes: remove the !!binary before the value"],
  },
  {
    attack: "a __proto__ key, to pollute every object's prototype",
    files: { "content/articles/attack.md": article("Body", "__proto__:\n  isAdmin: true\n") },
    refused: [`content/articles/attack.md:7: __proto__: ${UNKNOWN_FIELD("__proto__")}`],
  },
  {
    attack: "a constructor key",
    files: { "content/articles/attack.md": article("Body", "constructor:\n  prototype:\n    isAdmin: true\n") },
    refused: [`content/articles/attack.md:7: constructor: ${UNKNOWN_FIELD("constructor")}`],
  },
  {
    attack: "a merge key (<<) pulling in fields through an alias",
    files: { "content/articles/attack.md": article("Body", "extra: &extra { draft: false }\n<<: *extra\n") },
    refused: [`content/articles/attack.md:7: extra: ${UNKNOWN_FIELD("extra")}`, `content/articles/attack.md:8: <<: ${UNKNOWN_FIELD("<<")}`],
  },
  {
    attack: "a key given twice, hoping the second value wins unseen",
    files: { "content/articles/attack.md": article("Body", "title: Another title\n") },
    refused: ["content/articles/attack.md:7: title is written twice at the same level (first on line 2): keep one"],
  },
  {
    attack: "a picture that is a symbolic link to a file outside the repository",
    files: { "content/articles/attack/index.md": article("![A secret](secret.svg)") },
    setup: (fixture) => symlink(path.join(outside, "secret.svg"), path.join(fixture.root, "content/articles/attack/secret.svg")),
    refused: [`content/articles/attack/index.md:8: body: image "secret.svg" (content/articles/attack/secret.svg) ${OUTSIDE_LINK}`],
  },
  {
    attack: "a picture that is a symbolic link inside the repository (to _data/, say)",
    files: { "content/articles/attack/index.md": article("![Site](site.svg)") },
    setup: (fixture) => symlink(path.join(fixture.root, "_data/site.yaml"), path.join(fixture.root, "content/articles/attack/site.svg")),
    refused: [`content/articles/attack/index.md:8: body: image "site.svg" (content/articles/attack/site.svg) is a symbolic link (to _data/site.yaml): save the file itself here, a link is not followed`],
  },
  {
    attack: "a picture path climbing out with ../",
    files: { "content/articles/attack.md": article("![Site](../../_data/site.yaml)") },
    refused: ['content/articles/attack.md:8: body: image "../../_data/site.yaml" points outside the content folder: keep images beside the Markdown file or in content/images/'],
  },
  {
    attack: "a lead image climbing out with encoded ../ (%2e%2e)",
    files: { "content/articles/attack.md": article("Body", "image: \"%2e%2e/%2e%2e/%2e%2e/etc/passwd\"\nimageAlt: A file\n") },
    refused: ['content/articles/attack.md:7: image: image "%2e%2e/%2e%2e/%2e%2e/etc/passwd" points outside the content folder: keep images beside the Markdown file or in content/images/'],
  },
  {
    attack: "an absolute picture path, which is looked up only inside content/images/",
    files: { "content/articles/attack.md": article("![Passwords](/etc/passwd)") },
    refused: ['content/articles/attack.md:8: body: image "/etc/passwd" (content/images/etc/passwd) does not exist'],
  },
  {
    attack: "an author's photo in content/images/ that is a symbolic link outside the repository",
    files: { "_data/authors.yaml": "jane-doe:\n  name: Jane Doe\n  role: Writer\n  bio: Writes.\n  photo: /images/jane.svg\n  photoAlt: Jane\nhsg:\n  name: HSG\n  role: Team\n  bio: Team.\n" },
    setup: async (fixture) => {
      await mkdir(path.join(fixture.root, "content/images"), { recursive: true });
      await symlink(path.join(outside, "secret.svg"), path.join(fixture.root, "content/images/jane.svg"));
    },
    refused: [`_data/authors.yaml:5: jane-doe.photo: image "/images/jane.svg" (content/images/jane.svg) ${OUTSIDE_LINK}`],
  },
  {
    attack: "a picture in a course description climbing out of content/",
    setup: (fixture) => fixture.edit("_data/courses/advanced-java.yaml", (text) => text.replace("description: A harder course about Java.", "description: \"![Secrets](/images/../../.env)\"")),
    refused: ['_data/courses/advanced-java.yaml:6: description: image "/images/../../.env" points outside the content folder: keep images beside the Markdown file or in content/images/'],
  },
  {
    attack: "an article that is a symbolic link to a file outside the repository",
    setup: (fixture) => symlink(path.join(outside, "secret.md"), path.join(fixture.root, "content/articles/linked.md")),
    refused: ["content/articles/linked.md: is a symbolic link: save the file or folder itself here, a link is not followed"],
  },
  {
    attack: "an article folder that is a symbolic link",
    setup: async (fixture) => {
      await mkdir(path.join(outside, "folder"), { recursive: true });
      await writeFile(path.join(outside, "folder/index.md"), article("Outside"));
      await symlink(path.join(outside, "folder"), path.join(fixture.root, "content/articles/linked"));
    },
    refused: ["content/articles/linked: is a symbolic link: save the file or folder itself here, a link is not followed"],
  },
  {
    attack: "an article folder whose index.md is a symbolic link",
    setup: async (fixture) => {
      await mkdir(path.join(fixture.root, "content/articles/linked"));
      await symlink(path.join(outside, "secret.md"), path.join(fixture.root, "content/articles/linked/index.md"));
    },
    refused: [`content/articles/linked/index.md: ${OUTSIDE_LINK}`],
  },
  {
    attack: "a data file replaced by a symbolic link",
    setup: async (fixture) => {
      await fixture.remove("_data/site.yaml");
      await symlink(path.join(outside, "site.yaml"), path.join(fixture.root, "_data/site.yaml"));
    },
    refused: [`_data/site.yaml: ${OUTSIDE_LINK}`],
  },
  {
    attack: "a fixed page's copy replaced by a symbolic link",
    setup: async (fixture) => {
      await fixture.remove("content/copy/about.md");
      await symlink(path.join(outside, "secret.md"), path.join(fixture.root, "content/copy/about.md"));
    },
    refused: [`content/copy/about.md: ${OUTSIDE_LINK}`],
  },
  {
    attack: "the articles folder itself replaced by a symbolic link",
    setup: async (fixture) => {
      await fixture.remove("content/articles");
      await mkdir(path.join(outside, "articles"), { recursive: true });
      await symlink(path.join(outside, "articles"), path.join(fixture.root, "content/articles"));
    },
    refused: [`content/articles: ${OUTSIDE_LINK}`],
  },
  {
    attack: "50 nested list markers, past which markdown-it drops the rest of the page",
    files: { "content/articles/attack.md": article(`Before.\n\n${"- ".repeat(50)}deep\n\nAfter, which would vanish.`) },
    refused: ["content/articles/attack.md:10: body: nests lists or quotes too deeply here (Markdown's limit), and the text from this line on would be lost: nest less deeply"],
  },
  {
    attack: "120 nested block quotes",
    files: { "content/articles/attack.md": article(`${">".repeat(120)} deep\n\nAfter.`) },
    refused: ["content/articles/attack.md:8: body: nests lists or quotes too deeply here (Markdown's limit), and the text from this line on would be lost: nest less deeply"],
  },
  {
    attack: "a 20 MB article",
    files: { "content/articles/attack.md": article("word ".repeat(4 * 1024 * 1024)) },
    refused: ["content/articles/attack.md: is 20.0 MB: a Markdown file may hold at most 1.0 MB, so split it into smaller files"],
  },
  {
    attack: "a 5 MB data file",
    files: { "_data/promotions.yaml": `# ${"x".repeat(5 * 1024 * 1024)}\n` },
    refused: ["_data/promotions.yaml: is 5.0 MB: a YAML file may hold at most 4.0 MB, so split it into smaller files"],
  },
  {
    attack: "an article saved as UTF-16 with a byte-order mark",
    files: { "content/articles/attack.md": new Uint8Array([0xff, 0xfe, ...Buffer.from(article("Body"), "utf16le")]) },
    refused: ["content/articles/attack.md:1: is not UTF-8 text: save the file as UTF-8 (the first character that is not is on this line)"],
  },
  {
    attack: "an article saved as UTF-16 without a byte-order mark (NUL bytes between the letters)",
    files: { "content/articles/attack.md": new Uint8Array(Buffer.from(article("Body"), "utf16le")) },
    refused: [`content/articles/attack.md:1: ${CONTROL("U+0000")}`],
  },
  {
    attack: "a NUL byte in an article's body",
    files: { "content/articles/attack.md": article("Line one.\n\nLine\u0000 three.") },
    refused: [`content/articles/attack.md:10: ${CONTROL("U+0000")}`],
  },
  {
    attack: "a terminal escape sequence in a title, to rewrite what the build log shows",
    files: { "content/articles/attack.md": article("Body").replace("title: An Attack", "title: \"\u001b[2K\u001b[1Gall good\"") },
    refused: [`content/articles/attack.md:2: ${CONTROL("U+001B")}`],
  },
  {
    attack: "a file name with a control character (shown escaped, so it cannot forge a line of output)",
    files: { "content/articles/attack\u001b[2K.md": article("Body") },
    refused: ["content/articles/attack\\u001b[2K.md: has a control character in its name: rename it"],
  },
  {
    attack: "an id with ../ in a data file",
    files: { "_data/authors.yaml": "../../evil:\n  name: Evil\n  role: Writer\n  bio: Climbs.\njane-doe:\n  name: Jane Doe\n  role: Writer\n  bio: Writes.\nhsg:\n  name: HSG\n  role: Team\n  bio: Team.\n" },
    refused: ['_data/authors.yaml:1: ../../evil: id "../../evil" must be lowercase letters, digits and single hyphens'],
  },
  {
    attack: "an article named tags.md, which would take the tag index's address",
    files: { "content/articles/tags.md": article("Body") },
    refused: ['content/articles/tags.md:1: the file name makes the address /articles/tags/, which the site uses for its own pages: rename the file (the names "tags", "page" are taken)'],
  },
  {
    attack: "an article named page.md, which would take the list's later pages",
    files: { "content/articles/page/index.md": article("Body") },
    refused: ['content/articles/page/index.md:1: the file name makes the address /articles/page/, which the site uses for its own pages: rename the file (the names "tags", "page" are taken)'],
  },
  {
    attack: "one slug written twice, as x.md and as x/index.md",
    files: { "content/articles/twin.md": article("One"), "content/articles/twin/index.md": article("Two") },
    refused: ["content/articles/twin/index.md:1: has the same address as content/articles/twin.md: keep one of the two files"],
  },
  {
    attack: "a JavaScript data file in _data/, which Eleventy would import",
    files: { "_data/evil.cjs": `require("fs").writeFileSync(${JSON.stringify(pwned("data-file"))}, "x"); module.exports = {};\n` },
    refused: ["_data/evil.cjs: is not a content file: _data/ holds YAML only, and Eleventy would run or read this file in the build"],
    neverWritten: pwned("data-file"),
  },
  {
    attack: "a template among the articles, which Eleventy would compile and run",
    files: { "content/articles/evil.11ty.ts": "export default () => process.env.SECRET;\n", "content/articles/pics/index.md": article("Body"), "content/articles/pics/page.njk": "{{ 1 }}\n" },
    refused: [
      "content/articles/evil.11ty.ts: is not a content file: only content/pages/ holds templates and code, and Eleventy would run this file in the build",
      "content/articles/pics/page.njk: is not a content file: only content/pages/ holds templates and code, and Eleventy would run this file in the build",
    ],
  },
  {
    attack: "a template behind a symbolic link to a folder, which Eleventy's globbing follows",
    files: { "elsewhere/page.njk": "{{ 1 }}\n" },
    setup: (fixture) => mkdir(path.join(fixture.root, "content/images"), { recursive: true }).then(() => symlink(path.join(fixture.root, "elsewhere"), path.join(fixture.root, "content/images/linked"))),
    refused: ["content/images/linked/page.njk: is not a content file: only content/pages/ holds templates and code, and Eleventy would run this file in the build"],
  },
];

describe("hostile content is refused at file:line, or published inert", () => {
  it.each(ATTACKS)("$attack", async ({ files = {}, setup, refused, neverWritten }) => {
    const fixture = await createFixture();
    try {
      for (const [file, data] of Object.entries(files)) {
        const target = path.join(fixture.root, file);
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(target, data);
      }
      await setup?.(fixture);
      if (refused.length === 0) {
        const content = await loadContent(fixture.root);
        expect(content.articles.find((item) => item.slug === "attack")?.shortTitle).toBe("function () { return process.env }");
      } else {
        const problems = (await loadProblems(fixture.root)).map(formatProblem);
        for (const line of refused) expect(problems).toContain(line);
      }
      if (neverWritten) expect(existsSync(neverWritten)).toBe(false);
      // Whatever the attack, no object anywhere gained a property through a prototype.
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    } finally {
      await fixture.cleanup();
    }
  });

  it("accepts ---yaml, which names the language front matter already is", async () => {
    const fixture = await createFixture();
    try {
      await fixture.write("content/articles/plain.md", article("Body").replace(/^---\n/, "---yaml\n"));
      const content = await loadContent(fixture.root);
      expect(content.articles.find((item) => item.slug === "plain")).toMatchObject({ title: "An Attack", bodyLine: 8 });
    } finally {
      await fixture.cleanup();
    }
  });
});

/**
 * Builds `input` with Eleventy's programmatic API and only the plugins `configure` registers, returning the error
 * the build rejects with (undefined if it succeeds). Eleventy would print the error with its stack before
 * rejecting: the test reads the rejection instead.
 */
async function buildWith(input: string, output: string, configure: (config: EleventyConfig & { setDataDirectory(folder: string): void }) => void): Promise<unknown> {
  const { default: Eleventy } = await import("@11ty/eleventy");
  // Eleventy's constructor takes a configuration callback; the tests' declaration of it lists only what others use.
  type Options = { quietMode: boolean; config: typeof configure };
  const eleventy = new (Eleventy as unknown as new (input: string, output: string, options: Options) => { write(): Promise<unknown> })(input, output, { quietMode: true, config: configure });
  silenceErrorReports(eleventy);
  return eleventy.write().then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe("page templates: Eleventy's own front matter is YAML only too", () => {
  it("refuses ---js in a template with the file named, and the code never runs", async () => {
    const project = await mkdtemp(path.join(os.tmpdir(), "hsg-template-"));
    try {
      await mkdir(path.join(project, "in"));
      await writeFile(path.join(project, "in/page.njk"), `---js\n${payload("template")}\n---\n<p>{{ pwned }}</p>\n`);
      const failure = await buildWith(path.join(project, "in"), path.join(project, "out"), (config) => frontMatterPlugin(config));
      // Eleventy wraps the refusal in its own error, which names the template; the refusal names it and its line.
      const report = failureReport(failure, "build", false);
      expect(report).toMatch(/^The build stopped: Having trouble reading front matter from template \S*in\/page\.njk: /);
      expect(report).toContain(`in/page.njk:1: front matter: ${REFUSED_LANGUAGE("js")}`);
      expect(report).not.toContain("\n");
      expect(existsSync(pwned("template"))).toBe(false);
      expect(existsSync(path.join(project, "out/page/index.html"))).toBe(false);
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  });
});

describe("content folders: Eleventy never runs a file an editor added", () => {
  it("stops the build before Eleventy imports a .js data file or compiles a template outside content/pages/", async () => {
    const project = await mkdtemp(path.join(os.tmpdir(), "hsg-folders-"));
    try {
      await mkdir(path.join(project, "content/pages"), { recursive: true });
      await mkdir(path.join(project, "content/articles"), { recursive: true });
      await mkdir(path.join(project, "_data"));
      await writeFile(path.join(project, "content/pages/home.njk"), "<p>Home</p>\n");
      await writeFile(path.join(project, "content/articles/evil.njk"), "<p>{{ 7 * 6 }}</p>\n");
      await writeFile(path.join(project, "_data/evil.cjs"), `require("fs").writeFileSync(${JSON.stringify(pwned("eleventy-data"))}, "x"); module.exports = {};\n`);
      const failure = await buildWith(path.join(project, "content"), path.join(project, "out"), (config) => {
        config.setDataDirectory("../_data");
        contentFoldersPlugin(config, { root: project });
      });
      expect(failureReport(failure, "build", false).split("\n").slice(-2)).toEqual([
        "  _data/evil.cjs: is not a content file: _data/ holds YAML only, and Eleventy would run or read this file in the build",
        "  content/articles/evil.njk: is not a content file: only content/pages/ holds templates and code, and Eleventy would run this file in the build",
      ]);
      expect(existsSync(pwned("eleventy-data"))).toBe(false);
      expect(existsSync(path.join(project, "out"))).toBe(false);
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  });
});

// The check runs in this process (runCheck, what scripts/check-content.ts calls), on a copy with the run's warm
// cache: what is tested is what the check says and that the attacks' code never runs, not the command line, whose
// exit status and output tests/build/bad-content.test.ts tests with a spawned `npm run check`.
describe("npm run check over a project holding the code-execution attacks", () => {
  let project: string;
  beforeAll(async () => {
    project = await copyProject("fixture");
    await copyWarmCache("fixture", project);
    await writeFile(path.join(project, "content/articles/attack-js.md"), `---js\n${payload("check-js")}\n---\nBody\n`);
    await writeFile(path.join(project, "content/articles/attack-javascript.md"), `--- javascript\n${payload("check-javascript")}\n---\nBody\n`);
    await writeFile(path.join(project, "content/copy/home.md"), `---js\n${payload("check-copy")}\n---\n`);
  });
  afterAll(() => removeFolder(project));

  it("exits 1 with one file:line per attack, no stack trace, and no side effect", async () => {
    const result = await checkInProcess(project);
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toEqual([
      "Content has 3 problems:",
      `  content/articles/attack-javascript.md:1: front matter: ${REFUSED_LANGUAGE("javascript")}`,
      `  content/articles/attack-js.md:1: front matter: ${REFUSED_LANGUAGE("js")}`,
      `  content/copy/home.md:1: front matter: ${REFUSED_LANGUAGE("js")}`,
    ]);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    for (const name of ["check-js", "check-javascript", "check-copy"]) expect(existsSync(pwned(name))).toBe(false);
    expect(await readFile(path.join(project, "content/articles/attack-js.md"), "utf8")).toContain("---js");
  });
});

describe("a failure that is not a content problem", () => {
  it("is reported by build and check as one line naming the template and where it was thrown, without a stack trace", () => {
    const cause = new TypeError("Cannot read properties of undefined (reading 'title')\n    more detail");
    const wrapped = Object.assign(new Error("Having trouble rendering njk template ./content/pages/about.njk"), { originalError: cause });
    const report = failureReport(wrapped, "check", false);
    expect(report).toMatch(/^The check stopped: Having trouble rendering njk template \.\/content\/pages\/about\.njk: Cannot read properties of undefined \(reading 'title'\) \(thrown at tests\/security\/content-attacks\.test\.ts:\d+\)$/);
    expect(failureReport(wrapped, "build", true)).toContain("\n    at ");
  });
});
