#!/usr/bin/env bash
# Renders the first two pages of an annual report from synthetic data as the PNGs that
# docs/reports.md shows (docs/reports/annual-page-1.png, annual-page-2.png).
# Needs pdftoppm (Debian: poppler-utils). Run from anywhere: bash packages/reports/scripts/render-preview.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
command -v pdftoppm >/dev/null || { echo "pdftoppm is missing: apt-get install poppler-utils" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$root"
# 2 000 fictional cases of the Helsinki team (identity codes from the test range), the same every time.
DATA_DIR="$work/data" pnpm db:synth --scale 2000 --seed 1 --today 2026-05-15
DATA_DIR="$work/data" pnpm report annual --period 2025-05-01..2026-04-30 --out "$work/out"
pdftoppm -f 1 -l 2 -r 70 -png "$work/out/annual-2025-05-01..2026-04-30.pdf" "$work/page"
mkdir -p docs/reports
cp "$work/page-1.png" docs/reports/annual-page-1.png
cp "$work/page-2.png" docs/reports/annual-page-2.png
echo "wrote docs/reports/annual-page-1.png and annual-page-2.png"
