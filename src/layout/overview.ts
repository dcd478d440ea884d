/**
 * The overview sheet "Overzicht" as a layout model: one row per approach (with its gemeente), one
 * column per indicator with the verdict symbol, coloured by conditional formatting on the symbol
 * (so the colour follows when an analyst edits a symbol, and the symbol is there without colour);
 * per approach the number of verbeterpunten and LET OP notes; then the verbeterpunten per theme with
 * data bars and a chart (native in the live workbook, see ChartSpec); and a legend of the indicator
 * codes. A4 landscape, fit to page width, the two header rows repeated on every printed page.
 */
import { SYMBOL } from "../scoring";
import type { ApproachResult, Framework, Verdict } from "../scoring";
import { heightForLines, MAX_ROW_HEIGHT, textHeight } from "./measure";
import { headerText, snapWidth, StyleBook } from "./model";
import type { BorderSpec, CellStyle, ConditionalFormat, SheetLayout } from "./model";
import { FACTSHEET_FONT, uniqueSheetName } from "./factsheet";
import { dutchMonthYear } from "./texts";

export const OVERVIEW_SHEET = "Overzicht";

/** Fill and font colour of each verdict in the overview (Excel's "good", "bad" and "neutral"). */
export const VERDICT_FILL: Record<Verdict, { fill: string; color: string }> = {
  voldoet: { fill: "C6EFCE", color: "006100" },
  verbeterpunt: { fill: "FFC7CE", color: "9C0006" },
  onvoldoende: { fill: "FFEB9C", color: "9C5700" },
};

export interface OverviewOptions {
  framework?: Framework;
  month?: string;
  takenNames?: Iterable<string>;
}

const LINE: BorderSpec = { style: "thin", color: "8EA9DB" };
const ALL = { top: LINE, bottom: LINE, left: LINE, right: LINE };
const WIDTHS = { gemeente: snapWidth(16), aanpak: snapWidth(26), indicator: snapWidth(4.6), count: snapWidth(9) };

