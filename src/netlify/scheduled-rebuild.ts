// Used by the Netlify scheduled function, which Netlify bundles on its own: this module imports only the URL
// module, which imports nothing.
import { SITE_PATHS } from "../urls/site-urls.ts";

/** How often the site is rebuilt even when nothing is scheduled (the daily fact, the footer year, a missed hook). */
export const MAX_BUILD_AGE_MS = 24 * 60 * 60 * 1000;

/** The UTC hour at which a site whose /next-change.json cannot be read is rebuilt: 2 or 3 AM in Denver. */
export const FALLBACK_REBUILD_HOUR_UTC = 9;

/**
 * Hours past a due moment at which the hourly check asks for a rebuild; after the last, once a day. While the
 * live file stays in the past (the builds fail, or publishing is off) it asks 6 times on the first day and then
 * daily, instead of every hour without end. Stateless: computed from the due moment and the clock alone.
 */
export const RETRY_HOURS = [0, 1, 2, 4, 8, 16] as const;

/** The most of /next-change.json that is read (it is about 100 bytes); a larger answer is abandoned unread. */
export const MAX_BODY_BYTES = 4096;

/** How long each request may take: both fit in the 30 s Netlify gives a scheduled function. */
export const REQUEST_TIMEOUT_MS = 10_000;

const HOUR_MS = 60 * 60 * 1000;

/** How far into the future a build's clock may be before it is distrusted (SITE_NOW left set, or a wrong clock). */
const CLOCK_SKEW_MS = HOUR_MS;

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

function readFields(body: unknown, now: Date): NextChangeFields | string {
  if (typeof body !== "object" || body === null) return "is not a JSON object";
  const { builtAt, nextChange } = body as Record<string, unknown>;
  const builtAtDate = typeof builtAt === "string" ? new Date(builtAt) : undefined;
  if (!builtAtDate || Number.isNaN(builtAtDate.getTime())) return "has no valid builtAt";
  // A build "made in the future" would never go stale: its clock was wrong, so the file says nothing reliable.
  if (builtAtDate.getTime() - now.getTime() > CLOCK_SKEW_MS) return `says it was built at ${builtAtDate.toISOString()}, in the future (was SITE_NOW set?)`;
  if (nextChange === null || nextChange === undefined) return { builtAt: builtAtDate, nextChange: null };
  const nextChangeDate = typeof nextChange === "string" ? new Date(nextChange) : undefined;
  if (!nextChangeDate || Number.isNaN(nextChangeDate.getTime())) return "has an invalid nextChange";
  return { builtAt: builtAtDate, nextChange: nextChangeDate };
}

/** Whether the hour `hoursPast` (whole hours after a due moment) is one to ask in, and the next such hour. */
export function retrySchedule(hoursPast: number): { ask: boolean; nextHour: number } {
  const last = RETRY_HOURS[RETRY_HOURS.length - 1]!;
  const ask = (RETRY_HOURS as readonly number[]).includes(hoursPast) || (hoursPast > last && (hoursPast - last) % 24 === 0);
  const nextHour = RETRY_HOURS.find((hour) => hour > hoursPast) ?? last + 24 * (Math.floor((hoursPast - last) / 24) + 1);
  return { ask, nextHour };
}

/** The decision for a moment that has passed (`what` was due `dueAt`), backing off while it stays passed. */
function decideOverdue(what: string, dueAt: Date, now: Date): RebuildDecision {
  const hoursPast = Math.floor((now.getTime() - dueAt.getTime()) / HOUR_MS);
  const { ask, nextHour } = retrySchedule(hoursPast);
  const since = `${what} was due at ${dueAt.toISOString()}`;
  if (hoursPast === 0) return { rebuild: true, reason: since };
  const backoff = `the live site still predates it ${hoursPast} h later (failing builds, or publishing off?)`;
  return ask
    ? { rebuild: true, reason: `${since}; ${backoff}: asking again, then next at ${nextHour} h past due` }
    : { rebuild: false, reason: `${since}; ${backoff}: backing off until ${nextHour} h past due` };
}

/**
 * Decides from the live site's /next-change.json (its parsed body, or an error text when it could not be
 * fetched or parsed) whether to rebuild now. Stateless: the file itself says when the site was built. A file
 * that cannot be read gives no date to go by, so the site is then rebuilt once a day, in the fallback hour.
 */
export function decideRebuild(file: { body: unknown } | { error: string }, now: Date): RebuildDecision {
  const fields = "error" in file ? file.error : readFields(file.body, now);
  if (typeof fields === "string") {
    const due = now.getUTCHours() === FALLBACK_REBUILD_HOUR_UTC;
    return { rebuild: due, reason: `${SITE_PATHS.nextChange} ${fields}; ${due ? "rebuilding in the daily fallback hour" : `waiting for the daily fallback hour (${FALLBACK_REBUILD_HOUR_UTC}:00 UTC)`}` };
  }
  if (fields.nextChange && fields.nextChange <= now) return decideOverdue("a scheduled change", fields.nextChange, now);
  const staleAt = new Date(fields.builtAt.getTime() + MAX_BUILD_AGE_MS);
  if (staleAt <= now) return decideOverdue(`the daily rebuild (built at ${fields.builtAt.toISOString()})`, staleAt, now);
  return { rebuild: false, reason: fields.nextChange ? `nothing due before ${fields.nextChange.toISOString()}` : "nothing scheduled, and the build is less than a day old" };
}

