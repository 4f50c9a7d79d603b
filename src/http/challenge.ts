// A 403 / 503 that is a bot-defence page asking for a real browser (Cloudflare, Imperva,
// Akamai, DataDome, AWS WAF …), not a missing page or a server fault: the user needs to know
// the site refuses scripted clients, so it is reported as "blocked by a browser challenge".
const MARKERS = [
  /cf-chl|challenge-platform|cf_chl_opt|__cf_chl|cf-browser-verification/i,
  /<title>\s*(?:just a moment|attention required|access denied|checking your browser|please wait)/i,
  /checking (?:if the site connection is secure|your browser before accessing)/i,
  /enable javascript and cookies to continue/i,
  /_Incapsula_Resource|incapsula incident/i,
  /captcha-delivery\.com|px-captcha|awswaf|g-recaptcha|h-captcha|hcaptcha\.com|turnstile/i,
];

export function isBrowserChallenge(status: number, headers: Record<string, string | string[] | undefined>, body: Uint8Array | null | undefined): boolean {
  if (status !== 403 && status !== 503 && status !== 429) return false;
  const mitigated = headers['cf-mitigated'];
  if (typeof mitigated === 'string' && /challenge/i.test(mitigated)) return true;
  if (!body || !body.length) return false;
  const text = Buffer.from(body.subarray(0, 64 * 1024)).toString('latin1');
  return MARKERS.some((re) => re.test(text));
}
