// The one error type the polite client throws: a reason a caller can branch on, the URL,
// and a one-line message for the user.
export type FetchErrorReason =
  | 'robots'
  | 'http'
  /** A 403 / 503 browser-challenge page (bot defence), not a missing page or a server fault. */
  | 'blocked'
  | 'timeout'
  | 'too_large'
  | 'redirect_off_host'
  | 'redirect_loop'
  | 'network'
  | 'truncated'
  | 'bad_url'
  /** The host used up its retry budget (it kept refusing): later requests to it fail at once. */
  | 'host_unavailable';

export class FetchError extends Error {
  readonly reason: FetchErrorReason;
  readonly status?: number;
  readonly url: string;

  constructor(reason: FetchErrorReason, url: string, message: string, status?: number) {
    super(message);
    this.name = 'FetchError';
    this.reason = reason;
    this.url = url;
    if (status !== undefined) this.status = status;
  }

  /** Worth another try after a pause: the server or the network may recover. */
  get transient(): boolean {
    return this.reason === 'timeout' || this.reason === 'network' || this.reason === 'truncated';
  }
}
