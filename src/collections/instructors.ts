import type { Content } from "../content/load-content.ts";
import type { ClassList, CourseIndex, Instructor, InstructorProfile } from "./views.ts";
import { instructorUrl } from "../urls/site-urls.ts";

/** Every instructor of `_data/instructors.yaml`, by name, with the courses the schedule file gives them. */
export function buildInstructorProfiles(content: Pick<Content, "instructors" | "sessions">, courses: CourseIndex): InstructorProfile[] {
  return Object.values(content.instructors)
    .map((person) => {
      const taught = new Set(content.sessions.filter((session) => session.instructor === person.id).map((session) => session.course));
      return { ...person, url: instructorUrl(person.id), courses: courses.courses.filter((course) => taught.has(course.id)) };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Each instructor's page: the profile with the upcoming classes the schedule lists for them. */
export function buildInstructors(profiles: readonly InstructorProfile[], sessionsByInstructor: Readonly<Record<string, ClassList>>): Instructor[] {
  return profiles.map((profile) => ({ ...profile, ...sessionsByInstructor[profile.id]! }));
}
