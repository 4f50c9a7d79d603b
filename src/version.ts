// One place for the version strings that go into every record and the User-Agent.
export const VERSION = '0.1.0';
/** Bumped whenever extraction output may change, so `reparse` knows what is stale. */
export const PARSER_VERSION = `${VERSION}+x1`;
