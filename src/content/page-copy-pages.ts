/** What each fixed page needs from its copy file: the blocks its template places, and whether it has its own description. */
export interface PageCopyNeeds {
  /** Block names the template uses; each must be in the file, and no other. */
  blocks: readonly string[];
  /** False only for the home page, whose description is site.yaml's. */
  description: boolean;
}

/** The fixed pages whose words live in `content/copy/<id>.md`, and what each must contain. */
export const PAGE_COPY_PAGES = {
  home: { blocks: ["training", "consulting", "mentoring"], description: false },
  about: { blocks: ["faculty", "locations", "contact"], description: true },
  mentoring: { blocks: [], description: true },
  "private-training": { blocks: ["enquiry"], description: true },
  contact: { blocks: ["hours", "classrooms"], description: true },
  consulting: { blocks: ["start"], description: true },
} as const satisfies Record<string, PageCopyNeeds>;

/** The id of a fixed page with editable copy. */
export type PageCopyId = keyof typeof PAGE_COPY_PAGES;

/** Where page copy lives, relative to the project root. */
export const PAGE_COPY_FOLDER = "content/copy";
