// The content read as the files state it, without src/: tests compute their expectations from this,
// independently of the code under test, so nothing here may import from src/. It reads the tests' fixture
// content (tests/fixture-site), which the december, march and development builds are made from.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import { parse } from "yaml";
import { FIXTURE_ROOT } from "./project-copy.ts";

/** The zone the data's local date-times are in. */
export const ZONE = "America/Denver";

/** A YAML file of the fixture content (a path from its root, e.g. "_data/site.yaml"), parsed and cast to `T` without validation. */
export const readYaml = <T>(file: string): T => parse(readFileSync(path.join(FIXTURE_ROOT, file), "utf8")) as T;

/** `_data/site.yaml`, the fields the tests read. */
export interface SiteData {
  name: string;
  url: string;
  fewSeatsLeft: number;
  didYouKnow: string[];
}

/** `_data/site.yaml` as written. */
export const rawSite = (): SiteData => readYaml<SiteData>("_data/site.yaml");

/** The site's origin and base path without the trailing slash, e.g. "https://www.example.com". */
export const siteUrl = (): string => rawSite().url.replace(/\/$/, "");

/** One entry of `_data/schedule.yaml`, as written (only the fields the tests read). */
export interface SessionData {
  id: string;
  course: string;
  /** A local date-time in ZONE, e.g. "2026-12-07T09:00". */
  start: string;
  /** A local date-time in ZONE. */
  end: string;
  mode: "classroom" | "online" | "onsite";
  location?: string;
  instructor?: string;
  seats: number;
  enrolled?: number;
  status?: "scheduled" | "cancelled" | "postponed";
  guaranteedToRun?: boolean;
  priceUSD?: number;
  /** Why the price differs from the course's list price. */
  priceNote?: string;
  /** Meeting days with their own hours, local date-times in ZONE. */
  meetings?: { start: string; end: string }[];
  /** The day the class was put on the schedule. */
  added?: string;
  /** The start the class had before it moved. */
  previousStart?: string;
  registrationCloses?: string;
  earlyBird?: { priceUSD: number; until: string };
  confirmBy?: string;
  policies?: Record<string, string>;
}

/** A `_data/courses/<id>.yaml` file, as written, with `id` taken from the file name. */
export interface CourseData {
  id: string;
  title: string;
  category: string;
  level: "introductory" | "intermediate" | "advanced";
  durationDays: number;
  priceUSD?: number;
  summary: string;
  description: string;
  audience: string[];
  prerequisites?: string[];
  objectives: string[];
  outline: { title: string; topics: string[] }[];
  formats: ("public-classroom" | "online-live" | "onsite-private")[];
  relatedCourses?: string[];
  policies?: Record<string, string>;
}

/** A session of `_data/schedule.yaml` with its left-out fields at their documented defaults, its free seats and its start and end as DateTimes in ZONE. */
export interface RawSession extends SessionData {
  enrolled: number;
  status: NonNullable<SessionData["status"]>;
  guaranteedToRun: boolean;
  /** Seats offered less seats taken, never below 0. */
  seatsLeft: number;
  startAt: DateTime;
  endAt: DateTime;
  /** The days the class meets as the README states the rule: the listed meetings, else every weekday from the first to the last day (and those two days) at the first day's start and last day's end hours. */
  meetingTimes: { start: DateTime; end: DateTime }[];
}

/** Every session of `_data/schedule.yaml`, in file order (enrolled 0, status "scheduled" and guaranteedToRun false where left out). */
export function rawSessions(): RawSession[] {
  return readYaml<SessionData[]>("_data/schedule.yaml").map((session) => ({
    ...session,
    enrolled: session.enrolled ?? 0,
    status: session.status ?? "scheduled",
    guaranteedToRun: session.guaranteedToRun ?? false,
    seatsLeft: Math.max(0, session.seats - (session.enrolled ?? 0)),
    startAt: DateTime.fromISO(session.start, { zone: ZONE }),
    endAt: DateTime.fromISO(session.end, { zone: ZONE }),
    meetingTimes: meetingTimesOf(session),
  }));
}

