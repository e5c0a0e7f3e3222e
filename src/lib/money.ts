const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });

/** "$2,495", or "Price on request" when no price is set: the one spelling of a price, for the model and the filters. */
export function formatPrice(priceUSD: number | undefined): string {
  return priceUSD === undefined ? "Price on request" : usd.format(priceUSD);
}

/**
 * Whether a page says "per seat" after the price: whenever there is one. The schemas refuse a price of 0
 * (src/schemas/fields.ts), so a set price is always a sum per seat; "Price on request" is not.
 */
export function isPricedPerSeat(priceUSD: number | undefined): boolean {
  return priceUSD !== undefined;
}
