/**
 * Runs every hour (declared in netlify.toml): rebuilds the site when the live /next-change.json says a
 * class, article or promotion has changed state since the last build, and at least once a day.
 * Needs BUILD_HOOK_URL in the site's environment variables; Netlify sets URL.
 */
import { checkAndRebuild } from "../../src/netlify/scheduled-rebuild.ts";

export default async (): Promise<Response> => {
  const result = await checkAndRebuild({ siteUrl: process.env.URL, buildHookUrl: process.env.BUILD_HOOK_URL, now: new Date() });
  console.log(`scheduled-rebuild: ${result.posted ? "rebuild requested" : result.rebuild ? "rebuild NOT requested" : "no rebuild"}: ${result.reason}`);
  return Response.json(result);
};
