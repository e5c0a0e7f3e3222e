import { describe, expect, it } from "vitest";
import { siteSchema } from "../../src/schemas/site.ts";
import { siteData } from "../support/site-data.ts";

const validSite = siteData;

function issuesOf(value: unknown): { path: string; code: string; message: string }[] {
  const result = siteSchema.safeParse(value);
  expect(result.success).toBe(false);
  return (result.error?.issues ?? []).map((issue) => ({ path: issue.path.join("."), code: issue.code, message: issue.message }));
}

describe("siteSchema", () => {
  it("accepts a complete site", () => {
    const result = siteSchema.safeParse(validSite());
    expect(result.success).toBe(true);
    expect(result.data?.url).toBe("https://www.example.com");
    expect(result.data?.fewSeatsLeft).toBe(2);
  });

  it("strips trailing slashes from the url", () => {
    expect(siteSchema.parse({ ...validSite(), url: "https://www.example.com/" }).url).toBe("https://www.example.com");
    expect(siteSchema.parse({ ...validSite(), url: "https://www.example.com/base//" }).url).toBe("https://www.example.com/base");
  });

  it("defaults fewSeatsLeft to 3", () => {
    const { fewSeatsLeft: _omitted, ...site } = validSite();
    expect(siteSchema.parse(site).fewSeatsLeft).toBe(3);
  });

  it("accepts a ZIP+4 code", () => {
    expect(siteSchema.safeParse({ ...validSite(), address: { ...validSite().address, postalCode: "80202-1234" } }).success).toBe(true);
  });

  it("requires name", () => {
    const { name: _omitted, ...site } = validSite();
    expect(issuesOf(site)).toEqual([{ path: "name", code: "invalid_type", message: "Invalid input: expected string, received undefined" }]);
  });

  it("refuses an unknown field such as a typo", () => {
    expect(issuesOf({ ...validSite(), titel: "HSG" })).toEqual([{ path: "", code: "unrecognized_keys", message: 'Unrecognized key: "titel"' }]);
  });

  it("refuses an unknown field in the address", () => {
    expect(issuesOf({ ...validSite(), address: { ...validSite().address, zip: "80202" } })).toEqual([
      { path: "address", code: "unrecognized_keys", message: 'Unrecognized key: "zip"' },
    ]);
  });

  it("refuses an http url", () => {
    expect(issuesOf({ ...validSite(), url: "http://www.example.com" })).toEqual([{ path: "url", code: "invalid_format", message: "must be an https:// address" }]);
  });

  it("refuses a url that is not a url", () => {
    expect(issuesOf({ ...validSite(), url: "www.example.com" })[0]?.path).toBe("url");
  });

  it("refuses a description over 160 characters", () => {
    expect(siteSchema.safeParse({ ...validSite(), description: "d".repeat(160) }).success).toBe(true);
    expect(issuesOf({ ...validSite(), description: "d".repeat(161) })).toEqual([{ path: "description", code: "too_big", message: "must be at most 160 characters" }]);
  });

  it("refuses a bad email", () => {
    expect(issuesOf({ ...validSite(), email: "info at example.com" })[0]).toMatchObject({ path: "email", message: "must be an email address" });
  });

  it("refuses a phone number without digits", () => {
    expect(issuesOf({ ...validSite(), phone: "call us" })[0]).toMatchObject({ path: "phone", message: 'must be a phone number such as "+1 303-555-0142"' });
  });

  it("refuses a phone number given as a YAML number", () => {
    expect(issuesOf({ ...validSite(), phone: 3035550142 })[0]).toMatchObject({ path: "phone", code: "invalid_type" });
  });

  it("refuses another time zone", () => {
    expect(issuesOf({ ...validSite(), timeZone: "America/New_York" })).toEqual([
      { path: "timeZone", code: "invalid_value", message: 'must be "America/Denver" (the zone the build reads dates in, set in src/time/zone.ts)' },
    ]);
  });

  it("refuses a postal code that lost its leading zero or is too short", () => {
    expect(issuesOf({ ...validSite(), address: { ...validSite().address, postalCode: "2108" } })[0]).toMatchObject({
      path: "address.postalCode",
      message: 'must be a US ZIP code such as "80202"',
    });
    expect(issuesOf({ ...validSite(), address: { ...validSite().address, postalCode: 80202 } })[0]).toMatchObject({ path: "address.postalCode", code: "invalid_type" });
  });

  it("refuses a country that is not a two-letter code", () => {
    expect(issuesOf({ ...validSite(), address: { ...validSite().address, country: "USA" } })[0]).toMatchObject({ path: "address.country" });
    expect(issuesOf({ ...validSite(), address: { ...validSite().address, country: "us" } })[0]).toMatchObject({ path: "address.country" });
  });

  it("needs at least one navigation link, each with a site path", () => {
    expect(issuesOf({ ...validSite(), navigation: [] })[0]).toMatchObject({ path: "navigation", code: "too_small" });
    expect(issuesOf({ ...validSite(), navigation: [{ label: "Articles", url: "articles/" }] })[0]).toMatchObject({ path: "navigation.0.url" });
    expect(issuesOf({ ...validSite(), navigation: [{ label: "Articles", url: "/articles/", target: "_blank" }] })[0]).toMatchObject({
      path: "navigation.0",
      code: "unrecognized_keys",
    });
  });

  it("needs at least one didYouKnow fact", () => {
    expect(issuesOf({ ...validSite(), didYouKnow: [] })[0]).toMatchObject({ path: "didYouKnow", code: "too_small" });
  });

  it("defaults feedEntries to 20", () => {
    expect(siteSchema.parse(validSite()).feedEntries).toBe(20);
  });

  it.each([0, 2.5, 101, "20"])("refuses feedEntries %j", (value) => {
    expect(issuesOf({ ...validSite(), feedEntries: value })[0]?.path).toBe("feedEntries");
  });

  it.each([0, 2.5, "3"])("refuses fewSeatsLeft %j", (value) => {
    expect(issuesOf({ ...validSite(), fewSeatsLeft: value })[0]?.path).toBe("fewSeatsLeft");
  });
});
