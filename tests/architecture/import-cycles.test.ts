import { readdir, readFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const SRC = resolve(import.meta.dirname, "../../src");

/** Every TypeScript module under src/, as paths relative to the repository. */
async function modules(folder = SRC): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => (entry.isDirectory() ? modules(join(folder, entry.name)) : Promise.resolve(entry.name.endsWith(".ts") ? [join(folder, entry.name)] : []))),
  );
  return nested.flat();
}

/** What each module imports of src/, read by TypeScript's own pre-processor: `import type` and re-exports count too. */
async function importGraph(): Promise<Map<string, string[]>> {
  const files = await modules();
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(await readFile(file, "utf8"), true, true);
    const targets = importedFiles.map(({ fileName }) => fileName).filter((name) => name.startsWith(".")).map((name) => resolve(dirname(file), name));
    graph.set(file, [...new Set(targets.filter((target) => known.has(target)))]);
  }
  return graph;
}

/** Every import circle of `graph` (one per strongly connected set of modules, found with Tarjan's algorithm), each as a path that returns to its start. */
function circles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const members: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      members.push(member);
    } while (member !== node);
    if (members.length > 1 || graph.get(node)!.includes(node)) found.push(circleThrough(graph, new Set(members), node));
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

/** One concrete circle inside a strongly connected set, from `start` back to it: the shortest, found breadth first. */
function circleThrough(graph: Map<string, string[]>, members: Set<string>, start: string): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const next of graph.get(node) ?? []) {
      if (!members.has(next)) continue;
      if (next === start) {
        const path = [node];
        while (path[0] !== start) path.unshift(previous.get(path[0]!)!);
        return [...path, start];
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start, start];
}

describe("imports under src/", () => {
  it("form no circle: no module reaches itself through its imports, type imports included", async () => {
    const graph = await importGraph();
    const named = circles(graph).map((circle) => circle.map((file) => relative(SRC, file)).join(" -> "));
    expect(named).toEqual([]);
  });

  it("are read from real modules: the graph holds the site model and what it imports", async () => {
    const graph = await importGraph();
    const siteModel = graph.get(join(SRC, "collections/site-model.ts"));
    expect(siteModel).toContain(join(SRC, "collections/drafts.ts"));
  });
});
