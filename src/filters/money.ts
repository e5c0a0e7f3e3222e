// The formatter lives in src/lib so that the collections can use it without importing a template filter.
export { formatPrice } from "../lib/money.ts";
