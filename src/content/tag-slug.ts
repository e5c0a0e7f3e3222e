/**
 * The URL slug and identity of a tag: "Project Management", "project-management" and "project  management"
 * are one tag. Without this, two spellings would claim the same page and Eleventy would stop with a
 * DuplicatePermalinkOutputError.
 */
export function tagSlug(tag: string): string {
  return tag
    .trim()
    .normalize("NFKD")
    // Accents go, letters stay: "Über" is "uber", not "ber".
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/\+/g, " plus ")
    .replace(/#/g, " sharp ")
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
