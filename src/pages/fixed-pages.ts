import type { PageCopyId } from "../schemas/page-copy.ts";
import { SITE_PATHS } from "../urls/site-urls.ts";
import type { FixedTemplate } from "./page-entry.ts";

/** A template that writes one page or file at a fixed URL. */
export interface FixedPage {
  template: FixedTemplate;
  /** Its URL, from src/urls/site-urls.ts. */
  url: string;
  /** The copy file whose last change is the page's lastmod; pages without one take the build's date. */
  copy?: PageCopyId;
  /** False for pages kept out of the sitemap (error and thank-you pages, the editor); files never are in it. */
  inSitemap?: boolean;
  /** True when the template marks its body for the search index. */
  inSearch?: boolean;
}

/**
 * Every fixed page and file, once: the page table turns each into an entry, and each template takes its permalink
 * from that entry (`permalink: "{{ pageTable.url('about') }}"`), so a URL is never written twice.
 */
export const FIXED_PAGES: readonly FixedPage[] = [
  { template: "home", url: SITE_PATHS.home },
  { template: "about", url: SITE_PATHS.about, copy: "about" },
  { template: "contact", url: SITE_PATHS.contact, copy: "contact" },
  { template: "search", url: SITE_PATHS.search },
  { template: "not-found", url: SITE_PATHS.notFound, inSitemap: false },
  { template: "article-tags", url: SITE_PATHS.tags },
  { template: "courses", url: SITE_PATHS.courses },
  { template: "schedule", url: SITE_PATHS.schedule },
  { template: "learning-paths", url: SITE_PATHS.learningPaths },
  { template: "policies", url: SITE_PATHS.policies, inSearch: true },
  { template: "consulting/index", url: SITE_PATHS.consulting, copy: "consulting" },
  { template: "training/private", url: SITE_PATHS.privateTraining, copy: "private-training" },
  { template: "training/mentoring", url: SITE_PATHS.mentoring, copy: "mentoring" },
  { template: "admin/index", url: SITE_PATHS.admin, inSitemap: false },
  { template: "feeds/atom-feed", url: SITE_PATHS.atomFeed, inSitemap: false },
  { template: "feeds/json-feed", url: SITE_PATHS.jsonFeed, inSitemap: false },
  { template: "feeds/new-classes-feed", url: SITE_PATHS.newClassesFeed, inSitemap: false },
  { template: "feeds/next-change", url: SITE_PATHS.nextChange, inSitemap: false },
  { template: "feeds/robots", url: SITE_PATHS.robots, inSitemap: false },
];
