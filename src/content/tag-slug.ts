import { boundedMemo } from "../lib/bounded-memo.ts";

/**
 * The URL slug and identity of a tag: "Project Management", "project-management" and "project  management"
 * are one tag. Without this, two spellings would claim the same page and Eleventy would stop with a
 * DuplicatePermalinkOutputError.
 */
export function tagSlug(tag: string): string {
  return rememberedSlug(tag);
}

// Every article names a few of the same few hundred tags, and a build asks for their slugs once per article and page.
const rememberedSlug = boundedMemo(slugOf, (tag: string) => tag);
// Made once: esbuild (npm run check's bundle) writes a Unicode property escape as `new RegExp` where it stands.
const MARKS = /\p{M}+/gu;

function slugOf(tag: string): string {
  return tag
    .trim()
    .normalize("NFKD")
    // Accents go, letters stay: "Über" is "uber", not "ber".
    .replace(MARKS, "")
    .toLowerCase()
    .replace(/\+/g, " plus ")
    .replace(/#/g, " sharp ")
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
