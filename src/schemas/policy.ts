import { z } from "zod";
import { idField, markdownField, textField } from "./fields.ts";

/** One clause of `_data/policies.yaml`: a heading of the policies page, such as cancellation by the customer. */
export const policyClauseSchema = z.strictObject({
  /** Stable id: the clause's anchor on /policies/ and the key a course or session overrides it with. */
  id: idField,
  /** The clause's heading, e.g. "Cancellation by you". */
  title: textField,
  /** Markdown: the clause as it applies unless a course or session overrides it. */
  body: markdownField,
});

/** Clause id -> Markdown that replaces that clause for one course or session. */
export const policyOverridesField = z.record(idField, markdownField).default({});

/** A validated policy clause. */
export type PolicyClause = z.output<typeof policyClauseSchema>;
