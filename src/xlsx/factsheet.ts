/**
 * The .xlsx writer of the layout model (src/layout): renders a {@link SheetLayout} into an ExcelJS
 * worksheet — values (through setCell, so text stays text), styles per cell, merges, column widths,
 * row heights, manual page breaks, print settings, header/footer, frozen panes and conditional
 * formats. It decides nothing about layout. ExcelJS has no chart API, so a layout's charts are not
 * drawn here; the overview shows the same figures with data bars (docs/architecture.md).
 */
import ExcelJS from "exceljs";
import { byGemeente, studyLayouts } from "../layout";
import { rangeAddress, styleGrid } from "../layout/model";
import type { CellStyle, ConditionalFormat, SheetLayout } from "../layout/model";
import type { ApproachResult, Framework, GemeenteContext } from "../scoring";
import { isFormulaLike, setCell } from "./cells";

const argb = (rgb: string) => ({ argb: `FF${rgb.toUpperCase()}` });

/** The ExcelJS style of a layout style. */
export function excelStyle(spec: CellStyle): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {
    font: { name: spec.font, size: spec.size, bold: spec.bold ?? false, italic: spec.italic ?? false, ...(spec.color ? { color: argb(spec.color) } : {}) },
    alignment: { wrapText: spec.wrap ?? false, horizontal: spec.horizontal ?? "left", vertical: spec.vertical ?? "top" },
  };
  if (spec.numberFormat) style.numFmt = spec.numberFormat;
  if (spec.fill) style.fill = { type: "pattern", pattern: "solid", fgColor: argb(spec.fill) };
  if (spec.border) {
    const b: Partial<ExcelJS.Borders> = {};
    for (const side of ["top", "bottom", "left", "right"] as const) {
      const s = spec.border[side];
      if (s) b[side] = { style: s.style, color: argb(s.color) };
    }
    style.border = b as ExcelJS.Borders;
  }
  return style;
}

/**
 * ExcelJS writes "containsText" rules without the attributes Excel and LibreOffice need, so "begins
 * with" is written as the formula rule Excel itself uses for it: LEFT(<top-left>,LEN("✓"))="✓".
 */
function conditionalRule(cf: ConditionalFormat, priority: number): ExcelJS.ConditionalFormattingRule {
  if (cf.kind === "beginsWith") {
    const text = cf.text.replace(/"/g, '""');
    const tl = rangeAddress({ ...cf.range, bottom: cf.range.top, right: cf.range.left });
    return {
      type: "expression",
      formulae: [`LEFT(${tl},LEN("${text}"))="${text}"`],
      priority,
      style: { font: { color: argb(cf.color) }, fill: { type: "pattern", pattern: "solid", bgColor: argb(cf.fill) } },
    };
  }
  return {
    type: "dataBar",
    priority,
    gradient: false,
    cfvo: [{ type: "num", value: 0 }, { type: "max" }],
    color: argb(cf.color),
  } as unknown as ExcelJS.ConditionalFormattingRule;
}

/** "&L…&C…&R…" from the three parts. */
function headerFooter(h: { left?: string; center?: string; right?: string }): string {
  return `${h.left ? `&L${h.left}` : ""}${h.center ? `&C${h.center}` : ""}${h.right ? `&R${h.right}` : ""}`;
}

/** Renders `layout` as a new worksheet of `wb`. */
export function renderLayout(wb: ExcelJS.Workbook, layout: SheetLayout): ExcelJS.Worksheet {
  const p = layout.print;
  const ws = wb.addWorksheet(layout.name, {
    views: [
      layout.freeze
        ? { state: "frozen", xSplit: layout.freeze.columns, ySplit: layout.freeze.rows, showGridLines: layout.showGridLines }
        : { showGridLines: layout.showGridLines },
    ],
    pageSetup: {
      paperSize: 9, // A4
      orientation: p.orientation,
      fitToPage: true,
      fitToWidth: p.fitToWidth,
      fitToHeight: p.fitToHeight,
      margins: { ...p.margins },
      printArea: rangeAddress(p.area),
      ...(p.titleRows ? { printTitlesRow: `${p.titleRows.first + 1}:${p.titleRows.last + 1}` } : {}),
      firstPageNumber: p.firstPageNumber,
    },
    headerFooter: { oddHeader: headerFooter(p.header), oddFooter: headerFooter(p.footer) },
  });
  layout.columnWidths.forEach((w, c) => {
    ws.getColumn(c + 1).width = w;
  });
  layout.rowHeights.forEach((h, r) => {
    ws.getRow(r + 1).height = h;
  });
  for (const m of layout.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);

  // Styles: one shared ExcelJS style object per layout style (ExcelJS writes them by value).
  const shared = new Map<string, Partial<ExcelJS.Style>>();
  const styleOf = (key: string) => {
    let s = shared.get(key);
    if (!s) shared.set(key, (s = excelStyle(layout.styles[key])));
    return s;
  };
  styleGrid(layout).forEach((row, r) =>
    row.forEach((key, c) => {
      if (key !== null) ws.getCell(r + 1, c + 1).style = styleOf(key);
    }),
  );
  for (const c of layout.cells) {
    const cell = ws.getCell(c.row + 1, c.col + 1);
    if (typeof c.value === "string" && isFormulaLike(c.value) && cell.numFmt !== "@") cell.style = { ...cell.style, numFmt: "@" };
    setCell(cell, c.value);
  }
  for (const b of layout.pageBreaks) if (b > 0) ws.getRow(b).addPageBreak();
  layout.conditionalFormats.forEach((cf, i) => ws.addConditionalFormatting({ ref: rangeAddress(cf.range), rules: [conditionalRule(cf, i + 1)] }));
  return ws;
}

export interface FactsheetWorkbookInput {
  results: readonly ApproachResult[];
  contexts?: readonly GemeenteContext[];
  framework?: Framework;
  month?: string;
  /** Only these gemeenten (case-insensitive); default all. */
  gemeenten?: readonly string[];
  /** Include the overview sheet (default true). */
  overview?: boolean;
  /** Include the factsheets (default true). */
  factsheets?: boolean;
}

/** A workbook with only the overview and the factsheets (`stj factsheet`, the render checks). */
export function writeFactsheetWorkbook(input: FactsheetWorkbookInput): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "STJ Toets";
  const wanted = input.gemeenten?.map((g) => g.trim().toLocaleLowerCase("nl"));
  const results = wanted ? byGemeente(input.results).flat().filter((r) => wanted.includes(r.gemeente.trim().toLocaleLowerCase("nl"))) : input.results;
  for (const layout of studyLayouts(results, { framework: input.framework, contexts: input.contexts, month: input.month, overview: input.overview, factsheets: input.factsheets }))
    renderLayout(wb, layout);
  return wb;
}
