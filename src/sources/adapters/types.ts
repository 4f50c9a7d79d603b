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

/** How a listing page's items were found: the configured selectors, or what discovery fell back to. */
export type DiscoveryVia = 'selectors' | 'url-pattern' | 'link-text' | 'none';
/** How the next listing page was found. */
export type PagingVia = 'selectors' | 'rel-next' | 'next-text' | 'page-param';

export interface Discovery {
  items: ListingItem[];
  via: DiscoveryVia;
}

export interface Adapter {
  platform: string;
  /** Disclosures listed on one listing page, in page order (newest first on every known platform). */
  listingItems(html: string, baseUrl: string): ListingItem[];
  /** Items by the selectors, or — when they match nothing — by URL pattern, then by link text. */
  discover(html: string, baseUrl: string): Discovery;
  /** The next (older) listing page, or null on the last page. */
  nextPage(html: string, baseUrl: string): string | null;
  /** The next page and how it was found (selectors, rel=next, a "Next" link, or the page parameter). */
  discoverNext(html: string, baseUrl: string): { url: string | null; via: PagingVia | null };
  /** Links to documents (PDF, XLSX, DOCX, CSV …) in a disclosure page's content. */
  attachmentLinks(html: string, baseUrl: string): AttachmentLink[];
}
