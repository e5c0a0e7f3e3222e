/**
 * A seeded generator of a large project for `npm run bench`: N articles in the project's real format (about
 * 950 words each, with headings, lists, links to other articles, code and quotes), N/10 courses and N/5
 * sessions, written into a copy of the project. The same N and seed always give the same bytes, so two runs
 * of the bench measure the same site. The copy keeps the real site settings, people, places, categories,
 * services and redirects, and the real courses (the generated ones make up the rest of N/10).
 *
 *   node --import tsx scripts/generate-content.ts <target-folder> <N>
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { readFileSync } from "node:fs";

/** What a generated project holds. */
export interface GeneratedProject {
  root: string;
  articles: number;
  courses: number;
  sessions: number;
}

/** A small, fast, seeded generator (mulberry32): the same seed gives the same sequence on every machine. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (below: number) => Math.floor(next() * below),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
  };
}

const WORDS = (
  "team training project code review release deploy service server cloud network design pattern test suite " +
  "manager engineer budget schedule vendor contract migration database query index cache latency throughput " +
  "security patch audit policy backup restore cluster container image pipeline branch merge build artifact " +
  "requirement estimate risk scope stakeholder customer feedback sprint backlog retrospective mentor junior senior " +
  "language compiler runtime library framework module interface class method function object record stream " +
  "failure incident outage monitor alert dashboard metric log trace capacity plan cost license upgrade version"
).split(" ");
const TOPICS = ["Java", "Python", "Linux", "AWS", "Agile", "Project Management", "Security", "DevOps", "Databases", "Web Services", "IT Management", "Training", "C#", "Testing", "Architecture", "Salesforce", "SEO", "Networking"];
const LANGUAGES = ["java", "python", "bash", "sql", "yaml"];

function sentence(rng: ReturnType<typeof random>, words: number): string {
  const text = Array.from({ length: words }, () => rng.pick(WORDS)).join(" ");
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

function paragraph(rng: ReturnType<typeof random>, sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(rng, 8 + rng.int(10))).join(" ");
}

/** About 950 words of Markdown with the constructs real articles use. */
function articleBody(rng: ReturnType<typeof random>, slugs: readonly string[], index: number): string {
  const parts: string[] = [paragraph(rng, 5)];
  for (let section = 0; section < 5; section++) {
    parts.push(`## ${sentence(rng, 3 + rng.int(3)).slice(0, -1)}`);
    parts.push(paragraph(rng, 4));
    const other = slugs[(index + 1 + rng.int(slugs.length - 1)) % slugs.length]!;
    parts.push(`${paragraph(rng, 2)} See [${rng.pick(WORDS)} ${rng.pick(WORDS)}](/articles/${other}/) for more, and *${rng.pick(WORDS)}* before **${rng.pick(WORDS)}**.`);
    if (section === 1) parts.push(Array.from({ length: 4 }, () => `- ${sentence(rng, 6 + rng.int(6))}`).join("\n"));
    if (section === 2) parts.push(`\`\`\`${rng.pick(LANGUAGES)}\n${Array.from({ length: 6 }, () => `${rng.pick(WORDS)}(${rng.pick(WORDS)}, ${rng.int(100)});`).join("\n")}\n\`\`\``);
    if (section === 3) parts.push(`> ${paragraph(rng, 2)}`);
    if (section === 4) parts.push(Array.from({ length: 3 }, (_, item) => `${item + 1}. ${sentence(rng, 8)}`).join("\n"));
    parts.push(paragraph(rng, 5));
  }
  return `${parts.join("\n\n")}\n`;
}

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

