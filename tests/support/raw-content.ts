// The content YAML read as the files state it, without src/: tests compute their expectations from this,
// independently of the code under test, so nothing here may import from src/.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import { parse } from "yaml";
import { REPO_ROOT } from "./build-site.ts";

/** The zone the data's local date-times are in. */
export const ZONE = "America/Denver";

/** A YAML file of the repository (a path from its root), parsed and cast to `T` without validation. */
export const readYaml = <T>(file: string): T => parse(readFileSync(path.join(REPO_ROOT, file), "utf8")) as T;

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
  seats: number;
  enrolled?: number;
  status?: "scheduled" | "cancelled" | "postponed";
  guaranteedToRun?: boolean;
  priceUSD?: number;
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
  }));
}

/** Every course of `_data/courses/`, in directory order, each with its id taken from its file name. */
export function rawCourses(): CourseData[] {
  return readdirSync(path.join(REPO_ROOT, "_data/courses"))
    .filter((file) => file.endsWith(".yaml"))
    .map((file) => ({ ...readYaml<Omit<CourseData, "id">>(`_data/courses/${file}`), id: file.replace(/\.yaml$/, "") }));
}
