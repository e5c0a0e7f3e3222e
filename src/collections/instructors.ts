import type { Content, PersonSource } from "../content/load-content.ts";
import type { CatalogCollections, CatalogCourse } from "./catalog.ts";
import type { ListedSessions } from "./listed-sessions.ts";
import type { ScheduledSession } from "./schedule.ts";
import { instructorUrl } from "../urls/site-urls.ts";

/** An instructor with a page: bio, the courses they teach and their upcoming classes. */
export interface Instructor extends PersonSource {
  url: string;
  /** Courses they teach, by title: every course of theirs in the schedule file, past classes included. */
  courses: CatalogCourse[];
  /** Their upcoming classes; filled in once the schedule is built. */
  sessions: ScheduledSession[];
  /** What the instructor's page lists of them: the first, and the months of the rest. */
  listed: ListedSessions<ScheduledSession>;
}

/** Every instructor of `_data/instructors.yaml`, by name, with the courses the schedule file gives them. */
export function buildInstructors(content: Content, catalog: CatalogCollections): Instructor[] {
  return Object.values(content.instructors)
    .map((person) => {
      const taught = new Set(content.sessions.filter((session) => session.instructor === person.id).map((session) => session.course));
      const courses = catalog.courses.filter((course) => taught.has(course.id));
      return { ...person, url: instructorUrl(person.id), courses, sessions: [], listed: { sessions: [], later: [] } };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
