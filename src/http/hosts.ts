// Which hosts a redirect may lead to. An entry is a host suffix, optionally with a port:
// `essex.police.uk` allows `www.essex.police.uk` on any port; `127.0.0.1:8080` allows only
// that port. Suffixes match on a label boundary, so `evilessex.police.uk` is not allowed.

export function hostAllowed(url: URL, allowed: readonly string[]): boolean {
  const hostname = url.hostname.toLowerCase().replace(/\.$/, '');
  const port = url.port || (url.protocol === 'https:' ? '443' : url.protocol === 'http:' ? '80' : '');
  return allowed.some((entry) => {
    const e = entry.trim().toLowerCase();
    if (!e) return false;
    // An IPv6 literal in brackets, or host:port, or a bare host.
    const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(e);
    if (!m) return false;
    const [, host, wantPort] = m;
    const h = host.replace(/\.$/, '');
    if (wantPort && wantPort !== port) return false;
    return hostname === h || hostname.endsWith(`.${h}`);
  });
}
