import { describe, expect, it } from "vitest";
import { REPOSITORY_PLACEHOLDER, repositoryWarning } from "../../src/cms/cms-repository.ts";
import { repositoryFromEnvironment } from "../../src/plugins/cms-plugin.ts";

describe("the content editor's repository", () => {
  it("is the placeholder without CMS_REPOSITORY or REPOSITORY_URL, and a deploy build warns, naming the variable and the guide", () => {
    const { repository } = repositoryFromEnvironment({});
    expect(repository).toBe(REPOSITORY_PLACEHOLDER);
    for (const environment of [{ NETLIFY: "true" }, { CONTEXT: "production" }, { CONTEXT: "deploy-preview" }]) {
      const warning = repositoryWarning(repository, environment);
      expect(warning).toMatch(/^warning: the content editor's GitHub repository is not set/);
      expect(warning).toContain("CMS_REPOSITORY");
      expect(warning).toContain("docs/EDITING.md");
    }
  });

  it("gives no warning in a local build, where the editor works on the folder", () => {
    expect(repositoryWarning(REPOSITORY_PLACEHOLDER, {})).toBeUndefined();
    expect(repositoryWarning(REPOSITORY_PLACEHOLDER, { CONTEXT: "" })).toBeUndefined();
  });

  it("gives no warning once Netlify's REPOSITORY_URL or CMS_REPOSITORY names it", () => {
    const deploy = { CONTEXT: "production" };
    expect(repositoryWarning(repositoryFromEnvironment({ REPOSITORY_URL: "https://github.com/hartmann/site" }).repository, deploy)).toBeUndefined();
    expect(repositoryWarning(repositoryFromEnvironment({ CMS_REPOSITORY: "hartmann/site" }).repository, deploy)).toBeUndefined();
  });
});
