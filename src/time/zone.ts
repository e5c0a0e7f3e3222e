/** The firm's time zone: every local date and time in content is read in it, and every page shows it. */
export const SITE_ZONE = "America/Denver";
