import { mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect } from "vitest";
import { loadContent } from "../../src/content/load-content.ts";
import { ContentError, type ContentProblem } from "../../src/content/problems.ts";

/**
 * The smallest project loadContent accepts: one of everything it reads, with references between them.
 * Files are kept as text so that tests can state on which line a field stands.
 */
export const MINIMAL_PROJECT: Readonly<Record<string, string>> = {
  "_data/site.yaml": `name: Test Software Group
shortName: TSG
url: https://www.example.com/
tagline: Tests that fail when they should.
description: A fixture site.
email: info@example.com
phone: "+1 303-555-0100"
address:
  street: 1 Main Street
  city: Denver
  region: CO
  postalCode: "80202"
  country: US
timeZone: America/Denver
navigation:
  - { label: Articles, url: /articles/ }
didYouKnow:
  - Fixtures are small.
`,
  "_data/authors.yaml": `jane-doe:
  name: Jane Doe
  role: Writer
  bio: Writes articles.
hsg:
  name: HSG
  role: Editorial team
  bio: The team.
`,
  "_data/instructors.yaml": `elena-marsh:
  name: Elena Marsh
  role: Instructor
  bio: Teaches Java.
`,
  "_data/locations.yaml": `denver-downtown:
  name: HSG Training Center
  street: 1 Main Street
  city: Denver
  region: CO
  postalCode: "80202"
  country: US
`,
  "_data/policies.yaml": `- id: customer-cancellation
  title: If you cancel
  body: Cancel up to ten business days before for a full refund.
`,
  "_data/categories.yaml": `programming-languages:
  name: Programming Languages
  description: Languages.
`,
  "_data/courses/java-fundamentals.yaml": `title: Java Fundamentals
category: programming-languages
level: introductory
durationDays: 5
priceUSD: 2495
summary: Learn Java.
description: A course about Java.
audience:
  - Developers
objectives:
  - Write Java
outline:
  - title: Basics
    topics:
      - Syntax
formats:
  - public-classroom
relatedCourses:
  - advanced-java
`,
  "_data/courses/advanced-java.yaml": `title: Advanced Java
category: programming-languages
level: advanced
durationDays: 3
summary: More Java.
description: A harder course about Java.
audience:
  - Java developers
objectives:
  - Write better Java
outline:
  - title: Concurrency
    topics:
      - Threads
formats:
  - online-live
`,
  "_data/services/mentoring.yaml": `title: Team Mentoring
summary: We sit with your team.
body: Mentoring **works**.
offerings:
  - Pairing
engagement: A few weeks.
relatedCourses:
  - java-fundamentals
order: 1
`,
  "_data/schedule.yaml": `- id: java-fundamentals-2027-01-den
  course: java-fundamentals
  start: "2027-01-12T09:00"
  end: "2027-01-16T16:30"
  mode: classroom
  location: denver-downtown
  instructor: elena-marsh
  seats: 12
  enrolled: 3
- id: advanced-java-2027-07-online
  course: advanced-java
  start: "2027-07-12T09:00"
  end: "2027-07-14T16:00"
  mode: online
  instructor: elena-marsh
  seats: 20
`,
  "_data/promotions.yaml": `- title: Half-price books
  body: Buy books cheaply.
  validFrom: "2027-01-01"
  validUntil: "2027-01-31"
`,
  "_data/redirects.yaml": `- from: /old-courses/
  to: /courses/
`,
  "content/articles/first-article.md": `---
title: First Article
date: "2026-11-02"
author: jane-doe
summary: The first article.
tags: [Java, Project Management]
relatedCourses: [java-fundamentals]
aliases: [/blog/first-article/]
---

Hello **world**.
`,
  "content/articles/second-article.md": `---
title: Second Article
date: "2026-11-20T08:00"
author: hsg
summary: The second article.
tags: [project-management]
---

Second body.
`,
  "content/copy/home.md": `---
title: Home title
lede: The home page's opening.
blocks:
  training: Classes.
  consulting: Projects.
  mentoring: Coaching.
---
`,
  "content/copy/about.md": `---
title: About us
description: Who we are.
lede: We are a test firm.
blocks:
  faculty: Our teachers.
  locations: Our rooms.
  contact: "[Write to us](/contact/)."
---

We exist to be **tested**.
`,
  "content/copy/mentoring.md": `---
title: Mentoring
description: Learning by doing.
lede: Do it to learn it.
---
`,
  "content/copy/private-training.md": `---
title: Private training
description: Classes for one team.
lede: Your team alone.
blocks:
  enquiry: Ask us.
---
`,
  "content/copy/contact.md": `---
title: Contact
description: How to reach us.
lede: Call or write.
blocks:
  hours: Weekdays.
  classrooms: See About.
---
`,
  "content/copy/consulting.md": `---
title: Consulting
description: Engineers for hire.
lede: We build software.
blocks:
  start: Call us.
---
`,
};

/** A project written to a temporary folder, with helpers to change it before loading. */
export interface Fixture {
  root: string;
  write(file: string, text: string): Promise<void>;
  read(file: string): Promise<string>;
  /** Rewrites a file through `change`; throws if the text did not change, so a stale edit cannot pass silently. */
  edit(file: string, change: (text: string) => string): Promise<void>;
  remove(file: string): Promise<void>;
  cleanup(): Promise<void>;
}

/** Writes MINIMAL_PROJECT (or the given files) to a fresh folder under the OS temp directory. */
export async function createFixture(files: Readonly<Record<string, string>> = MINIMAL_PROJECT): Promise<Fixture> {
  const root = await mkdtemp(path.join(os.tmpdir(), "hsg-"));
  const write = async (file: string, text: string) => {
    const target = path.join(root, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text, "utf8");
  };
  const read = (file: string) => readFile(path.join(root, file), "utf8");
  for (const [file, text] of Object.entries(files)) await write(file, text);
  return {
    root,
    write,
    read,
    async edit(file, change) {
      const before = await read(file);
      const after = change(before);
      if (after === before) throw new Error(`fixture edit of ${file} changed nothing`);
      await write(file, after);
    },
    remove: (file) => rm(path.join(root, file), { recursive: true, force: true }),
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}

/** Loads the project and returns the ContentError it must throw. */
export async function loadProblems(root: string): Promise<readonly ContentProblem[]> {
  const error = await loadContent(root).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ContentError);
  return (error as ContentError).problems;
}
