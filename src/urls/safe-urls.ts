// The one definition of a safe address in content: a path of this site, or an https link to another site.
// The schemas refuse anything else when a file loads (src/schemas/fields.ts), and the writers of published
// files (src/netlify/redirect-rules.ts) ask again, so a value that slipped past a schema is still never published.

/** How a site path is used: anywhere on a page, or as the old (`from`) or new (`to`) side of a Netlify redirect. */
export type SitePathUse = "link" | "redirect-from" | "redirect-to";

/** The message for a value that is not a root-relative path at all. */
export const SITE_PATH_MESSAGE = 'must be a path on this site starting with "/", such as "/courses/"';

/**
 * Characters a site path may hold as they are: RFC 3986's unreserved and sub-delimiter characters, ":", "@",
 * "/", "%" (for percent-encoding), and "?" and "#" for a query and a fragment. Everything else (spaces, control
 * characters, backslashes, quotes, non-ASCII letters such as the look-alike slashes U+2215 and U+FF0F) must be
 * percent-encoded, so no browser or server can read the path as something else.
 */
const SITE_PATH_CHARACTER = /[A-Za-z0-9\-._~!$&'()*+,;=:@%/?#]/;

/** A byte that a percent-encoding must not spell: "/", "\" and "%" (which can hide an encoded slash when decoded twice), and control characters. */
const FORBIDDEN_ENCODED = /^(?:2f|5c|25|[01][0-9a-f]|7f)$/i;

/** "U+2215", for naming a character an editor cannot see or tell apart. */
function codePoint(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** What an encoded byte stands for, in words. */
function encodedName(hex: string): string {
  const byte = Number.parseInt(hex, 16);
  if (byte === 0x2f) return 'an encoded "/"';
  if (byte === 0x5c) return 'an encoded "\\"';
  if (byte === 0x25) return 'an encoded "%", which hides another encoding';
  return "an encoded control character";
}

/**
 * Why `value` is not a safe path of this site for `use`, or undefined when it is one. A safe path starts with
 * exactly one "/", holds no backslash, whitespace, control or non-ASCII character, no percent-encoded "/", "\",
 * "%" or control character, and no "." or ".." segment, so every browser reads it as a page of this site.
 * Redirect paths are plain paths (no query, fragment or ":placeholder"); only a redirect's `from` may end in a
 * "/*" splat, and never "/*" alone.
 */
export function sitePathProblem(value: string, use: SitePathUse = "link"): string | undefined {
  if (!value.startsWith("/")) return SITE_PATH_MESSAGE;
  if (/^\/[/\\]/.test(value)) return `must start with a single "/": "${value.slice(0, 2)}" starts the address of another site`;
  const backslash = value.indexOf("\\");
  if (backslash >= 0) return `must not contain "\\" (at character ${backslash + 1}): browsers read it as "/"`;
  for (const [index, character] of [...value].entries()) {
    if (SITE_PATH_CHARACTER.test(character)) continue;
    const what = /\s/.test(character) ? "a space or line break" : /[\u0000-\u001F\u007F-\u009F]/.test(character) ? "a control character" : "the character";
    return `must not contain ${what} ${codePoint(character)} (at character ${index + 1}): a site path is plain ASCII, with anything else percent-encoded`;
  }
  for (const match of value.matchAll(/%(.{0,2})/g)) {
    const hex = match[1]!;
    if (!/^[0-9a-f]{2}$/i.test(hex)) return `has a "%" (at character ${match.index + 1}) that does not start a percent-encoded character such as "%20"`;
    if (FORBIDDEN_ENCODED.test(hex)) return `must not contain %${hex} (at character ${match.index + 1}), ${encodedName(hex)}`;
  }
  const pathPart = value.replace(/[?#].*$/s, "");
  for (const segment of pathPart.split("/")) {
    if (/^(?:\.|%2e){1,2}$/i.test(segment)) return `must not contain a "${segment}" segment: write the path it leads to`;
  }
  if (use === "link") return undefined;
  if (/[?#]/.test(value)) return 'must be a plain path without "?" or "#": Netlify matches a redirect by its path';
  const placeholder = value.split("/").find((segment) => segment.startsWith(":"));
  if (placeholder) return `must not contain the placeholder "${placeholder}": a redirect names one old path and one existing page`;
  if (use === "redirect-to" && value.includes("*")) return 'must not contain "*": a redirect leads to one existing page';
  if (use === "redirect-from") {
    if (value === "/") return 'must not be "/": the home page is a page of this site';
    if (value === "/*") return 'must not be "/*": it would catch every unknown address, and no visitor would see the "page not found" page';
    const star = value.indexOf("*");
    if (star >= 0 && (star !== value.length - 1 || !value.endsWith("/*"))) return 'may use "*" only as the whole last segment, such as "/blog/*"';
  }
  return undefined;
}

/** The old path a `/old/*` redirect covers ("/old/"), or undefined for a redirect from one path. */
export function splatPrefix(from: string): string | undefined {
  return from.endsWith("/*") ? from.slice(0, -1) : undefined;
}

/**
 * Why `value` is not a safe link to another site, or undefined when it is one: written as `https://host/...`
 * (so `https:evil`, `javascript:`, `data:` and plain `http:` are refused: a visitor's browser would load http
 * unencrypted, and the site's CSP upgrades nothing it links to), with a host name that has a dot, no user name
 * or password, and nothing but plain ASCII (an international domain in its `xn--` form).
 */
export function externalUrlProblem(value: string): string | undefined {
  const unsafe = [...value].findIndex((character) => !/[!-~]/.test(character));
  if (unsafe >= 0) return `must not contain ${codePoint([...value][unsafe]!)} (at character ${unsafe + 1}): an address is plain ASCII, with no spaces or line breaks`;
  if (!/^https:\/\/[^/\\]/i.test(value)) return 'must be an https:// address, such as "https://www.example.com/"';
  if (value.includes("\\")) return 'must not contain "\\": browsers read it as "/"';
  if (!URL.canParse(value)) return 'must be an https:// address, such as "https://www.example.com/"';
  const url = new URL(value);
  if (url.username || url.password) return "must not contain a user name or password";
  if (!/^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9]$/.test(url.hostname)) return `must name a host such as "www.example.com", not "${url.hostname}"`;
  return undefined;
}
