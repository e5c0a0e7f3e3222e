import type { DateTime } from "luxon";

/** What kind of site a build makes: the published site, a Netlify preview of a change, or `npm start` on a laptop. */
export type BuildKind = "production" | "preview" | "development";

/** What one build decides once and every collection obeys. */
export interface BuildContext {
  /** The reference clock (SITE_NOW). */
  now: DateTime<true>;
  /** Drafts and scheduled articles are shown, marked: in previews and development, never in production. */
  includeUnpublished: boolean;
  /** True in Netlify previews: every page carries a visible "Preview" banner. Left out, false. */
  preview?: boolean;
  /** The last change of a content file (path from the project root): its last commit, or its modification time. Left out, unknown. */
  lastModified?: (file: string) => DateTime | undefined;
}

/** Netlify's deploy contexts that publish a preview address rather than the site. */
const PREVIEW_CONTEXTS = new Set(["deploy-preview", "branch-deploy"]);

/**
 * Decides the kind of build from Netlify's CONTEXT (production, deploy-preview, branch-deploy, dev) and
 * Eleventy's run mode. Netlify's production context always wins, so a production deploy can never show a
 * draft; a plain local `npm run build` is a production build too, so it shows what the live site will.
 */
export function buildKind(env: { CONTEXT?: string | undefined; ELEVENTY_RUN_MODE?: string | undefined }): BuildKind {
  if (env.CONTEXT === "production") return "production";
  if (env.CONTEXT && PREVIEW_CONTEXTS.has(env.CONTEXT)) return "preview";
  if (env.ELEVENTY_RUN_MODE === "serve" || env.ELEVENTY_RUN_MODE === "watch") return "development";
  return "production";
}

/** The build context for a clock and an environment. */
export function createBuildContext(now: DateTime<true>, env: NodeJS.ProcessEnv = process.env): BuildContext {
  const kind = buildKind(env);
  return { now, includeUnpublished: kind !== "production", preview: kind === "preview" };
}
