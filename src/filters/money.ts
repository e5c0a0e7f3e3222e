/** The price filter formats with the model's own helper, so a template and a label never disagree. */
export { formatPrice } from "../lib/money.ts";
