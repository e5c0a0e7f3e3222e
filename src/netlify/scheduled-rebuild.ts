// Used by the Netlify scheduled function, which Netlify bundles on its own: this module imports nothing.

/** How often the site is rebuilt even when nothing is scheduled (the daily fact, the footer year, a missed hook). */
export const MAX_BUILD_AGE_MS = 24 * 60 * 60 * 1000;

/** The UTC hour at which a site whose /next-change.json cannot be read is rebuilt: 2 or 3 AM in Denver. */
export const FALLBACK_REBUILD_HOUR_UTC = 9;

/** What the hourly check decided, and why (logged by the function). */
export interface RebuildDecision {
  rebuild: boolean;
  reason: string;
}

/** The parts of /next-change.json the check reads. */
interface NextChangeFields {
  builtAt: Date;
  nextChange: Date | null;
}

function readFields(body: unknown): NextChangeFields | string {
  if (typeof body !== "object" || body === null) return "is not a JSON object";
  const { builtAt, nextChange } = body as Record<string, unknown>;
  const builtAtDate = typeof builtAt === "string" ? new Date(builtAt) : undefined;
  if (!builtAtDate || Number.isNaN(builtAtDate.getTime())) return "has no valid builtAt";
  if (nextChange === null || nextChange === undefined) return { builtAt: builtAtDate, nextChange: null };
  const nextChangeDate = typeof nextChange === "string" ? new Date(nextChange) : undefined;
  if (!nextChangeDate || Number.isNaN(nextChangeDate.getTime())) return "has an invalid nextChange";
  return { builtAt: builtAtDate, nextChange: nextChangeDate };
}

/**
 * Decides from the live site's /next-change.json (its parsed body, or an error text when it could not be
 * fetched or parsed) whether to rebuild now. Stateless: the file itself says when the site was built. A file
 * that cannot be read gives no date to go by, so the site is then rebuilt once a day, in the fallback hour.
 */
export function decideRebuild(file: { body: unknown } | { error: string }, now: Date): RebuildDecision {
  const fields = "error" in file ? file.error : readFields(file.body);
  if (typeof fields === "string") {
    const due = now.getUTCHours() === FALLBACK_REBUILD_HOUR_UTC;
    return { rebuild: due, reason: `/next-change.json ${fields}; ${due ? "rebuilding in the daily fallback hour" : `waiting for the daily fallback hour (${FALLBACK_REBUILD_HOUR_UTC}:00 UTC)`}` };
  }
  if (fields.nextChange && fields.nextChange <= now) return { rebuild: true, reason: `a scheduled change was due at ${fields.nextChange.toISOString()}` };
  if (now.getTime() - fields.builtAt.getTime() >= MAX_BUILD_AGE_MS) return { rebuild: true, reason: `the site was built at ${fields.builtAt.toISOString()}, over a day ago` };
  return { rebuild: false, reason: fields.nextChange ? `nothing due before ${fields.nextChange.toISOString()}` : "nothing scheduled, and the build is less than a day old" };
}

/** Where the check reads and posts; from the function's environment. */
export interface RebuildSettings {
  /** The live site's address (Netlify's URL variable). */
  siteUrl: string | undefined;
  /** The build hook to POST to (BUILD_HOOK_URL, created under Site configuration > Build hooks). */
  buildHookUrl: string | undefined;
  now: Date;
}

/** Reads /next-change.json from the live site and posts to the build hook when a rebuild is due. Never throws. */
export async function checkAndRebuild(settings: RebuildSettings): Promise<RebuildDecision & { posted: boolean }> {
  if (!settings.siteUrl || !settings.buildHookUrl) {
    return { rebuild: false, posted: false, reason: `not configured: ${!settings.siteUrl ? "URL" : "BUILD_HOOK_URL"} is not set` };
  }
  let file: { body: unknown } | { error: string };
  try {
    const response = await fetch(new URL("/next-change.json", settings.siteUrl), { headers: { accept: "application/json" }, cache: "no-store" });
    file = response.ok ? { body: JSON.parse(await response.text()) as unknown } : { error: `answered HTTP ${response.status}` };
  } catch (error) {
    file = { error: `could not be read (${error instanceof Error ? error.message : String(error)})` };
  }
  const decision = decideRebuild(file, settings.now);
  if (!decision.rebuild) return { ...decision, posted: false };
  try {
    const response = await fetch(settings.buildHookUrl, { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
    return { ...decision, posted: response.ok, ...(response.ok ? {} : { reason: `${decision.reason}; the build hook answered HTTP ${response.status}` }) };
  } catch (error) {
    return { ...decision, posted: false, reason: `${decision.reason}; the build hook could not be reached (${error instanceof Error ? error.message : String(error)})` };
  }
}
