import type { Content } from "../content/load-content.ts";
import type { PersonSource as Person } from "../content/located.ts";
import type { ClassList, CourseIndex, Instructor, InstructorProfile } from "./views.ts";
import { instructorUrl } from "../urls/site-urls.ts";

/**
 * A profile kept by its person between builds of `npm start` (StageMemo.records): reused while the courses are the
 * same objects, so that a save of one class, which reaches every profile's stage, leaves the profiles the classes
 * point at as they were and the other classes need not be resolved again (src/collections/schedule.ts).
 */
export type KeptProfiles = WeakMap<Person, InstructorProfile>;

/** Every instructor of `_data/instructors.yaml`, by name, with the courses the schedule file gives them. */
export function buildInstructorProfiles(content: Pick<Content, "instructors" | "sessions">, courses: CourseIndex, kept: KeptProfiles = new WeakMap()): InstructorProfile[] {
  return Object.values(content.instructors)
    .map((person) => {
      const taught = new Set(content.sessions.filter((session) => session.instructor === person.id).map((session) => session.course));
      const theirs = courses.courses.filter((course) => taught.has(course.id));
      const before = kept.get(person);
      if (before && before.courses.length === theirs.length && before.courses.every((course, index) => course === theirs[index])) return before;
      const profile = { ...person, url: instructorUrl(person.id), courses: theirs };
      kept.set(person, profile);
      return profile;
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Each instructor's page: the profile with the upcoming classes the schedule lists for them. */
export function buildInstructors(profiles: readonly InstructorProfile[], sessionsByInstructor: Readonly<Record<string, ClassList>>): Instructor[] {
  return profiles.map((profile) => ({ ...profile, ...sessionsByInstructor[profile.id]! }));
}