export function overviewLayout(results: readonly ApproachResult[], options: OverviewOptions = {}): SheetLayout {
  const book = new StyleBook();
  const base = (spec: Omit<CellStyle, "font" | "numberFormat">): CellStyle => ({ font: FACTSHEET_FONT, numberFormat: "@", vertical: "top", horizontal: "left", wrap: true, ...spec });
  const S = {
    title: book.add("title", base({ size: 16, bold: true, color: "1F3864", vertical: "bottom" })),
    meta: book.add("meta", base({ size: 10, color: "595959" })),
    heading: book.add("heading", base({ size: 12, bold: true, color: "1F3864", vertical: "bottom" })),
    header: book.add("header", base({ size: 9, bold: true, fill: "D9E2F3", vertical: "middle", border: ALL })),
    headerCentre: book.add("headerCentre", base({ size: 9, bold: true, fill: "D9E2F3", vertical: "middle", horizontal: "center", border: ALL })),
    name: book.add("name", base({ size: 10, border: ALL })),
    symbol: book.add("symbol", base({ size: 11, bold: true, horizontal: "center", vertical: "middle", wrap: false, border: ALL })),
    count: book.add("count", { font: FACTSHEET_FONT, size: 10, horizontal: "right", vertical: "top", numberFormat: "0", border: ALL }),
    code: book.add("code", base({ size: 10, bold: true, border: ALL })),
    text: book.add("text", base({ size: 10, border: ALL })),
  };
  const count = S.count;

  const themes: { name: string; codes: string[] }[] = [];
  const indicatorText = new Map<string, string>();
  const source = options.framework
    ? options.framework.themes.flatMap((t) => t.criteria.flatMap((c) => c.indicators.map((i) => ({ theme: t.name, code: i.code, text: i.text }))))
    : (results[0]?.indicators ?? []).map((i) => ({ theme: i.theme, code: i.code, text: i.text }));
  for (const i of source) {
    let t = themes.find((x) => x.name === i.theme);
    if (!t) themes.push((t = { name: i.theme, codes: [] }));
    t.codes.push(i.code);
    indicatorText.set(i.code, i.text);
  }
  const codes = themes.flatMap((t) => t.codes);
  const firstInd = 2;
  const totalCol = firstInd + codes.length;
  const letOpCol = totalCol + 1;
  const last = letOpCol;
  const widths = [WIDTHS.gemeente, WIDTHS.aanpak, ...codes.map(() => WIDTHS.indicator), WIDTHS.count, WIDTHS.count];
  const cells: SheetLayout["cells"] = [];
  const merges: SheetLayout["merges"] = [];
  const heights: number[] = [];
  const span = (a: number, b: number) => widths.slice(a, b + 1).reduce((x, y) => x + y, 0);
  const put = (row: number, col: number, value: string | number, style: string) => cells.push({ row, col, value, style });
  const line = (text: string, style: string, minHeight = 0) => {
    const r = heights.length;
    heights.push(Math.max(minHeight, textHeight(text, span(0, last), book.styles[style])));
    put(r, 0, text, style);
    merges.push({ top: r, left: 0, bottom: r, right: last });
    return r;
  };

  const gemeenten = new Set(results.map((r) => r.gemeente)).size;
  const month = options.month ?? dutchMonthYear(new Date());
  line("Overzicht toezichtonderzoek GGSR", S.title, 26);
  line(`${results.length} ${results.length === 1 ? "aanpak" : "aanpakken"} in ${gemeenten} ${gemeenten === 1 ? "gemeente" : "gemeenten"} · ${month}`, S.meta);
  line(`${SYMBOL.voldoet} voldoet   ${SYMBOL.verbeterpunt} verbeterpunt   ${SYMBOL.onvoldoende} onvoldoende informatie. De kleur volgt het symbool in de cel.`, S.meta);
  heights.push(8);

  // Header rows.
  const h1 = heights.length;
  const themeRowHeight = Math.max(
    heightForLines(1, 9),
    ...themes.map((t, i) => {
      const from = firstInd + themes.slice(0, i).reduce((a, x) => a + x.codes.length, 0);
      return textHeight(t.name, span(from, from + t.codes.length - 1), { size: 9, bold: true });
    }),
  );
  heights.push(themeRowHeight + 2, heightForLines(1, 9) + 2);
  const headerBoth = (col: number, text: string, style = S.header) => {
    put(h1, col, text, style);
    merges.push({ top: h1, left: col, bottom: h1 + 1, right: col });
  };
  headerBoth(0, "Gemeente");
  headerBoth(1, "Aanpak");
  headerBoth(totalCol, "Verbeter-punten", S.headerCentre);
  headerBoth(letOpCol, "LET OP", S.headerCentre);
  let col = firstInd;
  for (const t of themes) {
    put(h1, col, t.name, S.headerCentre);
    if (t.codes.length > 1) merges.push({ top: h1, left: col, bottom: h1, right: col + t.codes.length - 1 });
    for (const c of t.codes) put(h1 + 1, col++, c, S.headerCentre);
  }

  // One row per approach.
  const firstData = heights.length;
  const sorted = [...results].sort((a, b) => a.gemeente.localeCompare(b.gemeente, "nl") || a.approach.localeCompare(b.approach, "nl"));
  for (const r of sorted) {
    const row = heights.length;
    heights.push(Math.min(MAX_ROW_HEIGHT, Math.max(heightForLines(1, 11), textHeight(r.gemeente, WIDTHS.gemeente, { size: 10 }), textHeight(r.approach, WIDTHS.aanpak, { size: 10 }))));
    put(row, 0, r.gemeente, S.name);
    put(row, 1, r.approach, S.name);
    const byCode = new Map(r.indicators.map((i) => [i.code, i]));
    codes.forEach((c, i) => {
      const ind = byCode.get(c);
      put(row, firstInd + i, ind ? SYMBOL[ind.verdict] : "", S.symbol);
    });
    put(row, totalCol, r.counts.verbeterpunt, count);
    put(row, letOpCol, r.counts.letOp, count);
  }
  if (sorted.length === 0) {
    const row = heights.length;
    heights.push(heightForLines(1, 10));
    put(row, 0, "Er zijn geen aanpakken gescoord.", S.name);
    merges.push({ top: row, left: 0, bottom: row, right: last });
  }
  const lastData = heights.length - 1;
  const conditionalFormats: ConditionalFormat[] = [];
  if (sorted.length > 0) {
    const range = { top: firstData, left: firstInd, bottom: lastData, right: totalCol - 1 };
    for (const v of ["voldoet", "verbeterpunt", "onvoldoende"] as Verdict[])
      conditionalFormats.push({ kind: "beginsWith", range, text: SYMBOL[v], ...VERDICT_FILL[v] });
    conditionalFormats.push({ kind: "dataBar", range: { top: firstData, left: totalCol, bottom: lastData, right: totalCol }, color: "F4B183" });
  }

  // Verbeterpunten per thema: table, data bars and (in the live workbook) a chart beside it.
  heights.push(14);
  const hHead = heights.length;
  heights.push(heightForLines(1, 12) + 6);
  put(hHead, 0, "Verbeterpunten per thema", S.heading);
  merges.push({ top: hHead, left: 0, bottom: hHead, right: 1 });
  const tHead = heights.length;
  heights.push(heightForLines(1, 9) + 4);
  put(tHead, 0, "Thema", S.header);
  put(tHead, 1, "Verbeterpunten", S.header);
  const perTheme = themes.map((t) => ({
    name: t.name,
    n: results.reduce((a, r) => a + r.indicators.filter((i) => i.theme === t.name && i.verdict === "verbeterpunt").length, 0),
  }));
  for (const t of perTheme) {
    const row = heights.length;
    heights.push(20);
    put(row, 0, t.name, S.name);
    put(row, 1, t.n, count);
  }
  const tLast = heights.length - 1;
  if (perTheme.length > 0) conditionalFormats.push({ kind: "dataBar", range: { top: tHead + 1, left: 1, bottom: tLast, right: 1 }, color: "F4B183" });
  // Room for the chart: at least 12 rows of 20 points beside the table.
  while (heights.length - tHead < 12) heights.push(20);
  const chartBottom = heights.length - 1;
  const chartLeft = Math.min(firstInd + 1, last);
  const charts: SheetLayout["charts"] =
    perTheme.length > 0
      ? [
          {
            kind: "barClustered",
            title: "Verbeterpunten per thema",
            source: { top: tHead, left: 0, bottom: tLast, right: 1 },
            anchor: { top: hHead, left: chartLeft, bottom: chartBottom, right: Math.min(last, chartLeft + 14) },
          },
        ]
      : [];

  // Legend of the indicator codes.
  heights.push(14);
  const lHead = heights.length;
  heights.push(heightForLines(1, 12) + 6);
  put(lHead, 0, "Indicatoren", S.heading);
  merges.push({ top: lHead, left: 0, bottom: lHead, right: 1 });
  for (const c of codes) {
    const row = heights.length;
    const text = indicatorText.get(c) ?? "";
    heights.push(Math.max(heightForLines(1, 10), textHeight(text, span(1, last), { size: 10 })));
    put(row, 0, c, S.code);
    put(row, 1, text, S.text);
    merges.push({ top: row, left: 1, bottom: row, right: last });
  }

  return {
    kind: "overview",
    name: uniqueSheetName(OVERVIEW_SHEET, options.takenNames ?? []),
    columnWidths: widths,
    rowHeights: heights.map((h) => Math.round(h * 100) / 100),
    styles: book.styles,
    cells,
    merges,
    pageBreaks: [],
    print: {
      orientation: "landscape",
      paper: "A4",
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
      titleRows: { first: h1, last: h1 + 1 },
      area: { top: 0, left: 0, bottom: heights.length - 1, right: last },
      header: { left: '&"Arial,Regular"&8Samenwerkend Toezicht Jeugd', right: `&"Arial,Regular"&8${headerText("Overzicht toezichtonderzoek GGSR")}` },
      footer: { left: `&"Arial,Regular"&8${headerText(month)}`, right: '&"Arial,Regular"&8Pagina &P van &N' },
      firstPageNumber: 1,
    },
    showGridLines: false,
    freeze: { rows: firstData, columns: 2 },
    conditionalFormats,
    charts,
  };
}