/** Where the check reads and posts; from the function's environment. */
export interface RebuildSettings {
  /** The live site's address (Netlify's URL variable). */
  siteUrl: string | undefined;
  /** The build hook to POST to (BUILD_HOOK_URL, created under Site configuration > Build hooks). A secret: never logged. */
  buildHookUrl: string | undefined;
  now: Date;
}

/**
 * `raw` as a URL the function may call, or why not, without repeating the value (the hook URL is a secret).
 * https only; plain http only to this machine (127.0.0.1, ::1, localhost), which nothing on a network can read,
 * so the function can be tried against a local server.
 */
function callableUrl(name: string, raw: string): URL | string {
  if (!URL.canParse(raw)) return `${name} is not a valid URL (its value is not shown: it may be secret)`;
  const url = new URL(raw);
  const loopback = ["127.0.0.1", "[::1]", "localhost"].includes(url.hostname);
  if (url.protocol === "https:" || (url.protocol === "http:" && loopback)) return url;
  return `${name} must be an https:// address (its value is not shown: it may be secret)`;
}

/** A short description of a failed request: the system's error code, never a URL. */
function describeError(error: unknown): string {
  // fetch puts the system's error (ECONNREFUSED, ENOTFOUND) in `cause`; checked by shape, as it may come from another realm.
  const cause = error && typeof error === "object" && "cause" in error && error.cause ? error.cause : error;
  const code = cause && typeof cause === "object" && "code" in cause && typeof cause.code === "string" ? cause.code : undefined;
  if (code) return code;
  // A short message in plain words ("bad port"), never one that could carry an address.
  const message = cause && typeof cause === "object" && "message" in cause && typeof cause.message === "string" ? cause.message : "";
  if (/^[\w .,'-]{1,60}$/.test(message)) return message;
  return error && typeof error === "object" && "name" in error && typeof error.name === "string" ? error.name : "unknown error";
}

/** One request's outcome: the first bytes of a 2xx answer, or why there is none. */
type Fetched = { ok: true; status: number; body: string } | { ok: false; error: string };

/**
 * One request that follows no redirect (a 3xx is a failure), gives up after REQUEST_TIMEOUT_MS, and reads at
 * most `limit` bytes of the answer: past that the request is aborted, so a huge or endless answer costs
 * nothing. `limit` 0 reads no body at all.
 */
export async function cappedFetch(url: URL, init: RequestInit, limit: number, timeoutMs = REQUEST_TIMEOUT_MS): Promise<Fetched> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(url, { ...init, redirect: "manual", signal: controller.signal });
    if (response.status >= 300 && response.status < 400) return { ok: false, error: `answered HTTP ${response.status}, a redirect, which is not followed` };
    if (!response.ok) return { ok: false, error: `answered HTTP ${response.status}` };
    if (limit === 0) return { ok: true, status: response.status, body: "" };
    const declared = Number(response.headers.get("content-length") ?? 0);
    if (declared > limit) return { ok: false, error: `is ${declared} bytes, more than the ${limit} read: not read` };
    const chunks: Uint8Array[] = [];
    let total = 0;
    const reader = response.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit) return { ok: false, error: `is more than the ${limit} bytes read: the rest was not read` };
      chunks.push(value);
    }
    return { ok: true, status: response.status, body: Buffer.concat(chunks).toString("utf8") };
  } catch (error) {
    return { ok: false, error: controller.signal.aborted ? `gave no answer within ${timeoutMs / 1000} s` : `could not be reached (${describeError(error)})` };
  } finally {
    clearTimeout(timer);
    // Closes the connection of an answer left unread (a redirect, an error, a body past the limit).
    controller.abort();
  }
}

/** Reads /next-change.json from the live site and posts to the build hook when a rebuild is due. Never throws. */
export async function checkAndRebuild(settings: RebuildSettings): Promise<RebuildDecision & { posted: boolean }> {
  if (!settings.siteUrl || !settings.buildHookUrl) {
    return { rebuild: false, posted: false, reason: `not configured: ${!settings.siteUrl ? "URL" : "BUILD_HOOK_URL"} is not set` };
  }
  const site = callableUrl("URL", settings.siteUrl);
  const hook = callableUrl("BUILD_HOOK_URL", settings.buildHookUrl);
  for (const url of [site, hook]) if (typeof url === "string") return { rebuild: false, posted: false, reason: `not configured: ${url}` };
  const fetched = await cappedFetch(new URL(SITE_PATHS.nextChange, site as URL), { headers: { accept: "application/json" }, cache: "no-store" }, MAX_BODY_BYTES);
  let file: { body: unknown } | { error: string };
  if (!fetched.ok) file = { error: fetched.error };
  else {
    try {
      file = { body: JSON.parse(fetched.body) as unknown };
    } catch {
      file = { error: "is not valid JSON" };
    }
  }
  const decision = decideRebuild(file, settings.now);
  if (!decision.rebuild) return { ...decision, posted: false };
  const posted = await cappedFetch(hook as URL, { method: "POST", body: "{}", headers: { "content-type": "application/json" } }, 0);
  return posted.ok ? { ...decision, posted: true } : { ...decision, posted: false, reason: `${decision.reason}; the build hook ${posted.error}` };
}
