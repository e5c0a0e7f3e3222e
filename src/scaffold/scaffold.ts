import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import type { DateTime } from "luxon";
import { CONTENT_PATHS } from "../content/content-paths.ts";
import type { Content } from "../content/load-content.ts";
import type { CourseFormat } from "../schemas/course.ts";
import type { Session } from "../schemas/session.ts";
import { parseSiteDate } from "../time/parse-date.ts";
import { closestMatch } from "../content/suggest.ts";
import { placeholder, PLACEHOLDER_MARK } from "../content/placeholder-mark.ts";
import { freeName, slugFromTitle } from "./names.ts";

/** What a scaffold command does to the project: write a new file, or add an entry at the end of a list file. */
export interface ScaffoldEdit {
  /** Path relative to the project root. */
  file: string;
  action: "create" | "append";
  text: string;
  /** One line for the editor: what to do next. */
  hint: string;
}

/** A request the scaffolder cannot carry out, in words an editor can act on. */
export class ScaffoldError extends Error {
  override name = "ScaffoldError";
}

/** What every scaffold command needs: the project, its validated content and the build clock. */
export interface ScaffoldInput {
  root: string;
  content: Content;
  now: DateTime<true>;
}

/** A YAML double-quoted string (JSON's escapes are valid YAML). */
const quoted = (text: string) => JSON.stringify(text);
const today = (now: DateTime) => now.toISODate()!;

function needTitle(title: string | undefined, kind: string): string {
  const trimmed = title?.trim();
  if (!trimmed) throw new ScaffoldError(`Give the ${kind}'s title in quotes, e.g. npm run new -- ${kind} "Estimating Without Guesswork"`);
  return trimmed;
}

function needSlug(title: string): string {
  const slug = slugFromTitle(title);
  if (!slug) throw new ScaffoldError(`"${title}" has no letters or digits to make an address from; use a title with words in it.`);
  return slug;
}

/**
 * A new article, stored the way the project's articles are stored: a folder with index.md (so images can sit
 * beside it) when the project has article folders, else a single <slug>.md. It starts as a draft dated today.
 */
export function newArticle({ root, content, now }: ScaffoldInput, titleArgument: string | undefined): ScaffoldEdit {
  const title = needTitle(titleArgument, "article");
  const folder = CONTENT_PATHS.articles;
  const entries = readdirSync(path.join(root, folder), { withFileTypes: true });
  const asFolders = entries.some((entry) => entry.isDirectory() && existsSync(path.join(root, folder, entry.name, "index.md")));
  const slug = freeName(needSlug(title), (name) => content.articles.some((article) => article.slug === name) || entries.some((entry) => entry.name.replace(/\.md$/, "") === name));
  const author = Object.keys(content.authors)[0];
  if (!author) throw new ScaffoldError("_data/authors.yaml has no author yet: add one first.");
  const text = `---
title: ${quoted(title)}
date: ${quoted(today(now))}  # publication date; a later date or date-time schedules the article
author: ${author}  # an id from _data/authors.yaml
summary: ${quoted(placeholder(`What a reader learns from “${title}”, in one or two sentences.`))}
tags: []  # e.g. [Project Management, Java]
relatedCourses: []  # ids from _data/courses/
draft: true  # remove this line to publish
---

${placeholder("Start with the point of the article in two or three sentences. Use headings from `##` down: the page supplies the title.")}
`;
  return {
    file: asFolders ? `${folder}/${slug}/index.md` : `${folder}/${slug}.md`,
    action: "create",
    text,
    hint: `Write the article and replace every line starting with ${PLACEHOLDER_MARK}; remove \`draft: true\` when it is ready to publish.`,
  };
}

