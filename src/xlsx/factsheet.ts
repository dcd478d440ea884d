/** Renders a {@link SheetLayout} (src/layout/factsheet.ts) into an ExcelJS worksheet. */
import type ExcelJS from "exceljs";
import { FACTSHEET_FONT, FACTSHEET_STYLES } from "../layout/factsheet";
import type { SheetLayout, StyleSpec } from "../layout/factsheet";
import { setCell } from "./cells";

const thin = { style: "thin" as const, color: { argb: "FF8EA9DB" } };

function applyStyle(cell: ExcelJS.Cell, spec: StyleSpec): void {
  cell.font = {
    name: FACTSHEET_FONT,
    size: spec.size,
    bold: spec.bold ?? false,
    italic: spec.italic ?? false,
    ...(spec.color ? { color: { argb: `FF${spec.color}` } } : {}),
  };
  cell.alignment = { wrapText: spec.wrap, vertical: spec.vertical, horizontal: "left" };
  if (spec.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${spec.fill}` } };
  if (spec.border) cell.border = { top: thin, left: thin, bottom: thin, right: thin };
}

export function renderLayout(wb: ExcelJS.Workbook, layout: SheetLayout): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(layout.name, {
    views: [{ showGridLines: false }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.6, right: 0.6, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: "&L&8STJ Toets&R&8Pagina &P van &N" },
  });
  ws.columns = layout.columnWidths.map((width) => ({ width }));
  layout.rowHeights.forEach((h, r) => {
    ws.getRow(r + 1).height = h;
  });
  for (const c of layout.cells) {
    const cell = ws.getCell(c.row + 1, c.col + 1);
    setCell(cell, c.value);
    applyStyle(cell, FACTSHEET_STYLES[c.style]);
  }
  for (const m of layout.merges) {
    if (m.bottom === m.top && m.right === m.left) continue;
    // Style the covered cells too, so borders and fills run across the whole merged area.
    const master = layout.cells.find((c) => c.row === m.top && c.col === m.left);
    if (master) {
      for (let r = m.top; r <= m.bottom; r++)
        for (let col = m.left; col <= m.right; col++) if (r !== m.top || col !== m.left) applyStyle(ws.getCell(r + 1, col + 1), FACTSHEET_STYLES[master.style]);
    }
    ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }
  return ws;
}
