import { describe, expect, it } from "vitest";
import { locationSchema } from "../../src/schemas/location.ts";

const validLocation = () => ({ name: "HSG Training Center", street: "1600 Stout Street", city: "Denver", region: "CO", postalCode: "80202", country: "US" });

function issuesOf(value: unknown): { path: string; code: string; message: string }[] {
  const result = locationSchema.safeParse(value);
  expect(result.success).toBe(false);
  return (result.error?.issues ?? []).map((issue) => ({ path: issue.path.join("."), code: issue.code, message: issue.message }));
}

describe("locationSchema", () => {
  it("accepts a location, with no visitor details and nothing listed as provided", () => {
    expect(locationSchema.parse(validLocation())).toEqual({ ...validLocation(), provided: [] });
  });

  it("accepts the visitor details of a venue page and refuses a blank one", () => {
    const details = { directions: "Off I-25.", parking: "Free.", transit: "Light rail.", accessibility: "Step-free.", provided: ["Lunch", "Wi-Fi"] };
    expect(locationSchema.parse({ ...validLocation(), ...details })).toMatchObject(details);
    expect(locationSchema.safeParse({ ...validLocation(), parking: " " }).success).toBe(false);
  });

  it("accepts a ZIP+4 code", () => {
    expect(locationSchema.safeParse({ ...validLocation(), postalCode: "80111-0042" }).success).toBe(true);
  });

  it("requires the venue name", () => {
    const { name: _omitted, ...location } = validLocation();
    expect(issuesOf(location)).toEqual([{ path: "name", code: "invalid_type", message: "Invalid input: expected string, received undefined" }]);
  });

  it("requires the postal address fields", () => {
    const { postalCode: _omitted, ...location } = validLocation();
    expect(issuesOf(location)[0]?.path).toBe("postalCode");
  });

  it("stays strict after extending the address: an unknown field is refused", () => {
    expect(issuesOf({ ...validLocation(), titel: "Downtown" })).toEqual([{ path: "", code: "unrecognized_keys", message: 'Unrecognized key: "titel"' }]);
  });

  it("refuses a bad ZIP code", () => {
    expect(issuesOf({ ...validLocation(), postalCode: "80202-12" })).toEqual([
      { path: "postalCode", code: "invalid_format", message: 'must be a US ZIP code such as "80202"' },
    ]);
  });

  it("refuses a ZIP code given as a YAML number", () => {
    expect(issuesOf({ ...validLocation(), postalCode: 80202 })[0]).toMatchObject({ path: "postalCode", code: "invalid_type" });
  });

  it("refuses a lowercase country", () => {
    expect(issuesOf({ ...validLocation(), country: "us" })).toEqual([
      { path: "country", code: "invalid_format", message: 'must be a two-letter country code such as "US"' },
    ]);
  });
});
