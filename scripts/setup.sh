#!/bin/sh
# Idempotent set-up for a fresh machine, run by `npm start` (mode: run) and `npm test`
# (mode: test). Installs what is missing and nothing else:
#   run:  npm packages, a Chromium for the PDF, fonts (Latin + Simplified Chinese)
#   test: the above, plus poppler-utils (pdftotext, pdftoppm, pdffonts) and LibreOffice Calc
# and builds the CLI (npm run build: tsc to dist/, then the bundle dist/bundle/) when it is missing
# or older than src/.
# On Debian/Ubuntu as root (or with passwordless sudo) it uses apt-get; elsewhere it prints
# exactly what to install. CHROME_PATH points the tool at an existing Chrome/Chromium.
set -eu
mode="${1:-run}"
cd "$(dirname "$0")/.."

log() { printf 'setup: %s\n' "$*" >&2; }

# 1. npm packages (npm ci when node_modules is missing or older than the lockfile).
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

# 2. The compiled CLI (bin/gpu-report.js runs dist/bundle/cli.js), rebuilt when any source is newer.
if [ ! -f dist/bundle/cli.js ] || [ ! -f dist/.tsbuildinfo ] || [ -n "$(find src scripts/bundle.mjs tsconfig.json tsconfig.build.json package.json -newer dist/.tsbuildinfo -print -quit)" ]; then
  log "compiling the CLI (npm run build)"
  npm run --silent build
  touch dist/.tsbuildinfo
fi

# 3. System packages still missing.
need=""
have_browser() {
  if [ -n "${CHROME_PATH:-}" ]; then [ -x "$CHROME_PATH" ]; return; fi
  for b in /usr/bin/chromium-headless-shell /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome-stable /usr/bin/google-chrome; do
    [ -x "$b" ] && return 0
  done
  return 1
}
have_font() { command -v fc-list >/dev/null 2>&1 && fc-list | grep -qi "$1"; }

have_browser || need="$need chromium-headless-shell"
have_font "DejaVu Sans" || need="$need fonts-dejavu-core"
have_font "WenQuanYi Micro Hei" || need="$need fonts-wqy-microhei"
if [ "$mode" = "test" ]; then
  command -v pdftotext >/dev/null 2>&1 || need="$need poppler-utils"
  command -v soffice >/dev/null 2>&1 || need="$need libreoffice-calc-nogui"
fi
[ -z "$need" ] && exit 0

if command -v apt-get >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ]; then sudo=""
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo"
  else sudo="none"; fi
  if [ "$sudo" != "none" ]; then
    log "installing Debian packages:$need"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq >/dev/null
    # --no-install-recommends: chromium alone would otherwise pull in ~130 packages.
    # shellcheck disable=SC2086
    $sudo apt-get install -y -qq --no-install-recommends $need >/dev/null
    exit 0
  fi
fi

log "missing:$need"
log "install them with your package manager, e.g. (Debian/Ubuntu, as root):"
log "  apt-get install -y --no-install-recommends$need"
log "or point gpu-report at an existing browser: CHROME_PATH=/path/to/chrome npm start"
exit 1