function meetingTimesOf(session: SessionData): { start: DateTime; end: DateTime }[] {
  const at = (text: string) => DateTime.fromISO(text, { zone: ZONE });
  if (session.meetings) return session.meetings.map((meeting) => ({ start: at(meeting.start), end: at(meeting.end) }));
  const [start, end] = [at(session.start), at(session.end)];
  const days: { start: DateTime; end: DateTime }[] = [];
  for (let day = start.startOf("day"); day <= end.startOf("day"); day = day.plus({ days: 1 })) {
    if (day.weekday > 5 && !day.hasSame(start, "day") && !day.hasSame(end, "day")) continue;
    days.push({ start: day.set({ hour: start.hour, minute: start.minute }), end: day.set({ hour: end.hour, minute: end.minute }) });
  }
  return days;
}

/** The ids of the YAML files of a data folder (file names without `.yaml`), sorted. */
export const yamlIds = (folder: string): string[] =>
  readdirSync(path.join(FIXTURE_ROOT, folder))
    .filter((file) => file.endsWith(".yaml"))
    .map((file) => file.slice(0, -".yaml".length))
    .sort();

/** Every course of `_data/courses/`, sorted by id, each with its id taken from its file name. */
export function rawCourses(): CourseData[] {
  return yamlIds("_data/courses").map((id) => ({ ...readYaml<Omit<CourseData, "id">>(`_data/courses/${id}.yaml`), id }));
}

/** A map file such as `_data/categories.yaml` (id: entry), as a list of entries with their ids, in file order. */
export const rawEntries = <T>(file: string): (T & { id: string })[] => Object.entries(readYaml<Record<string, T>>(file)).map(([id, entry]) => ({ ...entry, id }));

/** An article as its Markdown file states it: front matter parsed with the yaml package, dates as DateTimes in ZONE. */
export interface RawArticle {
  slug: string;
  /** The file, from the content root: "content/articles/<slug>.md" or "content/articles/<slug>/index.md". */
  file: string;
  url: string;
  title: string;
  date: DateTime;
  updated: DateTime | undefined;
  draft: boolean;
  author: string;
  summary: string;
  tags: string[];
  relatedCourses: string[];
  aliases: string[];
  /** The Markdown after the front matter. */
  body: string;
}

const denver = (value: unknown, file: string): DateTime => {
  const date = DateTime.fromISO(String(value), { zone: ZONE });
  if (typeof value !== "string" || !date.isValid) throw new Error(`${file}: date ${String(value)} is not a quoted date-time`);
  return date;
};

/** Every article of `content/articles/` (flat `<slug>.md` files and `<slug>/index.md` folders), sorted by slug. */
export function rawArticles(): RawArticle[] {
  const folder = path.join(FIXTURE_ROOT, "content/articles");
  const files = readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isFile() && entry.name.endsWith(".md")) return [{ slug: entry.name.slice(0, -".md".length), file: `content/articles/${entry.name}` }];
    if (entry.isDirectory() && existsSync(path.join(folder, entry.name, "index.md"))) return [{ slug: entry.name, file: `content/articles/${entry.name}/index.md` }];
    return [];
  });
  return files
    .sort((a, b) => a.slug.localeCompare(b.slug))
    .map(({ slug, file }) => {
      const text = readFileSync(path.join(FIXTURE_ROOT, file), "utf8");
      // The yaml package (YAML 1.2 core) keeps quoted dates as strings, as the content files intend.
      const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
      if (!match) throw new Error(`${file} has no front matter`);
      const data = parse(match[1]!) as Record<string, unknown>;
      const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
      return {
        slug,
        file,
        url: `/articles/${slug}/`,
        title: String(data.title),
        date: denver(data.date, file),
        updated: data.updated === undefined ? undefined : denver(data.updated, file),
        draft: data.draft === true,
        author: String(data.author),
        summary: String(data.summary),
        tags: list(data.tags),
        relatedCourses: list(data.relatedCourses),
        aliases: list(data.aliases),
        body: match[2]!,
      };
    });
}

/** The articles a production build at the clock `now` publishes (no drafts, none dated later), newest first. */
export function publishedArticles(now: string): RawArticle[] {
  const clock = DateTime.fromISO(now);
  return rawArticles()
    .filter((article) => !article.draft && article.date <= clock)
    .sort((a, b) => b.date.toMillis() - a.date.toMillis() || a.slug.localeCompare(b.slug));
}