/** A new draft course with every required field filled with a marked placeholder: it passes the checks, and production refuses it until written. */
export function newCourse({ content }: ScaffoldInput, titleArgument: string | undefined): ScaffoldEdit {
  const title = needTitle(titleArgument, "course");
  const id = freeName(needSlug(title), (name) => name in content.courses);
  const category = Object.keys(content.categories)[0];
  if (!category) throw new ScaffoldError("_data/categories.yaml has no category yet: add one first.");
  const text = `title: ${quoted(title)}
category: ${category}  # an id from _data/categories.yaml: ${Object.keys(content.categories).join(", ")}
level: introductory  # introductory | intermediate | advanced
durationDays: 1
# priceUSD: 1495  # whole dollars; leave out for "price on request"
summary: ${quoted(placeholder(`Who ${title} is for and what they can do afterwards, in at most 200 characters.`))}
description: |
  ${placeholder("What the course covers and why it matters, in Markdown. Leave a blank line between paragraphs.")}
audience:
  - ${quoted(placeholder("The people this course is for"))}
prerequisites: []  # what students should know beforehand; [] means none
objectives:
  - ${quoted(placeholder("What students can do after the course"))}
outline:
  - title: ${quoted(placeholder("The first section"))}
    topics:
      - ${quoted(placeholder("Its first topic"))}
formats:  # public-classroom | online-live | onsite-private
  - public-classroom
  - onsite-private
relatedCourses: []  # ids of courses to suggest next
draft: true  # remove this line to publish
`;
  return {
    file: `${CONTENT_PATHS.data}/courses/${id}.yaml`,
    action: "create",
    text,
    hint: `Fill in every field and replace every line starting with ${PLACEHOLDER_MARK}; remove \`draft: true\` to publish it at /courses/${id}/.`,
  };
}

const MODE_OF_FORMAT: Record<CourseFormat, Session["mode"]> = { "public-classroom": "classroom", "online-live": "online", "onsite-private": "onsite" };
const TEACHING_DAY = new Set([1, 2, 3, 4, 5]);

/**
 * A new class of a course, appended to the schedule. Its length comes from the course (teaching days, Monday
 * to Friday); its mode, hours, seats, place and instructor from the course's latest class, or sensible firsts.
 */
export function newSession({ content, now }: ScaffoldInput, courseArgument: string | undefined, startArgument: string | undefined): ScaffoldEdit {
  const usage = "npm run new -- session <course-id> <start>, e.g. npm run new -- session java-fundamentals 2027-09-13 (or 2027-09-13T09:00)";
  if (!courseArgument || !startArgument) throw new ScaffoldError(`Give the course id and the first day: ${usage}`);
  const course = content.courses[courseArgument];
  if (!course) {
    const suggestion = closestMatch(courseArgument, Object.keys(content.courses));
    throw new ScaffoldError(
      `There is no course "${courseArgument}" in _data/courses/.${suggestion ? ` Did you mean ${suggestion}?` : ` The course ids are: ${Object.keys(content.courses).sort().join(", ")}.`}`,
    );
  }
  const parsed = parseSiteDate(startArgument);
  if (!parsed.ok) throw new ScaffoldError(`The start ${parsed.message}. ${usage}`);
  const latest = content.sessions.filter((session) => session.course === course.id).sort((a, b) => b.start.toMillis() - a.start.toMillis())[0];
  const hasTime = startArgument.includes("T");
  const start = hasTime ? parsed.value : parsed.value.set({ hour: latest?.start.hour ?? 9, minute: latest?.start.minute ?? 0 });
  if (start <= now) throw new ScaffoldError(`The start ${start.toFormat("yyyy-MM-dd HH:mm")} is not in the future (it is now ${now.toFormat("yyyy-MM-dd HH:mm")} in Denver).`);
  if (!TEACHING_DAY.has(start.weekday)) throw new ScaffoldError(`${start.toFormat("cccc d LLLL yyyy")} is a weekend day; classes start on a weekday.`);
  let last = start;
  for (let day = 1; day < course.durationDays; day++) {
    do last = last.plus({ days: 1 });
    while (!TEACHING_DAY.has(last.weekday));
  }
  const end = last.set({ hour: latest?.end.hour ?? 16, minute: latest?.end.minute ?? 30 });
  const mode = latest?.mode ?? MODE_OF_FORMAT[course.formats[0]!];
  const location = mode === "classroom" ? (latest?.location ?? Object.keys(content.locations)[0]) : undefined;
  const instructor = latest?.instructor ?? Object.keys(content.instructors)[0];
  if (!instructor) throw new ScaffoldError("_data/instructors.yaml has no instructor yet: add one first.");
  if (mode === "classroom" && !location) throw new ScaffoldError("_data/locations.yaml has no location yet: add one first.");
  // The guide's pattern: course, year, month and place (docs/EDITING.md, "Add a class").
  const id = freeName(`${course.id}-${start.toFormat("yyyy-MM")}-${placeWord(content, mode, location)}`, (name) => content.sessions.some((session) => session.id === name));
  const local = (moment: DateTime) => moment.toFormat("yyyy-MM-dd'T'HH:mm");
  const text = `- id: ${id}
  course: ${course.id}
  start: ${quoted(local(start))}
  end: ${quoted(local(end))}
  mode: ${mode}  # classroom | online | onsite
${location ? `  location: ${location}\n` : ""}  instructor: ${instructor}
  seats: ${latest?.seats ?? 12}
  enrolled: 0
  status: scheduled  # scheduled | cancelled | postponed
  guaranteedToRun: false
  added: ${quoted(today(now))}  # the day it goes on the schedule, for the "newly added classes" feed: set it again when you publish
  draft: true  # remove this line to publish
`;
  return {
    file: `${CONTENT_PATHS.data}/schedule.yaml`,
    action: "append",
    text,
    hint: `Check the instructor, place and seats of ${id} (added at the end), then remove \`draft: true\` to publish it; never change its id once published.`,
  };
}

