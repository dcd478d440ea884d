#!/usr/bin/env bash
# The Debian packages the end-to-end tests need: LibreOffice (renders generated .xlsx to PDF),
# poppler-utils (pdftoppm, pdftotext), Chromium (the task pane test) and fonts with Calibri's and
# Arial's metrics. As root they are installed when missing; otherwise this fails with the command.
set -euo pipefail
PACKAGES=(libreoffice-calc-nogui poppler-utils chromium fonts-crosextra-carlito fonts-liberation2)
missing=()
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -d /usr/share/fonts/truetype/crosextra ] || missing+=(fonts-crosextra-carlito)
[ -d /usr/share/fonts/truetype/liberation2 ] || missing+=(fonts-liberation2)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: installing ${missing[*]} (Debian packages, once)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi
echo "system-deps: the end-to-end tests need Debian packages that are missing: ${missing[*]}" >&2
echo "Install them with:  sudo apt-get install -y --no-install-recommends ${PACKAGES[*]}" >&2
exit 1
