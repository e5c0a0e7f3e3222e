const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });

/** "$2,495", "Free" for a price of 0, or "Price on request" when no price is set: the one spelling of a price, for the model and the filters. */
export function formatPrice(priceUSD: number | undefined): string {
  if (priceUSD === undefined) return "Price on request";
  return priceUSD === 0 ? "Free" : usd.format(priceUSD);
}

/** Whether a price is a sum per seat, so a page says "per seat" after it: not "Free", not "Price on request". */
export function isPricedPerSeat(priceUSD: number | undefined): boolean {
  return priceUSD !== undefined && priceUSD > 0;
}
