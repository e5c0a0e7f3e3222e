import {
  COMMON_HEADERS,
  contentSecurityPolicy,
  IMMUTABLE_CACHE,
  isPicturePath,
  isProductionContext,
  NOINDEX_KINDS,
  pageKind,
  PICTURE_FOLDER,
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

const hasFingerprinted = (folder: Folder): boolean =>
  [...folder.files.values()].some((file) => file.fingerprinted) || [...folder.folders.values()].some(hasFingerprinted);

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

/**
 * Rules that give every written path exactly one CSP and one Cache-Control. They never overlap, because Netlify
 * would join two matching values for one header into one (a policy doubled, or "max-age=0, ..., immutable"). A
 * folder without fingerprinted files is one `/folder/*` rule; a folder with some is split into a rule per file
 * (so only a name that carries its content's hash is immutable) and recursed into, and so is a folder whose
 * `/folder/*` would also match a sibling (Netlify matches `/schedule/*` against `/schedule.ics` too).
 */
function pathRules(folder: Folder, prefix: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  if (folder.files.has("index.html")) rules.push(pathHeaders(prefix, false));
  for (const [name, file] of [...folder.files].sort(([a], [b]) => a.localeCompare(b))) rules.push(pathHeaders(`${prefix}${name}`, file.fingerprinted));
  const names = [...folder.files.keys(), ...folder.folders.keys()];
  for (const [name, child] of [...folder.folders].sort(([a], [b]) => a.localeCompare(b))) {
    // Netlify's `/name/*` is a prefix match: it also matches a sibling `/name.ics` or `/name-2/`.
    const shadowsSibling = names.some((other) => other !== name && other.startsWith(name));
    // The pictures' folder has headers of its own, so a folder above it is never covered by one rule.
    const holdsPictures = PICTURE_FOLDER.startsWith(`${prefix}${name}/`) && PICTURE_FOLDER !== `${prefix}${name}/`;
    if (hasFingerprinted(child) || shadowsSibling || holdsPictures) rules.push(...pathRules(child, `${prefix}${name}/`));
    else rules.push(pathHeaders(`${prefix}${name}/*`, false));
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
