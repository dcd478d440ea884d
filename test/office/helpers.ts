/** Shared helpers for the writer tests: the example study, and comparing two ExcelJS sheets as Excel would draw them. */
import type ExcelJS from "exceljs";
import { readStudy, scoreStudy } from "../../src/cli/study";
import { exampleAnswerRows, exampleContextRows } from "../../src/examples/seeds";
import { ggsr2013, OVERRIDE_COLUMNS } from "../../src/scoring";
import type { ApproachResult, CellValue, Framework, GemeenteContext } from "../../src/scoring";

export interface ExampleStudy {
  results: ApproachResult[];
  contexts: GemeenteContext[];
  framework: Framework;
}

/** The example study (the three seed approaches), scored; optionally with changed answer or context rows. */
export function exampleStudy(edit?: { answers?: (rows: CellValue[][]) => void; context?: (rows: CellValue[][]) => void; overrides?: CellValue[][] }): ExampleStudy {
  const answers = exampleAnswerRows(ggsr2013);
  const context = exampleContextRows();
  edit?.answers?.(answers);
  edit?.context?.(context);
  const overrides = edit?.overrides ? { name: "Aanpassingen", values: [[...OVERRIDE_COLUMNS], ...edit.overrides] } : undefined;
  const study = readStudy({ answers: { name: "Antwoorden", values: answers }, context: { name: "Context", values: context }, overrides });
  return { results: scoreStudy(study), contexts: study.contexts, framework: study.framework };
}

function text(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object" && "formula" in v) return `=${(v as ExcelJS.CellFormulaValue).formula}`;
  if (typeof v === "object" && "richText" in v) return (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join("");
  return String(v);
}

/** Whether a line is drawn on each cell edge: a side set on either of the two cells that share it. */
function edges(ws: ExcelJS.Worksheet, rows: number, cols: number): Set<string> {
  const out = new Set<string>();
  for (let r = 1; r <= rows; r++)
    for (let c = 1; c <= cols; c++) {
      const b = ws.getCell(r, c).border ?? {};
      if (b.top?.style) out.add(`h${r - 1},${c}`);
      if (b.bottom?.style) out.add(`h${r},${c}`);
      if (b.left?.style) out.add(`v${r},${c - 1}`);
      if (b.right?.style) out.add(`v${r},${c}`);
    }
  return out;
}

/** Differences between two sheets in what a reader sees: values, merges, sizes, fonts, fills, lines, breaks, print setup. */
export function sheetDifferences(a: ExcelJS.Worksheet, b: ExcelJS.Worksheet, rows: number, cols: number): string[] {
  const diffs: string[] = [];
  const add = (what: string, x: unknown, y: unknown) => {
    if (diffs.length < 20) diffs.push(`${what}: ${JSON.stringify(x)} ≠ ${JSON.stringify(y)}`);
  };
  for (let c = 1; c <= cols; c++) if (Math.abs((a.getColumn(c).width ?? 0) - (b.getColumn(c).width ?? 0)) > 0.01) add(`width ${c}`, a.getColumn(c).width, b.getColumn(c).width);
  for (let r = 1; r <= rows; r++) {
    if (Math.abs((a.getRow(r).height ?? 0) - (b.getRow(r).height ?? 0)) > 0.01) add(`height ${r}`, a.getRow(r).height, b.getRow(r).height);
    for (let c = 1; c <= cols; c++) {
      const x = a.getCell(r, c);
      const y = b.getCell(r, c);
      const where = x.address;
      if (x.isMerged !== y.isMerged || (x.isMerged && x.master.address !== y.master.address)) add(`merge ${where}`, x.master.address, y.master.address);
      if (x.isMerged && x.master !== x) continue;
      if (text(x.value) !== text(y.value)) add(`value ${where}`, text(x.value), text(y.value));
      if (typeof x.value !== typeof y.value) add(`type ${where}`, typeof x.value, typeof y.value);
      const fx = x.font ?? {};
      const fy = y.font ?? {};
      for (const k of ["name", "size", "bold", "italic"] as const) if ((fx[k] ?? false) !== (fy[k] ?? false)) add(`font.${k} ${where}`, fx[k], fy[k]);
      if ((fx.color?.argb ?? "") !== (fy.color?.argb ?? "")) add(`font.color ${where}`, fx.color?.argb, fy.color?.argb);
      const px = (x.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb ?? "";
      const py = (y.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb ?? "";
      if (px !== py) add(`fill ${where}`, px, py);
      const ax = x.alignment ?? {};
      const ay = y.alignment ?? {};
      if ((ax.wrapText ?? false) !== (ay.wrapText ?? false) || (ax.vertical ?? "bottom") !== (ay.vertical ?? "bottom") || (ax.horizontal ?? "") !== (ay.horizontal ?? ""))
        add(`alignment ${where}`, ax, ay);
    }
  }
  const ea = edges(a, rows, cols);
  const eb = edges(b, rows, cols);
  const onlyA = [...ea].filter((e) => !eb.has(e));
  const onlyB = [...eb].filter((e) => !ea.has(e));
  if (onlyA.length || onlyB.length) add("border lines", onlyA.slice(0, 5), onlyB.slice(0, 5));
  const breaks = (ws: ExcelJS.Worksheet) => ((ws as unknown as { rowBreaks?: { id: number }[] }).rowBreaks ?? []).map((x) => x.id);
  if (JSON.stringify(breaks(a)) !== JSON.stringify(breaks(b))) add("page breaks", breaks(a), breaks(b));
  const ps = (ws: ExcelJS.Worksheet) => {
    const p = ws.pageSetup;
    return { o: p.orientation, paper: p.paperSize, fit: p.fitToPage, w: p.fitToWidth, h: p.fitToHeight, area: p.printArea, titles: p.printTitlesRow ?? null, m: Object.values(p.margins ?? {}).map((x) => Math.round(Number(x) * 1e4) / 1e4) };
  };
  if (JSON.stringify(ps(a)) !== JSON.stringify(ps(b))) add("page setup", ps(a), ps(b));
  if (a.headerFooter.oddHeader !== b.headerFooter.oddHeader || a.headerFooter.oddFooter !== b.headerFooter.oddFooter) add("header/footer", a.headerFooter, b.headerFooter);
  return diffs;
}
