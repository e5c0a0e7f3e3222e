/** What the editor's configuration names as its repository until the build is told the real one. */
export const REPOSITORY_PLACEHOLDER = "OWNER/REPOSITORY";

/**
 * The build's warning while the content editor's repository is the placeholder: the editor would load but could
 * never save online. Undefined once a repository is set (CMS_REPOSITORY, or Netlify's REPOSITORY_URL).
 */
export function repositoryWarning(repository: string): string | undefined {
  if (repository !== REPOSITORY_PLACEHOLDER) return undefined;
  return `warning: the content editor's GitHub repository is not set, so /admin/config.yml says repo: ${REPOSITORY_PLACEHOLDER} and online editing cannot save: set the environment variable CMS_REPOSITORY to owner/name (Netlify sets REPOSITORY_URL itself); see docs/EDITING.md, "Connecting the editor to GitHub"`;
}
