const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });

/** "$2,495", or "Price on request" when no price is set. */
export function formatPrice(priceUSD: number | undefined): string {
  return priceUSD === undefined ? "Price on request" : usd.format(priceUSD);
}
