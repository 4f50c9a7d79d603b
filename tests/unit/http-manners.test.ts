// Pure pieces of the polite client: Retry-After parsing, backoff, which statuses are
// retried, which hosts a redirect may reach, robots.txt verdicts and our product token.
import { describe, expect, it } from 'vitest';
import { backoffMs, isRetryableStatus, parseRetryAfter, retryDelayMs } from '../../src/http/backoff.js';
import { hostAllowed } from '../../src/http/hosts.js';
import {
  ALLOW_ALL,
  cacheableRobotsStatus,
  DISALLOW_ALL,
  freshRobots,
  MAX_CRAWL_DELAY_MS,
  ROBOTS_CACHE_MAX_AGE_MS,
  rulesForStatus,
  rulesFromText,
} from '../../src/http/robots.js';
import { DEFAULT_USER_AGENT, productToken } from '../../src/http/user-agent.js';

describe('parseRetryAfter', () => {
  const now = Date.parse('2024-03-01T12:00:00Z');
  it.each([
    ['1', 1000],
    ['0', 0],
    [' 120 ', 120_000],
    ['Fri, 01 Mar 2024 12:00:30 GMT', 30_000],
    ['Fri, 01 Mar 2024 11:00:00 GMT', 0],
    ['soon', null],
    ['-5', null],
    ['1.5', null],
    ['', null],
  ])('%j → %j', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
  it('is null when absent', () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
  });
});

describe('backoff', () => {
  it('is full jitter under base·2^attempt', () => {
    expect(backoffMs(0, 1000, () => 0)).toBe(0);
    expect(backoffMs(0, 1000, () => 0.5)).toBe(500);
    expect(backoffMs(3, 1000, () => 0.5)).toBe(4000);
    expect(backoffMs(3, 1000, () => 0.999999)).toBe(7999);
  });
  it('never exceeds a minute however many attempts', () => {
    expect(backoffMs(30, 1000, () => 0.999999)).toBeLessThan(60_000);
  });
  it('prefers Retry-After, capped', () => {
    expect(retryDelayMs({ attempt: 0, baseMs: 10, retryAfter: '2', maxRetryAfterMs: 120_000, random: () => 0.5 })).toBe(2000);
    expect(retryDelayMs({ attempt: 0, baseMs: 10, retryAfter: '3600', maxRetryAfterMs: 120_000, random: () => 0.5 })).toBe(120_000);
    expect(retryDelayMs({ attempt: 2, baseMs: 100, retryAfter: null, maxRetryAfterMs: 120_000, random: () => 0.5 })).toBe(200);
    expect(retryDelayMs({ attempt: 2, baseMs: 100, retryAfter: 'garbage', maxRetryAfterMs: 120_000, random: () => 0.5 })).toBe(200);
  });
  it.each([
    [429, true],
    [500, true],
    [502, true],
    [503, true],
    [504, true],
    [501, false],
    [505, false],
    [404, false],
    [403, false],
    [200, false],
    [304, false],
  ])('status %i retryable: %s', (status, expected) => {
    expect(isRetryableStatus(status)).toBe(expected);
  });
});

describe('hostAllowed', () => {
  it.each([
    ['https://www.essex.police.uk/foi', ['essex.police.uk'], true],
    ['https://essex.police.uk/foi', ['essex.police.uk'], true],
    ['https://evilessex.police.uk/foi', ['essex.police.uk'], false],
    ['https://essex.police.uk.evil.com/', ['essex.police.uk'], false],
    ['http://www.essex.police.uk:8080/', ['essex.police.uk'], true],
    ['http://127.0.0.1:8080/a', ['127.0.0.1:8080'], true],
    ['http://127.0.0.1:8081/a', ['127.0.0.1:8080'], false],
    ['https://www.met.police.uk/', ['www.met.police.uk:443'], true],
    ['http://www.met.police.uk/', ['www.met.police.uk:443'], false],
    ['https://WWW.Essex.Police.UK./x', ['essex.police.uk'], true],
    ['http://[::1]:9000/', ['[::1]:9000'], true],
    ['https://www.essex.police.uk/', [], false],
    ['https://www.essex.police.uk/', [''], false],
  ])('%s with %j → %s', (url, allowed, expected) => {
    expect(hostAllowed(new URL(url), allowed)).toBe(expected);
  });
});

