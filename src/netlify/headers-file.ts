import {
  COMMON_HEADERS,
  contentSecurityPolicy,
  IMMUTABLE_CACHE,
  isPicturePath,
  isProductionContext,
  NOINDEX_KINDS,
  pageKind,
  PREVIEW_HEADERS,
  resourcePolicy,
  REVALIDATE_CACHE,
} from "./header-policy.ts";

/** One file of the output folder. */
export interface OutputFile {
  /** Its site path, e.g. "/articles/index.html". */
  path: string;
  /** Whether its name carries the hash of its content (checked against the content, not guessed from the name). */
  fingerprinted: boolean;
}

/** What the headers depend on. */
export interface HeadersInput {
  /** Netlify's deploy context (CONTEXT): production, deploy-preview, branch-deploy, dev; undefined locally. */
  context: string | undefined;
  /** Every file the build wrote, except `_headers` and `_redirects` themselves. */
  files: readonly OutputFile[];
}

/** One block of `_headers`: a path pattern and its headers. */
export interface HeaderRule {
  for: string;
  values: Record<string, string>;
}

/** A folder of the output, as a tree. */
interface Folder {
  files: Map<string, OutputFile>;
  folders: Map<string, Folder>;
}

function treeOf(files: readonly OutputFile[]): Folder {
  const root: Folder = { files: new Map(), folders: new Map() };
  for (const file of files) {
    const parts = file.path.split("/").filter(Boolean);
    let folder = root;
    for (const part of parts.slice(0, -1)) {
      let next = folder.folders.get(part);
      if (!next) folder.folders.set(part, (next = { files: new Map(), folders: new Map() }));
      folder = next;
    }
    folder.files.set(parts[parts.length - 1]!, file);
  }
  return root;
}

/** Every file of a folder and its folders, with its site path. */
function* filesUnder(folder: Folder, prefix: string): Generator<[string, OutputFile]> {
  for (const [name, file] of folder.files) yield [`${prefix}${name}`, file];
  for (const [name, child] of folder.folders) yield* filesUnder(child, `${prefix}${name}/`);
}

/**
 * The per-path headers of one pattern: its page kind's CSP, how long it may be cached (pictures are named by
 * their hash, so always immutable), who may embed it, and noindex for tools.
 */
const pathHeaders = (pattern: string, immutable: boolean): HeaderRule => ({
  for: pattern,
  values: {
    "Content-Security-Policy": contentSecurityPolicy(pageKind(pattern)),
    "Cache-Control": immutable || isPicturePath(pattern) ? IMMUTABLE_CACHE : REVALIDATE_CACHE,
    "Cross-Origin-Resource-Policy": resourcePolicy(pattern),
    ...(NOINDEX_KINDS.has(pageKind(pattern)) ? { "X-Robots-Tag": "noindex, nofollow" } : {}),
  },
});

const sameHeaders = (a: HeaderRule, b: HeaderRule) => JSON.stringify(a.values) === JSON.stringify(b.values);

/**
 * Rules that give every written path exactly one CSP and one Cache-Control. They never overlap, because Netlify
 * would join two matching values for one header into one (a policy doubled, or "max-age=0, ..., immutable").
 * Netlify's `/name/*` is a prefix match: it covers the folder and every sibling whose name starts with its name
 * (`/schedule/*` matches `/schedule.ics` and `/schedule-2/` too). So a folder's rule is written when every file
 * it covers would get the same headers from a rule of its own, and what it covers then gets none: the file stays
 * the same size however many pages a folder holds (a rule per class and its calendar made it 2.25 MB at 10,000
 * articles). Otherwise the folder is split into a rule per file (so only a name that carries its content's hash
 * is immutable, and the pictures' folder below `/assets/` keeps its own) and recursed into.
 */
function pathRules(folder: Folder, prefix: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  if (folder.files.has("index.html")) rules.push(pathHeaders(prefix, false));
  const covered = new Set<string>();
  const names = [...folder.files.keys(), ...folder.folders.keys()].sort();
  // Whether every file an entry holds would get the rule's headers from a rule of its own.
  const takes = (name: string, rule: HeaderRule): boolean => {
    const file = folder.files.get(name);
    if (file) return sameHeaders(pathHeaders(`${prefix}${name}`, file.fingerprinted), rule);
    return [...filesUnder(folder.folders.get(name)!, `${prefix}${name}/`)].every(([path, held]) => sameHeaders(pathHeaders(path, held.fingerprinted), rule));
  };
  // In name order, so that a shorter name, whose rule would cover the longer ones, is decided first.
  for (const name of names) {
    if (covered.has(name) || !folder.folders.has(name)) continue;
    const rule = pathHeaders(`${prefix}${name}/*`, false);
    const group = names.filter((other) => other.startsWith(name));
    if (!group.every((member) => takes(member, rule))) continue;
    rules.push(rule);
    for (const member of group) covered.add(member);
  }
  for (const name of names) {
    if (covered.has(name)) continue;
    const file = folder.files.get(name);
    if (file) rules.push(pathHeaders(`${prefix}${name}`, file.fingerprinted));
    else rules.push(...pathRules(folder.folders.get(name)!, `${prefix}${name}/`));
  }
  return rules;
}

/**
 * The header rules of this deploy. Netlify cannot scope headers by context in netlify.toml, so the build
 * writes them from CONTEXT: previews and branch deploys get X-Robots-Tag: noindex.
 */
export function headerRules(input: HeadersInput): HeaderRule[] {
  const common = { ...COMMON_HEADERS, ...(isProductionContext(input.context) ? {} : PREVIEW_HEADERS) };
  return [{ for: "/*", values: common }, ...pathRules(treeOf(input.files), "/")];
}

/** The `_headers` file for this deploy. */
export function headersFile(input: HeadersInput): string {
  const blocks = headerRules(input).map((rule) => [rule.for, ...Object.entries(rule.values).map(([name, value]) => `  ${name}: ${value}`)].join("\n"));
  return `# Written by the build for the "${input.context || "local"}" context from src/netlify/header-policy.ts. Do not edit.\n${blocks.join("\n")}\n`;
}
