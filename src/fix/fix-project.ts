import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { CONTENT_PATHS } from "../content/content-paths.ts";
import { placeContentFile } from "../content/contained-file.ts";
import { plural } from "../lib/plural.ts";
import { PAGE_COPY_FOLDER } from "../schemas/page-copy.ts";
import { fixableKind, fixFile } from "./fix-file.ts";
import { REPAIR_KINDS, type Repair, type RepairKind } from "./repair.ts";

/** One file `npm run fix` changed, with what it changed. */
export interface FixedFileReport {
  /** Path relative to the project root. */
  file: string;
  repairs: Repair[];
}

/** Every content file below `root` that `npm run fix` reads, relative to it, in a stable order. */
async function contentFiles(root: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    const entries = await readdir(path.join(root, folder), { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const file = `${folder}/${entry.name}`;
      if (entry.isDirectory()) await walk(file);
      else if (entry.isFile() && fixableKind(file)) found.push(file);
    }
  };
  for (const folder of [CONTENT_PATHS.data, CONTENT_PATHS.articles, PAGE_COPY_FOLDER]) await walk(folder);
  return found.sort();
}

/**
 * Repairs, in place, the mistakes with one right answer in every content file below `root` (see
 * src/fix/fix-file.ts), and says what it changed. Bytes that are not UTF-8, and files the loader would refuse to
 * read (a symbolic link, a path that leaves the repository, a file over its size limit), are left alone: the
 * check reports them. With `write: false` it only reports what it would change.
 */
export async function fixProject(root: string, options: { write?: boolean } = {}): Promise<FixedFileReport[]> {
  const reports: FixedFileReport[] = [];
  for (const file of await contentFiles(root)) {
    // The loader's own gate: a link is never followed, so nothing outside the repository is read or written.
    const place = await placeContentFile(root, file);
    if (!place.ok) continue;
    const bytes = await readFile(place.absolute);
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      continue;
    }
    const fixed = fixFile(fixableKind(file)!, text);
    if (fixed.text === text) continue;
    if (options.write !== false) await writeFile(place.absolute, fixed.text, "utf8");
    reports.push({ file, repairs: fixed.repairs });
  }
  return reports;
}

/** The summary `npm run fix` prints: each repair at file:line, then the count of each kind. */
export function fixSummary(reports: readonly FixedFileReport[], written = true): string {
  if (reports.length === 0) return "Nothing to repair.";
  const counts = new Map<RepairKind, number>();
  const lines: string[] = [];
  for (const { file, repairs } of reports) {
    for (const repair of repairs) {
      lines.push(`${file}:${repair.line}: ${repair.detail}`);
      counts.set(repair.kind, (counts.get(repair.kind) ?? 0) + 1);
    }
  }
  const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
  const kinds = (Object.keys(REPAIR_KINDS) as RepairKind[]).filter((kind) => counts.has(kind)).map((kind) => `${counts.get(kind)} ${REPAIR_KINDS[kind]}`);
  return [...lines, "", `${written ? "Repaired" : "Would repair"} ${plural(total, "mistake")} in ${plural(reports.length, "file")}: ${kinds.join(", ")}.`].join("\n");
}
