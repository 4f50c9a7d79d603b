// Small HTML helpers for the report: escaping and the page frame (styles and script inline,
// so every page works from file:// with no server and no network).
export function esc(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const CSS = `
:root { color-scheme: light; --hl: #fff2a8; --hl-figures: #ffe066; --hl-exemptions: #cfe8ff; --hl-periods: #d3f5d3; --hl-cases: #ffd8b0; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #1d1d1f; background: #fafafa; }
header.top { background: #12324a; color: #fff; padding: .8rem 1.5rem; }
header.top a { color: #cfe8ff; }
main { padding: 1rem 1.5rem 3rem; max-width: 1400px; }
h1 { font-size: 1.4rem; margin: .2rem 0; } h2 { font-size: 1.15rem; margin-top: 2rem; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; margin: .5rem 0; background: #fff; }
th, td { border: 1px solid #ddd; padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #f0f3f6; position: sticky; top: 0; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.muted { color: #666; } .small { font-size: .85rem; }
.badge { display: inline-block; padding: 0 .4rem; border-radius: .6rem; font-size: .8rem; background: #e6e6e6; }
.badge.corrected, .corrected-mark { background: #ffe0e6; color: #8a1030; }
.badge.orphaned { background: #8a1030; color: #fff; }
.charts { display: flex; flex-wrap: wrap; gap: 2rem; }
.charts figure { margin: 0; background: #fff; padding: .5rem; border: 1px solid #eee; }
#filter { font-size: 1rem; padding: .35rem .6rem; width: 28rem; max-width: 100%; }
.layout { display: grid; grid-template-columns: minmax(24rem, 45%) 1fr; gap: 1.5rem; align-items: start; }
.rows { position: sticky; top: .5rem; max-height: calc(100vh - 1rem); overflow: auto; }
.rows tr[data-target] { cursor: pointer; } .rows tr[data-target]:hover { background: #eef6ff; }
.doc { background: #fff; border: 1px solid #ddd; padding: .75rem 1rem; margin-bottom: 1.5rem; }
.doctext { white-space: pre-wrap; font: 14px/1.5 ui-monospace, SFMono-Regular, Menlo, monospace; }
mark.hl, td.hl { background: var(--hl); }
.hl.hl-periods { background: var(--hl-periods); } .hl.hl-exemptions { background: var(--hl-exemptions); }
.hl.hl-cases { background: var(--hl-cases); } .hl.hl-figures { background: var(--hl-figures); }
.flash { outline: 3px solid #d6336c; outline-offset: 1px; animation: pulse 1.2s ease-out 2; }
@keyframes pulse { 50% { outline-color: transparent; } }
del { color: #8a1030; } ins { text-decoration: none; font-weight: 600; }
.unplaced { color: #8a1030; font-size: .8rem; }
`;

export function page(opts: { title: string; body: string; script?: string; home?: boolean }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(opts.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header class="top"><strong>foi-harvest review</strong>${opts.home ? '' : ' · <a href="index.html">overview</a>'}</header>
<main>
${opts.body}
</main>
${opts.script ? `<script>${opts.script}</script>` : ''}
</body>
</html>
`;
}

/** Overview: the filter box hides disclosures whose row does not contain every word typed. */
export const FILTER_SCRIPT = `
(function () {
  var box = document.getElementById('filter');
  var rows = Array.prototype.slice.call(document.querySelectorAll('#disclosures tbody tr'));
  var count = document.getElementById('shown');
  function apply() {
    var words = box.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (r) {
      var text = r.textContent.toLowerCase();
      var ok = words.every(function (w) { return text.indexOf(w) >= 0; });
      r.hidden = !ok;
      if (ok) shown++;
    });
    count.textContent = String(shown);
  }
  box.addEventListener('input', apply);
  apply();
})();
`;

/** Disclosure page: clicking a row scrolls the source to where it was read and flashes it. */
export const SCROLL_SCRIPT = `
(function () {
  function go(key) {
    var target = document.getElementById(key);
    if (!target) return;
    document.querySelectorAll('.flash').forEach(function (e) { e.classList.remove('flash'); });
    var marked = document.querySelectorAll('[data-keys~="' + key + '"]');
    marked.forEach(function (e) { e.classList.add('flash'); });
    (marked[0] || target).scrollIntoView({ block: 'center' });
    if (history.replaceState) history.replaceState(null, '', '#' + key);
  }
  document.querySelectorAll('tr[data-target]').forEach(function (tr) {
    tr.addEventListener('click', function () { go(tr.getAttribute('data-target')); });
  });
  if (location.hash) go(location.hash.slice(1));
})();
`;
