import { describe, expect, it } from "vitest";
import { personSchema } from "../../src/schemas/person.ts";

const validPerson = () => ({ name: "Dana Whitfield", role: "Senior Consultant", bio: "Dana teaches Java and Python." });

function issuesOf(value: unknown): { path: string; code: string; message: string }[] {
  const result = personSchema.safeParse(value);
  expect(result.success).toBe(false);
  return (result.error?.issues ?? []).map((issue) => ({ path: issue.path.join("."), code: issue.code, message: issue.message }));
}

describe("personSchema", () => {
  it("accepts a person and trims the text", () => {
    expect(personSchema.parse({ ...validPerson(), name: "  Dana Whitfield " })).toEqual(validPerson());
  });

  it("requires bio", () => {
    const { bio: _omitted, ...person } = validPerson();
    expect(issuesOf(person)).toEqual([{ path: "bio", code: "invalid_type", message: "Invalid input: expected string, received undefined" }]);
  });

  it("refuses a name that is not a string", () => {
    expect(issuesOf({ ...validPerson(), name: 42 })).toEqual([{ path: "name", code: "invalid_type", message: "Invalid input: expected string, received number" }]);
  });

  it("refuses a blank role", () => {
    expect(issuesOf({ ...validPerson(), role: "  " })).toEqual([{ path: "role", code: "too_small", message: "must not be empty" }]);
  });

  it("refuses an unknown field such as a typo", () => {
    expect(issuesOf({ ...validPerson(), titel: "Dr." })).toEqual([{ path: "", code: "unrecognized_keys", message: 'Unrecognized key: "titel"' }]);
  });

  it("accepts a photo with its alt text", () => {
    expect(personSchema.parse({ ...validPerson(), photo: "/images/dana.jpg", photoAlt: "Dana Whitfield at a whiteboard" })).toMatchObject({ photo: "/images/dana.jpg" });
  });

  it("requires photoAlt with a photo, and a photo with photoAlt", () => {
    expect(issuesOf({ ...validPerson(), photo: "/images/dana.jpg" })).toEqual([{ path: "photoAlt", code: "custom", message: expect.stringContaining("is required with photo") }]);
    expect(issuesOf({ ...validPerson(), photoAlt: "Dana" })).toEqual([{ path: "photo", code: "custom", message: expect.stringContaining("name the image file") }]);
  });

  it("refuses a list instead of a map entry", () => {
    expect(personSchema.safeParse([validPerson()]).success).toBe(false);
  });
});
