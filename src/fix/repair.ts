/** One repair `npm run fix` made, at the line of the file where it made it. */
export interface Repair {
  /** 1-based line in the file. */
  line: number;
  /** What kind of mistake: the summary counts repairs by it. */
  kind: RepairKind;
  /** What changed, in an editor's words. */
  detail: string;
}

/** The mistakes with one right answer, as the summary names them. */
export const REPAIR_KINDS = {
  heading: "heading levels",
  date: "unquoted dates",
  tab: "tabs in indentation",
  bom: "byte-order marks",
  lineEnds: "Windows line ends",
  trailingSpace: "trailing spaces",
} as const;

/** A key of REPAIR_KINDS. */
export type RepairKind = keyof typeof REPAIR_KINDS;

/** A text after repairs, and the repairs. */
export interface Repaired {
  text: string;
  repairs: Repair[];
}
