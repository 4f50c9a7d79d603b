// What a platform adapter does: pure functions over a listing or disclosure page's HTML.

export interface ListingItem {
  /** Absolute URL of the disclosure page (fragment removed). */
  url: string;
  title: string;
  /** ISO date the listing shows for the item, or null. */
  date: string | null;
  /** Short description shown on the listing, if any (used by `--match`). */
  summary: string | null;
  /** Request reference when the listing prints it (West Midlands titles: "Topic (65A/24)"). */
  reference: string | null;
}

export interface AttachmentLink {
  url: string;
  /** Link text as printed, or the file name. */
  name: string;
}

export interface Adapter {
  platform: string;
  /** Disclosures listed on one listing page, in page order (newest first on every known platform). */
  listingItems(html: string, baseUrl: string): ListingItem[];
  /** The next (older) listing page, or null on the last page. */
  nextPage(html: string, baseUrl: string): string | null;
  /** Links to documents (PDF, XLSX, DOCX, CSV …) in a disclosure page's content. */
  attachmentLinks(html: string, baseUrl: string): AttachmentLink[];
}
