/** Longest document title search engines and tabs show in full; html-validate's long-title rule uses the same. */
export const MAX_TITLE_LENGTH = 70;

/**
 * The `<title>`: "Page | Firm", falling back to the short name, then to the page title cut at a word
 * boundary, so that no title runs past MAX_TITLE_LENGTH.
 */
export function documentTitle(pageTitle: string, siteName: string, shortName: string): string {
  for (const candidate of [`${pageTitle} | ${siteName}`, `${pageTitle} | ${shortName}`, pageTitle]) {
    if (candidate.length <= MAX_TITLE_LENGTH) return candidate;
  }
  const cut = pageTitle.slice(0, MAX_TITLE_LENGTH - 1);
  return `${cut.slice(0, cut.lastIndexOf(" ")).replace(/[\s,.:;!?-]+$/, "")}…`;
}

/** Keeps a phone number on one line: spaces and hyphens become their non-breaking forms. */
export function nonBreaking(text: string): string {
  return text.replace(/ /g, "\u00a0").replace(/-/g, "\u2011");
}

/** A `tel:` link for a printed phone number: "+1 303-555-0142" becomes "tel:+13035550142". */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, "")}`;
}
