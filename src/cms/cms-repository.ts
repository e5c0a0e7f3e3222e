/** What the editor's configuration names as its repository until the build is told the real one. */
export const REPOSITORY_PLACEHOLDER = "OWNER/REPOSITORY";

/**
 * The warning of a deploy build (Netlify sets NETLIFY and CONTEXT) while the content editor's repository is the
 * placeholder: the published editor would load but could never save. A local build needs no repository (the
 * editor works on the folder there), so it stays quiet. Undefined when there is nothing to say.
 */
export function repositoryWarning(repository: string, environment: Record<string, string | undefined>): string | undefined {
  const deploying = environment.NETLIFY === "true" || Boolean(environment.CONTEXT);
  if (repository !== REPOSITORY_PLACEHOLDER || !deploying) return undefined;
  return `warning: the content editor's GitHub repository is not set, so /admin/config.yml says repo: ${REPOSITORY_PLACEHOLDER} and online editing cannot save: set the environment variable CMS_REPOSITORY to owner/name (Netlify sets REPOSITORY_URL itself for a GitHub repository); see docs/EDITING.md, "Connecting the editor to GitHub"`;
}
