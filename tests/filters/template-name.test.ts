import { describe, expect, it } from "vitest";
import { templateName } from "../../src/filters/template-name.ts";

describe("templateName", () => {
  it("names a page by its path below content/pages, without the extension", () => {
    expect(templateName("./content/pages/article.njk")).toBe("article");
    expect(templateName("./content/pages/consulting/service.njk")).toBe("consulting/service");
    expect(templateName("./content/pages/calendars/session-calendar.11ty.ts")).toBe("calendars/session-calendar");
  });

  it("keeps the path of a template outside content/pages", () => {
    expect(templateName("./content/admin/index.njk")).toBe("content/admin/index");
  });
});