/** Copies the project at `source` to `target` (without outputs, caches or tests) and fills it with generated content. */
export function generateProject(source: string, target: string, n: number, seed = 1): GeneratedProject {
  rmSync(target, { recursive: true, force: true });
  const skip = new Set(["node_modules", ".git", "_site", ".cache", "tests"]);
  cpSync(source, target, { recursive: true, filter: (from) => !skip.has(path.relative(source, from).split(path.sep)[0]!) });
  symlinkSync(path.join(source, "node_modules"), path.join(target, "node_modules"), "dir");

  const rng = random(seed);
  const ids = (file: string) => Object.keys(parse(readFileSync(path.join(source, "_data", file), "utf8")) as object);
  const authors = ids("authors.yaml");
  const instructors = ids("instructors.yaml");
  const locations = ids("locations.yaml");
  const categories = ids("categories.yaml");
  const realCourses = readdirSync(path.join(source, "_data/courses")).filter((name) => name.endsWith(".yaml")).map((name) => name.slice(0, -5));

  const courseCount = Math.max(realCourses.length, Math.floor(n / 10));
  const generatedCourses = Array.from({ length: courseCount - realCourses.length }, (_, index) => `generated-course-${pad(index + 1, 5)}`);
  const courses = [...realCourses, ...generatedCourses];
  // A class must last as many weekdays as its course: the loader refuses any other length.
  const courseDays = new Map(realCourses.map((id) => [id, Number(/^durationDays:\s*(\d+)/m.exec(readFileSync(path.join(source, "_data/courses", `${id}.yaml`), "utf8"))?.[1] ?? 1)]));
  for (const id of generatedCourses) {
    courseDays.set(id, 1 + rng.int(5));
    const outline = Array.from({ length: 4 }, () => `  - title: ${sentence(rng, 3).slice(0, -1)}\n    topics:\n${Array.from({ length: 3 }, () => `      - ${sentence(rng, 4).slice(0, -1)}`).join("\n")}`).join("\n");
    const text = [
      `title: ${sentence(rng, 3).slice(0, -1)} ${id.slice(-5)}`,
      `category: ${rng.pick(categories)}`,
      `level: ${rng.pick(["introductory", "intermediate", "advanced"])}`,
      `durationDays: ${courseDays.get(id)}`,
      `priceUSD: ${995 + 100 * rng.int(20)}`,
      `summary: ${sentence(rng, 14)}`,
      `description: |\n  ${paragraph(rng, 5)}\n\n  ${paragraph(rng, 4)}`,
      `audience:\n  - ${sentence(rng, 6)}\n  - ${sentence(rng, 6)}`,
      `objectives:\n  - ${sentence(rng, 6)}\n  - ${sentence(rng, 6)}\n  - ${sentence(rng, 6)}`,
      `outline:\n${outline}`,
      `formats:\n  - public-classroom\n  - online-live\n  - onsite-private`,
      `relatedCourses:\n  - ${courses[(courses.indexOf(id) + 1) % courses.length]}`,
    ].join("\n");
    writeFileSync(path.join(target, "_data/courses", `${id}.yaml`), `${text}\n`);
  }

  const articlesFolder = path.join(target, "content/articles");
  rmSync(articlesFolder, { recursive: true, force: true });
  mkdirSync(articlesFolder, { recursive: true });
  const slugs = Array.from({ length: n }, (_, index) => `generated-article-${pad(index + 1, 6)}`);
  slugs.forEach((slug, index) => {
    // Spread over twenty years before the bench's clock (2026-12-01), a few a week.
    const day = new Date(Date.UTC(2006, 11, 1) + Math.floor((index * 20 * 365.25 * 86_400_000) / n));
    const date = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
    const tags = [...new Set(Array.from({ length: 2 + rng.int(3) }, () => rng.pick(TOPICS)))];
    const related = rng.int(3) === 0 ? [] : [rng.pick(courses)];
    const text = [
      "---",
      `title: "${sentence(rng, 5 + rng.int(5)).slice(0, -1)} (${index + 1})"`,
      `date: "${date}"`,
      `author: ${rng.pick(authors)}`,
      `summary: "${sentence(rng, 18)}"`,
      `tags: [${tags.join(", ")}]`,
      ...(related.length ? [`relatedCourses: [${related.join(", ")}]`] : []),
      "---",
      "",
      articleBody(rng, slugs, index),
    ].join("\n");
    writeFileSync(path.join(articlesFolder, `${slug}.md`), text);
  });

  const sessionCount = Math.floor(n / 5);
  const sessions = Array.from({ length: sessionCount }, (_, index) => {
    const course = courses[index % courses.length]!;
    // From the bench's clock forward, about two years of classes.
    const start = new Date(Date.UTC(2026, 11, 7) + Math.floor((index * 730 * 86_400_000) / sessionCount));
    const isWeekend = (value: Date) => value.getUTCDay() === 0 || value.getUTCDay() === 6;
    while (isWeekend(start)) start.setUTCDate(start.getUTCDate() + 1);
    const end = new Date(start);
    for (let taught = 1; taught < courseDays.get(course)!; ) {
      end.setUTCDate(end.getUTCDate() + 1);
      if (!isWeekend(end)) taught++;
    }
    const ymd = (value: Date) => `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    const mode = rng.pick(["classroom", "classroom", "online", "onsite"] as const);
    const seats = 8 + rng.int(12);
    return [
      `- id: ${course}-${ymd(start)}-${index + 1}`,
      `  course: ${course}`,
      `  start: "${ymd(start)}T09:00"`,
      `  end: "${ymd(end)}T16:30"`,
      `  mode: ${mode}`,
      ...(mode === "classroom" ? [`  location: ${rng.pick(locations)}`] : []),
      `  instructor: ${rng.pick(instructors)}`,
      `  seats: ${seats}`,
      `  enrolled: ${rng.int(seats + 1)}`,
    ].join("\n");
  });
  writeFileSync(path.join(target, "_data/schedule.yaml"), `${sessions.join("\n\n")}\n`);
  commitAll(target);
  return { root: target, articles: n, courses: courses.length, sessions: sessionCount };
}

/**
 * The project committed to a repository of its own, as an editor's is: a build dates the pages from git's
 * history (src/content/file-dates.ts), and without a repository it would stat every content file in every build
 * instead, a cost the site never pays. Fixed names and dates, so the same N gives the same commit.
 */
function commitAll(project: string): void {
  const moment = "2026-11-01T12:00:00Z";
  const env = { ...process.env, GIT_AUTHOR_NAME: "Bench", GIT_AUTHOR_EMAIL: "bench@example.com", GIT_AUTHOR_DATE: moment, GIT_COMMITTER_NAME: "Bench", GIT_COMMITTER_EMAIL: "bench@example.com", GIT_COMMITTER_DATE: moment };
  const git = (...args: string[]) => execFileSync("git", ["-c", "commit.gpgsign=false", ...args], { cwd: project, env, stdio: "ignore" });
  git("init", "-q");
  // node_modules is a link to the source project's, which .gitignore's "node_modules/" (folders only) does not match.
  writeFileSync(path.join(project, ".git/info/exclude"), "node_modules\n");
  git("add", "-A");
  git("commit", "-q", "-m", "Generated content");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [target, count] = process.argv.slice(2);
  if (!target || !count) throw new Error("usage: generate-content.ts <target-folder> <N>");
  const project = generateProject(path.resolve(fileURLToPath(import.meta.url), "../.."), path.resolve(target), Number(count));
  console.log(`Generated ${project.articles} articles, ${project.courses} courses, ${project.sessions} sessions in ${project.root}`);
}
