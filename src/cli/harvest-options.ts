// The harvest options `fetch` and `refresh` share: one definition, so --match, --since and
// the rest mean, and say, the same in both.
import type { Command } from 'commander';

const collect = (v: string, prev: string[] = []) => [...prev, v];

export function withHarvestOptions(cmd: Command): Command {
  return cmd
    .option('--force <id...>', 'force ids or aliases (default: every supported force; with --base-url, the forces it names)')
    .option('--since <date>', 'only disclosures listed on or after this date (YYYY-MM-DD); undated ones are kept')
    .option('--match <text|topic>', 'only disclosures whose title (or page text) contains this, or a topic id (convictions, suspensions, vetting, …) matched on the title')
    .option('--limit <n>', 'at most n disclosures per force')
    .option('--user-agent <ua>', 'User-Agent to send (default names foi-harvest and a contact)')
    .option('--delay <ms>', 'delay between requests to one host, in ms (default 1000)')
    .option('--concurrency <n>', 'requests in flight across hosts (default: one per host fetched, at most 64; each host still gets one request at a time, --delay apart)')
    .option('--source <source>', 'forces (the forces\' own disclosure logs) or whatdotheyknow (their requests on WhatDoTheyKnow)', 'forces')
    .option('--base-url <force=url>', 'read a force from a mirror or local server (repeatable); only that host is then requested; whatdotheyknow=<url> for --source whatdotheyknow', collect, [])
    .option('--recheck', 'conditional GET of every known page and robots.txt (a full check, e.g. weekly); by default a listing page that has not changed is trusted: the stored disclosures it lists are not requested again')
    .option('--log-format <format>', 'text | json: log lines on stderr as text, or as JSON objects {time, run, level, event, message, …} for log collectors', 'text')
    .option('--verbose', 'log more: every disclosure outcome (debug lines) and info lines');
}
