import { isProductionContext } from "./header-policy.ts";

/** The deploy variables Netlify sets during a build. */
export interface DeployEnvironment {
  /** production, deploy-preview, branch-deploy or dev; unset outside Netlify. */
  CONTEXT?: string | undefined;
  /** The address of this deploy: the preview's or branch's own URL. */
  DEPLOY_PRIME_URL?: string | undefined;
}

/**
 * The base URL a build writes into canonical links, feeds, sitemaps and structured data. A preview or branch
 * deploy uses its own address, so nothing it publishes points readers (or crawlers) at the live site as if it
 * were the same content; the production and local builds use the site's configured URL.
 */
export function deployBaseUrl(siteUrl: string, env: DeployEnvironment): string {
  if (isProductionContext(env.CONTEXT) || !env.DEPLOY_PRIME_URL) return siteUrl;
  const url = new URL(env.DEPLOY_PRIME_URL);
  if (url.protocol !== "https:") throw new Error(`DEPLOY_PRIME_URL must be an https:// address, not "${env.DEPLOY_PRIME_URL}"`);
  return url.origin;
}