/**
 * The place word of a class id: "online" or "onsite", or for a classroom the word earlier classes at that location
 * end with ("den" in java-fundamentals-2026-12-den or its second class, ...-den-2), else the location's id.
 */
function placeWord(content: Content, mode: Session["mode"], location: string | undefined): string {
  if (mode !== "classroom" || !location) return mode;
  const words = content.sessions.filter((session) => session.location === location).flatMap((session) => /-\d{4}-\d{2}-([a-z][a-z0-9]*(?:-[a-z][a-z0-9]*)*)(?:-\d+)?$/.exec(session.id)?.[1] ?? []);
  return words.at(-1) ?? location;
}

/** A new draft promotion, running from today for thirty days, appended to the promotions list. */
export function newPromotion({ content, now }: ScaffoldInput, titleArgument: string | undefined): ScaffoldEdit {
  const title = needTitle(titleArgument, "promotion");
  // An id lets editors place the promotion inside an article with [[promotion: id]].
  const id = freeName(needSlug(title), (name) => content.promotions.some((promotion) => promotion.id === name));
  const text = `- id: ${id}
  title: ${quoted(title)}
  body: ${quoted(placeholder("What the offer is and how to claim it, in one or two sentences."))}
  validFrom: ${quoted(today(now))}
  validUntil: ${quoted(today(now.plus({ days: 30 })))}
  draft: true  # remove this line to publish
`;
  return {
    file: `${CONTENT_PATHS.data}/promotions.yaml`,
    action: "append",
    text,
    hint: `Write the offer's text (the line starting with ${PLACEHOLDER_MARK}) and set its last day (validUntil), then remove \`draft: true\`: it shows from validFrom. Place it in an article with [[promotion: ${id}]].`,
  };
}

/** A new draft consulting service, last in order, every text a marked placeholder: a page under /consulting/ once written and published. */
export function newService({ content }: ScaffoldInput, titleArgument: string | undefined): ScaffoldEdit {
  const title = needTitle(titleArgument, "service");
  const id = freeName(needSlug(title), (name) => content.services.some((service) => service.id === name));
  const order = Math.max(0, ...content.services.map((service) => service.order)) + 1;
  const text = `title: ${quoted(title)}
summary: ${quoted(placeholder(`What ${title} does for a client, in at most 200 characters.`))}
body: |
  ${placeholder("What the service is and how an engagement works, in Markdown. Leave a blank line between paragraphs.")}
offerings:  # what the client receives, one line each
  - ${quoted(placeholder("The first thing the client receives"))}
engagement: ${quoted(placeholder("A sentence on a typical engagement's length and shape."))}
relatedCourses: []  # ids of courses that go with the service
order: ${order}  # position in lists, smallest first
draft: true  # remove this line to publish
`;
  return {
    file: `${CONTENT_PATHS.data}/services/${id}.yaml`,
    action: "create",
    text,
    hint: `Replace every line starting with ${PLACEHOLDER_MARK}; remove \`draft: true\` to publish it under /consulting/.`,
  };
}
