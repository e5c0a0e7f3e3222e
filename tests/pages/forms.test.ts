import { describe, expect, it } from "vitest";
import { allPages, buildDir, page, urlExists, urlOfFile } from "../support/site-output.ts";

interface FoundForm {
  file: string;
  name: string;
  action: string;
  fields: string[];
}

/** Every form of a build, checked as Netlify needs it on the way. */
async function checkForms(dir: string): Promise<FoundForm[]> {
  const found: FoundForm[] = [];
  for (const file of await allPages(dir)) {
    const $ = page(dir, file);
    const ids = $("[id]")
      .map((_, element) => $(element).attr("id"))
      .get();
    $("form").each((_, element) => {
      const form = $(element);
      const name = form.attr("name") ?? "";
      const where = `${file} form "${name}"`;
      expect(name, `${file}: a form has no name`).not.toBe("");
      expect(form.attr("data-netlify"), where).toBe("true");
      expect((form.attr("method") ?? "").toUpperCase(), where).toBe("POST");

      const honeypot = form.attr("netlify-honeypot") ?? "";
      expect(honeypot, `${where}: netlify-honeypot`).not.toBe("");
      expect(form.find(`[name="${honeypot}"]`).length, `${where}: honeypot field "${honeypot}"`).toBe(1);

      const formName = form.find('input[type="hidden"][name="form-name"]');
      expect(formName.length, `${where}: form-name`).toBe(1);
      expect(formName.attr("value"), `${where}: form-name`).toBe(name);

      const action = form.attr("action") ?? "";
      expect(action.startsWith("/"), `${where}: action "${action}"`).toBe(true);
      expect(urlExists(dir, action), `${where}: action "${action}" is not a page of the build`).toBe(true);

      form.find("input, select, textarea").each((_, control) => {
        const field = $(control);
        if (field.attr("type") === "hidden") return;
        const id = field.attr("id") ?? "";
        const label = `${where}: field "${field.attr("name")}"`;
        expect(id, `${label} has no id`).not.toBe("");
        expect(ids.filter((other) => other === id), `${label}: id "${id}" is not unique on the page`).toHaveLength(1);
        expect(form.find(`label[for="${id}"]`).length, `${label} has no <label for="${id}">`).toBe(1);
        expect(field.attr("name") ?? "", `${label} has no name`).not.toBe("");
      });

      const fields = [
        ...new Set(
          form
            .find("[name]")
            .filter((_, control) => ["input", "select", "textarea"].includes(control.tagName))
            .map((_, control) => $(control).attr("name"))
            .get(),
        ),
      ].sort();
      found.push({ file, name, action, fields });
    });
  }
  return found;
}

describe.each(["december", "march"] as const)("forms in the %s build", (build) => {
  const dir = buildDir(build);

  it("are Netlify forms with a name, a honeypot, a form-name field, an action on the site and a label for each field", async () => {
    const forms = await checkForms(dir);
    // Registration on many session pages, the waitlist, contact and the private training pages.
    expect(forms.length).toBeGreaterThan(20);
  });

  it("have the same fields wherever they share a name, since Netlify registers one form per name", async () => {
    const byName = new Map<string, FoundForm[]>();
    for (const form of await checkForms(dir)) byName.set(form.name, [...(byName.get(form.name) ?? []), form]);
    for (const [name, forms] of byName) {
      const first = forms[0]!;
      for (const form of forms) expect(form.fields, `${form.file} form "${name}" differs from ${first.file}`).toEqual(first.fields);
      // The same name must also always post to the same place.
      expect(new Set(forms.map((form) => form.action)).size, name).toBe(1);
    }
    expect([...byName.values()].some((forms) => forms.length > 1)).toBe(true);
  });
});

describe("form names (SITE_NOW 2026-12-01)", () => {
  const dir = buildDir("december");
  const formNames = (url: string) => {
    const $ = page(dir, url);
    return $("form")
      .map((_, form) => $(form).attr("name"))
      .get();
  };

  it("uses different names for registration, waitlist, private-training enquiry and contact", () => {
    const [registration] = formNames("/schedule/java-fundamentals-2026-12-den/");
    const [waitlist] = formNames("/schedule/linux-administration-2027-01-den/");
    const [enquiry] = formNames("/training/private/");
    const [contact] = formNames("/contact/");
    const names = [registration, waitlist, enquiry, contact];
    for (const name of names) expect(name).toBeTruthy();
    expect(new Set(names).size).toBe(4);
    expect(formNames("/training/private/python-programming/")).toEqual([enquiry]);
  });

  it("sends each kind of form to its own thank-you page", async () => {
    const actions = new Map<string, Set<string>>();
    for (const form of await checkForms(dir)) actions.set(form.name, (actions.get(form.name) ?? new Set()).add(form.action));
    const targets = [...actions.values()].flatMap((set) => [...set]);
    expect(new Set(targets).size).toBe(actions.size);
    for (const target of targets) expect(target, target).toMatch(/^\/thanks\/[a-z-]+\/$/);
  });

  it("writes the thank-you pages, each marked noindex", async () => {
    const thanks = (await allPages(dir)).filter((file) => file.startsWith("/thanks/")).map(urlOfFile);
    for (const url of ["/thanks/registration/", "/thanks/waitlist/", "/thanks/enquiry/", "/thanks/contact/"]) expect(thanks).toContain(url);
    for (const url of thanks) {
      const $ = page(dir, url);
      expect($('meta[name="robots"]').attr("content") ?? "", url).toMatch(/\bnoindex\b/);
      expect($("form"), url).toHaveLength(0);
    }
  });
});
