import { z } from "zod";
import { parseSiteDate } from "../time/parse-date.ts";
import { externalUrlProblem, SITE_PATH_MESSAGE, sitePathProblem, type SitePathUse } from "../urls/safe-urls.ts";

/** A lowercase kebab-case identifier, as used in file names, ids and URLs. */
export const idField = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lowercase letters, digits and single hyphens, such as \"java-fundamentals\"");

/** Characters no editor means to type: C0 controls other than tab and line ends, DEL, and C1 controls. */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/**
 * Something that reads as an HTML tag: a known element such as `<b>` or `</i>`, or any tag with attributes such as
 * `<script src="x">`. A lone "<", "a < b" or a generic type such as `List<T>` is text, not markup.
 */
const HTML_TAG =
  /<\/?(?:a|abbr|b|big|blink|br|button|code|del|div|em|embed|font|form|h[1-6]|hr|i|iframe|img|input|ins|kbd|link|mark|meta|object|p|pre|q|s|script|small|span|strong|style|sub|sup|svg|table|td|th|tr|u)\s*\/?>|<\/?[a-z][a-z0-9-]*\s+[a-z-]+\s*=[^<>]*>/i;

/** The longest title a heading, a card and a social image can hold. */
export const TITLE_MAX_LENGTH = 120;

/** "U+0007", for naming an invisible character in a message. */
const codePoint = (character: string) => `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

/** Text that must not be blank, nor hide control characters (pasted from a terminal or a word processor). */
export const textField = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .superRefine((text, context) => {
    const control = CONTROL_CHARACTER.exec(text);
    if (control) context.addIssue({ code: "custom", message: `must not contain the control character ${codePoint(control[0])} (at character ${control.index + 1}): delete it and retype the text around it` });
  });

/**
 * A title or name: one line of plain text. Templates escape it, so markup would show as literal `<b>`; refusing
 * it here tells the editor at once instead of on the published page.
 */
export const titleField = textField.max(TITLE_MAX_LENGTH, `must be at most ${TITLE_MAX_LENGTH} characters`).superRefine((text, context) => {
  if (/[\r\n]/.test(text)) context.addIssue({ code: "custom", message: "must be one line" });
  const tag = HTML_TAG.exec(text);
  if (tag) context.addIssue({ code: "custom", message: `must be plain text without HTML tags such as ${tag[0]}` });
});

/** A short plain-text summary that fits a search result and a card: at most 200 characters. */
export const summaryField = textField.max(200, "must be at most 200 characters");

/** Markdown source, rendered when the collections are derived. */
export const markdownField = textField;

function dateField(allowTime: boolean) {
  // YAML "timestamp" values arrive as Date objects: the editor forgot the quotes, and YAML may have rolled the date over.
  return z
    .unknown()
    .transform((value, context) => {
      if (value instanceof Date) {
        context.addIssue({ code: "custom", message: "must be in quotes, such as \"2026-12-07\": unquoted YAML dates are not accepted (npm run fix adds the quotes)" });
        return z.NEVER;
      }
      if (value === undefined) {
        context.addIssue({ code: "custom", message: "is required" });
        return z.NEVER;
      }
      if (typeof value !== "string") {
        context.addIssue({ code: "custom", message: "must be a date in quotes, such as \"2026-12-07\"" });
        return z.NEVER;
      }
      const result = parseSiteDate(value, { allowTime });
      if (!result.ok) {
        context.addIssue({ code: "custom", message: result.message });
        return z.NEVER;
      }
      return result.value;
    });
}

/** A quoted ISO date ("2026-12-07"), read as midnight in the site's zone. */
export const dateOnlyField = dateField(false);

/** A quoted ISO date or date-time, read in the site's zone unless it carries an offset. */
export const dateTimeField = dateField(true);

/** A whole number of US dollars. */
export const priceField = z.number().int("must be a whole number of dollars").positive("must be more than 0");

/** A list of ids of other entities; checked against them once everything is loaded. */
export const idListField = z.array(idField).default([]);

/**
 * A path of this site for `use`: the plain check gives the CMS its pattern and the common message; the rules of
 * src/urls/safe-urls.ts then refuse what would leave the site ("//host", "/\\host", encoded slashes, "..").
 */
function sitePathOf(use: SitePathUse) {
  return z
    .string()
    .regex(/^\/[^\s]*$/, SITE_PATH_MESSAGE)
    .superRefine((path, context) => {
      const problem = /^\/[^\s]*$/.test(path) ? sitePathProblem(path, use) : undefined;
      if (problem) context.addIssue({ code: "custom", message: problem });
    });
}

/** A root-relative path of this site such as "/courses/" or "/contact/#form": never another site's address. */
export const sitePathField = sitePathOf("link");

/** The old path of a redirect, such as "/old-page/", or "/old-section/*" for everything under it. */
export const redirectFromField = sitePathOf("redirect-from");

/** The page a redirect leads to: one plain path of this site, checked against the pages the build writes. */
export const redirectToField = sitePathOf("redirect-to");

/**
 * A link to another site: an https:// address with a host name (no javascript:, data:, plain http:, user name,
 * backslash or non-ASCII character). z.url() trims the value (so a stray space or line break is dropped, not
 * published) and gives the CMS its URL widget, but it accepts "https:host" and "https:\\\\host": the rules of
 * src/urls/safe-urls.ts refuse those.
 */
export const externalUrlField = z.url({ protocol: /^https$/, message: "must be an https:// address" }).superRefine((url, context) => {
  // Only once z.url has accepted it, so a value gets one message.
  const problem = URL.canParse(url) && new URL(url).protocol === "https:" ? externalUrlProblem(url) : undefined;
  if (problem) context.addIssue({ code: "custom", message: problem });
});
