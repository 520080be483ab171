#!/usr/bin/env bash
# Regenerates the README pictures in examples/docs/images/ from the bundled example. The workbooks
# are printed by test/support/lo-print.py, the LibreOffice printing the test suite checks
# (test/printing-libreoffice.test.ts), then the PDF pages are drawn with pdftoppm:
#   tong-hop-bia.png       the consolidated workbook's cover page
#   tong-hop-bang.png      its city-totals sheet, printed A4 landscape
#   tong-hop-ma-tran.png   the first page of its unit × indicator table (70 %, columns repeated)
#   bao-cao-html.png       the top of the HTML report (headless Chromium screenshot)
#   bao-cao-html-2.png     the HTML report's heat map and activity chart
#   phan-hoi.png           the feedback workbook of Văn Yên (the ward with errors)
#   bao-cao-word.png       page 1 of the Word report (--docx), converted to PDF by LibreOffice Writer
#   bao-cao-word-phu-luc.png  its annex I, A4 landscape
#   addin/docs/taskpane.png   the add-in's task pane after a check (the add-in's Chromium test,
#                             run with CCHC_UPDATE_SCREENSHOT=1; the suite itself writes it to a
#                             temporary folder)
# Needs: soffice (libreoffice-calc-nogui), python3-uno, pdftoppm/pdftotext (poppler-utils), chromium (driven by
# the test package's playwright-core, examples/docs/screenshot.mjs),
# fonts-liberation2 and fonts-dejavu-core. Run from anywhere: examples/docs/make-images.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
images=examples/docs/images
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$images"

[ -d examples/reports ] || pnpm start
node packages/cli/bin/cchc.js consolidate examples/reports --period 2021-H1 \
  --received examples/received-2021-H1.csv --out "$work/tong-hop-2021-H1.xlsx" \
  --html "$work/bao-cao-2021-H1.html" --docx "$work/bao-cao-2021-H1.docx" --feedback "$work/phan-hoi" --report-date 2021-07-05 --quiet

/usr/bin/python3 test/support/lo-print.py "$work" "$work/tong-hop-2021-H1.xlsx" "$work/phan-hoi/18097-2021-H1-phan-hoi.xlsx" >"$work/lo-print.json"

# the first page whose text contains $2
page_with() {
  local pages i
  pages=$(pdfinfo "$1" | awk '/^Pages:/ {print $2}')
  for ((i = 1; i <= pages; i++)); do
    if pdftotext -f "$i" -l "$i" "$1" - | grep -q "$2"; then echo "$i"; return; fi
  done
  echo 1
}
png() { pdftoppm -r "$3" -png -singlefile -f "$2" -l "$2" "$1" "$4"; }
png "$work/tong-hop-2021-H1.pdf" 1 75 "$images/tong-hop-bia"
png "$work/tong-hop-2021-H1.pdf" "$(page_with "$work/tong-hop-2021-H1.pdf" 'TỔNG HỢP KẾT QUẢ THỰC HIỆN')" 70 "$images/tong-hop-bang"
png "$work/tong-hop-2021-H1.pdf" "$(page_with "$work/tong-hop-2021-H1.pdf" 'KẾT QUẢ THEO ĐƠN VỊ VÀ CHỈ TIÊU')" 70 "$images/tong-hop-ma-tran"
png "$work/18097-2021-H1-phan-hoi.pdf" 1 70 "$images/phan-hoi"
soffice -env:UserInstallation="file://$work/lo-profile" --headless --convert-to pdf --outdir "$work" "$work/bao-cao-2021-H1.docx" >/dev/null
png "$work/bao-cao-2021-H1.pdf" 1 75 "$images/bao-cao-word"
png "$work/bao-cao-2021-H1.pdf" "$(page_with "$work/bao-cao-2021-H1.pdf" 'CÁC CHỈ TIÊU CỦA THÀNH PHỐ')" 70 "$images/bao-cao-word-phu-luc"

node examples/docs/screenshot.mjs "$work/bao-cao-2021-H1.html" "$images/bao-cao-html.png" '' 1180
node examples/docs/screenshot.mjs "$work/bao-cao-2021-H1.html" "$images/bao-cao-html-2.png" '#heatmap' 1000
CCHC_UPDATE_SCREENSHOT=1 pnpm exec vitest run addin/test/e2e.test.ts >/dev/null
ls -l "$images" addin/docs/taskpane.png
