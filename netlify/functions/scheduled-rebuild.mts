/**
 * Runs every hour (declared in netlify.toml): rebuilds the site when the live /next-change.json says a
 * class, article or promotion has changed state since the last build, and at least once a day. While the live
 * file stays in the past it backs off (1, 2, 4, 8, 16 hours past due, then daily) and says so in its log line.
 * Needs BUILD_HOOK_URL in the site's environment variables (a secret: never logged); Netlify sets URL.
 */
import { checkAndRebuild } from "../../src/netlify/scheduled-rebuild.ts";

export default async (): Promise<Response> => {
  const result = await checkAndRebuild({ siteUrl: process.env.URL, buildHookUrl: process.env.BUILD_HOOK_URL, now: new Date() });
  console.log(`scheduled-rebuild: ${result.posted ? "rebuild requested" : result.rebuild ? "rebuild NOT requested" : "no rebuild"}: ${result.reason}`);
  return Response.json(result);
};