describe('robots.txt rules', () => {
  const robotsUrl = 'https://www.example.police.uk/robots.txt';
  const text = [
    'User-agent: *',
    'Disallow: /private/',
    'Crawl-delay: 2',
    '',
    'User-agent: foi-harvest',
    'Disallow: /search',
    'Allow: /private/open',
    'Crawl-delay: 5',
  ].join('\n');

  it('uses our own group, by product token', () => {
    const rules = rulesFromText(robotsUrl, text, 'foi-harvest');
    expect(rules.isAllowed('https://www.example.police.uk/search?q=x')).toBe(false);
    expect(rules.isAllowed('https://www.example.police.uk/private/open/a')).toBe(true);
    expect(rules.isAllowed('https://www.example.police.uk/foi/1')).toBe(true);
    expect(rules.crawlDelayMs).toBe(5000);
    expect(rules.basis).toBe('file');
  });
  it('falls back to the * group for other tokens', () => {
    const rules = rulesFromText(robotsUrl, text, 'otherbot');
    expect(rules.isAllowed('https://www.example.police.uk/private/x')).toBe(false);
    expect(rules.isAllowed('https://www.example.police.uk/search')).toBe(true);
    expect(rules.crawlDelayMs).toBe(2000);
  });
  it('caps an absurd Crawl-delay', () => {
    expect(rulesFromText(robotsUrl, 'User-agent: *\nCrawl-delay: 86400\n', 'foi-harvest').crawlDelayMs).toBe(MAX_CRAWL_DELAY_MS);
    expect(rulesFromText(robotsUrl, 'User-agent: *\nDisallow:\n', 'foi-harvest').crawlDelayMs).toBeNull();
  });
  it.each([
    [404, 'absent'],
    [410, 'absent'],
    [401, 'absent'],
    [403, 'absent'],
    [429, 'unreachable'],
    [500, 'unreachable'],
    [503, 'unreachable'],
  ])('status %i → %s', (status, basis) => {
    const rules = rulesForStatus(status, robotsUrl, null, 'foi-harvest');
    expect(rules).toBe(basis === 'absent' ? ALLOW_ALL : DISALLOW_ALL);
    expect(rules.isAllowed('https://www.example.police.uk/foi')).toBe(basis === 'absent');
  });
  it('an empty 200 allows everything', () => {
    expect(rulesForStatus(200, robotsUrl, Buffer.from(''), 'foi-harvest').isAllowed('https://www.example.police.uk/x')).toBe(true);
  });
});

describe('robots.txt kept between runs', () => {
  it.each([
    [200, true],
    [204, true],
    [301, false],
    [404, true],
    [410, true],
    [429, false],
    [500, false],
    [503, false],
  ])('status %i is kept: %j', (status, kept) => {
    expect(cacheableRobotsStatus(status)).toBe(kept);
  });

  const now = Date.parse('2024-03-01T12:00:00Z');
  it.each([
    [now, true],
    [now - 23 * 3600_000, true],
    [now - ROBOTS_CACHE_MAX_AGE_MS + 1, true],
    [now - ROBOTS_CACHE_MAX_AGE_MS, false],
    [now - 48 * 3600_000, false],
    [now + 60_000, false], // from the future: the clock moved, do not trust it
    [Number.NaN, false],
  ])('fetched at %j is fresh: %j', (at, fresh) => {
    expect(freshRobots(at, now)).toBe(fresh);
  });
});

describe('user agent', () => {
  it('names the tool, its version and a contact', () => {
    expect(DEFAULT_USER_AGENT).toMatch(/^foi-harvest\/\d+\.\d+\.\d+ \(\+https:\/\/\S+; /);
  });
  it.each([
    [DEFAULT_USER_AGENT, 'foi-harvest'],
    ['MyNewsroomBot/2.0 (contact: data@example.org)', 'MyNewsroomBot'],
    ['plain', 'plain'],
    ['  ', '*'],
  ])('%j → %j', (ua, token) => {
    expect(productToken(ua)).toBe(token);
  });
});
