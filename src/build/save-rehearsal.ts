import { checkSite } from "../checks/check-site.ts";
import type { BuildContext } from "../collections/build-context.ts";
import { buildSiteModel } from "../collections/site-model.ts";
import { StageMemo } from "../collections/stage-memo.ts";
import type { Content } from "../content/load-content.ts";
import { pageTableOf } from "../pages/page-table.ts";

/** The kinds of save a rehearsal goes through: the three an editor makes most, and the bench times. */
export type RehearsedSave = "article" | "course" | "class";

/**
 * What a rehearsal went through: the kinds of save, how many of the model's stages its saves derived again or kept,
 * and how many pages their page tables listed (each checked for the links to it).
 */
export interface Rehearsal {
  kinds: RehearsedSave[];
  stages: { derived: number; reused: number };
  pages: number;
}

/**
 * Goes through the model's part of a save of an article, a course and a class, in a memo of its own, so that the
 * first real save of each kind in `npm start` runs code V8 has already run on that path: the first class save of a
 * session took 1.15 to 1.25 s at 4,000 articles against 0.76 to 0.97 s for the next ones, with the same work (the
 * stages derived again for one changed record, the page table, the link check, each slower the first time).
 * Nothing of the rehearsal is kept: its memo, models and changed copies are let go when it returns, and the
 * content's own objects are only read. It costs about a second at 4,000 articles, paid once, before the server says
 * it is there.
 */
export function rehearseSaves(content: Content, context: BuildContext): Rehearsal {
  const memo = new StageMemo({ records: true });
  buildSiteModel(content, context, undefined, memo);
  const first = { ...memo.stats };
  const kinds: RehearsedSave[] = [];
  let pages = 0;
  for (const [kind, saved] of savedCopies(content)) {
    const model = buildSiteModel(saved, context, undefined, memo);
    const table = pageTableOf(model);
    checkSite(model, table);
    pages += table.entries.length;
    kinds.push(kind);
  }
  return { kinds, stages: { derived: memo.stats.derived - first.derived, reused: memo.stats.reused - first.reused }, pages };
}

/**
 * The content as a save of each kind hands it to the model: one entry a new object (a copy with the same fields,
 * as the loader gives a changed entry), every other one the same object as before.
 */
function* savedCopies(content: Content): Generator<[RehearsedSave, Content]> {
  const [article] = content.articles;
  if (article) yield ["article", { ...content, articles: [{ ...article }, ...content.articles.slice(1)] }];
  const [courseId] = Object.keys(content.courses);
  if (courseId) yield ["course", { ...content, courses: { ...content.courses, [courseId]: { ...content.courses[courseId]! } } }];
  const [session] = content.sessions;
  if (session) yield ["class", { ...content, sessions: [{ ...session }, ...content.sessions.slice(1)] }];
}
