import { createRequire } from "node:module";
import type { DOMPurify as Purifier } from "dompurify";

/** What an SVG check found: the inert SVG to publish, or why it is refused (in the editor's words, without the file name). */
export type SvgCheck = { svg: string } | { problem: string };

const SVG_NAMESPACE = "http://www.w3.org/2000/svg";

// Elements that run code, embed a document or play media: never in a published picture.
const ACTIVE_ELEMENTS = new Set(["script", "foreignobject", "iframe", "embed", "object", "handler", "listener", "audio", "video"]);
// Attributes that name another resource.
const LINK_ATTRIBUTES = new Set(["href", "xlink:href", "src"]);
// A picture embedded as data is inert; every other address reaches outside the file (or runs code: javascript:).
const EMBEDDED_PICTURE = /^data:image\/(?:png|jpeg|gif|webp);/i;
// CSS that loads another file: @import, or url() (or image-set() and the like) of anything but a fragment of
// this file. A backslash could spell any of them as an escape (`\75 rl(`), so CSS holding one is refused too.
const LOADING_CSS = /@import|\\|(?:url|image-set|image|cross-fade|element)\(\s*(?!['"]?#)/i;

/**
 * jsdom and DOMPurify, loaded on the first SVG: together they take a second or two to load, and most builds
 * publish no new SVG. Both are CommonJS, and the check runs inside synchronous Markdown rendering, so they are required.
 */
let libraries: { JSDOM: JsdomConstructor; createPurifier: (window: unknown) => Purifier } | undefined;
function svgLibraries(): NonNullable<typeof libraries> {
  if (!libraries) {
    const require = createRequire(import.meta.url);
    libraries = { JSDOM: (require("jsdom") as { JSDOM: JsdomConstructor }).JSDOM, createPurifier: require("dompurify") as (window: unknown) => Purifier };
  }
  return libraries;
}

/** The part of jsdom used here (the package ships no types): an XML document and its window. */
interface SvgDom {
  window: { document: Document; XMLSerializer: typeof XMLSerializer; close(): void };
}
type JsdomConstructor = new (text: string, options: { contentType: string }) => SvgDom;

/** What in an element makes the picture active or reach outside its file, as the editor would name it. */
function activeParts(element: Element): string[] {
  const found: string[] = [];
  const name = element.localName.toLowerCase();
  if (ACTIVE_ELEMENTS.has(name)) found.push(name === "script" ? "a script (<script>)" : `embedded content (<${element.localName}>)`);
  for (const attribute of Array.from(element.attributes)) {
    const attributeName = attribute.name.toLowerCase();
    const value = attribute.value.replace(/[\s\u0000-\u001f]/g, "");
    if (attributeName.startsWith("on")) found.push(`an event handler (${attribute.name}=)`);
    // A base address turns every "#fragment" link below it into a link to another file.
    else if (attributeName === "xml:base") found.push(`a base address (xml:base="${attribute.value.slice(0, 60)}")`);
    else if (LINK_ATTRIBUTES.has(attributeName) && !value.startsWith("#") && !EMBEDDED_PICTURE.test(value)) found.push(`a link to another file or address (${attribute.name}="${attribute.value.slice(0, 60)}")`);
    else if (attributeName === "style" && LOADING_CSS.test(attribute.value)) found.push("a style that loads another file (url(), @import or an escape)");
    // SMIL can set a link at run time: <set attributeName="href" to="javascript:...">.
    else if (attributeName === "attributename" && LINK_ATTRIBUTES.has(value.toLowerCase())) found.push(`an animation that changes a link (<${element.localName} attributeName="${attribute.value}">)`);
  }
  if (name === "style" && LOADING_CSS.test(element.textContent ?? "")) found.push("a stylesheet that loads another file (url(), @import or an escape)");
  return found;
}

/**
 * Checks an SVG file's text and returns it inert: refused when it holds a script, embedded content, an event
 * handler, a link to anything outside the file (javascript:, http:, file:), CSS that loads another file, an
 * entity declaration (an expansion bomb) or an external stylesheet; otherwise cleaned once more by DOMPurify's
 * SVG profile (which also drops editor-only markup such as Inkscape's) and serialised as XML, the bytes published.
 */
export function checkSvg(text: string): SvgCheck {
  const refuse = (what: string): SvgCheck => ({ problem: `holds ${what}: a picture may not run code or load other files; export it again without it` });
  // The XML parser is never given a document type with declarations: entity expansion is how a small file becomes gigabytes.
  if (/<!ENTITY|<!DOCTYPE[^>]*\[/i.test(text)) return refuse("entity declarations (<!ENTITY>)");
  if (/<\?xml-stylesheet/i.test(text)) return refuse("a stylesheet from another file (<?xml-stylesheet?>)");
  const { JSDOM, createPurifier } = svgLibraries();
  let dom: SvgDom;
  try {
    dom = new JSDOM(text, { contentType: "image/svg+xml" });
  } catch {
    return { problem: "is not a well-formed SVG file: export it again as SVG" };
  }
  const root = dom.window.document.documentElement;
  if (!root || root.localName !== "svg" || root.namespaceURI !== SVG_NAMESPACE) return { problem: `is not an SVG drawing (its root element is not <svg xmlns="${SVG_NAMESPACE}">): export it again as SVG` };
  const found = new Set([root, ...Array.from(root.querySelectorAll("*"))].flatMap(activeParts));
  if (found.size > 0) return refuse([...found].join(", "));
  const purifier = createPurifier(dom.window);
  // The second line of defence keeps the same rules as the check above for what DOMPurify's profile allows.
  purifier.addHook("uponSanitizeAttribute", (_node, data) => {
    const value = data.attrValue.replace(/[\s\u0000-\u001f]/g, "");
    if (LINK_ATTRIBUTES.has(data.attrName.toLowerCase()) && !value.startsWith("#") && !EMBEDDED_PICTURE.test(value)) data.keepAttr = false;
    if (data.attrName.toLowerCase() === "style" && LOADING_CSS.test(data.attrValue)) data.keepAttr = false;
    if (data.attrName.toLowerCase() === "xml:base") data.keepAttr = false;
  });
  purifier.addHook("uponSanitizeElement", (node) => {
    if ((node as Element).localName === "style" && LOADING_CSS.test(node.textContent ?? "")) node.textContent = "";
  });
  purifier.sanitize(root, { IN_PLACE: true, USE_PROFILES: { svg: true, svgFilters: true }, ADD_TAGS: ["use"] });
  const svg = new dom.window.XMLSerializer().serializeToString(root);
  dom.window.close();
  return { svg: `${svg}\n` };
}
