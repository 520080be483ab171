#!/usr/bin/python3
"""Prints workbooks with LibreOffice and checks their row heights, through LibreOffice itself.

    lo-print.py OUTDIR WORKBOOK.xlsx...

For each workbook: exports every printed sheet to OUTDIR/<name>.pdf (calc_pdf_Export), then, for
every non-empty text cell that wraps, asks LibreOffice how high a row must be to show it (the
cell is copied alone onto a scratch sheet, into a column as wide as the cell or its merged range,
and that row is given its optimal height) and compares with the height the row has. Prints one
JSON object: {"files": [{"file", "pdf", "sheets": [{"name", "checked", "short": [...]}]}]}, where
"short" lists the rows whose wrapped text needs more height than the row holds (heights in
points). Needs soffice and python3-uno (apt-get install -y libreoffice-calc-nogui python3-uno).
"""
import json
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.table import CellAddress

HUNDREDTH_MM_PER_POINT = 2540 / 72
# LibreOffice's own rounding of row heights: a row within half a point of the need shows the text
TOLERANCE = 0.5 * HUNDREDTH_MM_PER_POINT


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def start(profile):
    pipe = "cchc_lo_print_%d" % os.getpid()
    proc = subprocess.Popen(
        ["soffice", "-env:UserInstallation=file://" + profile, "--headless", "--invisible", "--nologo",
         "--norestore", "--nodefault", "--accept=pipe,name=%s;urp;" % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(240):
        try:
            ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            return proc, ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        except Exception:
            time.sleep(0.25)
    proc.kill()
    raise SystemExit("lo-print: LibreOffice did not start")


def used_area(sheet):
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    a = cursor.getRangeAddress()
    return a.EndRow, a.EndColumn


def check_sheet(doc, sheet, scratch, scratch_index):
    end_row, end_col = used_area(sheet)
    columns = sheet.getColumns()
    rows = sheet.getRows()
    widths = [columns.getByIndex(c).Width for c in range(end_col + 1)]
    checked = 0
    short = []
    for r in range(end_row + 1):
        row_height = rows.getByIndex(r).Height
        worst = None
        for c in range(end_col + 1):
            cell = sheet.getCellByPosition(c, r)
            text = cell.getString()
            if text == "" or not cell.IsTextWrapped or cell.getType().value == "FORMULA" and cell.getValue() != 0 and text.replace(".", "").isdigit():
                continue
            cursor = sheet.createCursorByRange(cell)
            cursor.collapseToMergedArea()
            area = cursor.getRangeAddress()
            if area.StartColumn != c or area.StartRow != r:
                continue  # inside a merged range: its top-left cell holds the text
            if area.EndRow != area.StartRow:
                continue  # spans rows: their heights together hold it
            width = sum(widths[area.StartColumn:area.EndColumn + 1]) if area.EndColumn <= end_col else widths[c]
            scratch.copyRange(CellAddress(scratch_index, 0, 0), cell.getRangeAddress())
            target = scratch.getCellRangeByPosition(0, 0, 0, 0)
            target.merge(False)
            scratch.getColumns().getByIndex(0).Width = width
            scratch_row = scratch.getRows().getByIndex(0)
            scratch_row.OptimalHeight = True
            needed = scratch_row.Height
            checked += 1
            if needed > row_height + TOLERANCE and (worst is None or needed > worst[0]):
                worst = (needed, c, text)
        if worst is not None:
            short.append({
                "row": r + 1,
                "column": worst[1] + 1,
                "needed": round(worst[0] / HUNDREDTH_MM_PER_POINT, 1),
                "height": round(row_height / HUNDREDTH_MM_PER_POINT, 1),
                "text": worst[2][:80],
            })
    return {"name": sheet.getName(), "checked": checked, "short": short}


def main():
    if len(sys.argv) < 3:
        raise SystemExit("usage: lo-print.py OUTDIR WORKBOOK.xlsx...")
    outdir = os.path.abspath(sys.argv[1])
    os.makedirs(outdir, exist_ok=True)
    profile = tempfile.mkdtemp(prefix="lo-print-")
    proc, desktop = start(profile)
    report = {"files": []}
    try:
        for path in sys.argv[2:]:
            path = os.path.abspath(path)
            doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(path), "_blank", 0, (prop("Hidden", True),))
            pdf = os.path.join(outdir, os.path.splitext(os.path.basename(path))[0] + ".pdf")
            doc.storeToURL(uno.systemPathToFileUrl(pdf), (prop("FilterName", "calc_pdf_Export"),))
            sheets = doc.getSheets()
            names = [n for n in sheets.getElementNames()]
            scratch_name = "__cchc_measure"
            sheets.insertNewByName(scratch_name, len(names))
            scratch = sheets.getByName(scratch_name)
            scratch_index = len(names)
            results = []
            for name in names:
                sheet = sheets.getByName(name)
                if not sheet.IsVisible:
                    continue
                results.append(check_sheet(doc, sheet, scratch, scratch_index))
            doc.close(True)
            report["files"].append({"file": path, "pdf": pdf, "sheets": results})
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        try:
            proc.wait(timeout=30)
        except Exception:
            proc.kill()
        subprocess.run(["rm", "-rf", profile])
    json.dump(report, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
