/**
 * The top-level folder of the CMS; the build writes the editor, its bundle and its configuration there. Its
 * Content-Security-Policy and noindex header are the "admin" kind of src/netlify/header-policy.ts.
 */
export const ADMIN_FOLDER = "admin";
