import type { Content } from "../content/load-content.ts";
import type { PersonSource as Person } from "../content/located.ts";
import type { ClassList, CourseIndex, Instructor, InstructorProfile } from "./views.ts";
import { instructorUrl } from "../urls/site-urls.ts";

/**
 * A profile kept by its person between builds of `npm start` (StageMemo.records): a class points at its instructor's
 * profile, so a save that gives one instructor a new profile leaves the other profiles, and the classes that point at
 * them, as they were (src/collections/schedule.ts). The profile holds what a class shows of its instructor, no more:
 * the courses they teach are on their page (buildInstructors), so a course's save reaches no profile.
 */
export type KeptProfiles = WeakMap<Person, InstructorProfile>;

/** Every instructor of `_data/instructors.yaml`, by name, with the address of their page. */
export function buildInstructorProfiles(content: Pick<Content, "instructors">, kept: KeptProfiles = new WeakMap()): InstructorProfile[] {
  return Object.values(content.instructors)
    .map((person) => {
      let profile = kept.get(person);
      if (!profile) kept.set(person, (profile = { ...person, url: instructorUrl(person.id) }));
      return profile;
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Each instructor's page: the profile with the courses the schedule file gives them (past classes included), by
 * title, and the upcoming classes the schedule lists for them.
 */
export function buildInstructors(
  profiles: readonly InstructorProfile[],
  content: Pick<Content, "sessions">,
  courses: CourseIndex,
  sessionsByInstructor: Readonly<Record<string, ClassList>>,
): Instructor[] {
  const taught = new Map<string, Set<string>>();
  for (const session of content.sessions) {
    const theirs = taught.get(session.instructor) ?? new Set<string>();
    theirs.add(session.course);
    taught.set(session.instructor, theirs);
  }
  return profiles.map((profile) => {
    const theirs = taught.get(profile.id);
    return { ...profile, courses: theirs ? courses.courses.filter((course) => theirs.has(course.id)) : [], ...sessionsByInstructor[profile.id]! };
  });
}
