/**
 * Workbook writers (ExcelJS): the empty answers template, the example study and the scored workbook.
 * Every value goes through {@link setCell} (src/xlsx/cells.ts), so text from respondents or analysts
 * never becomes a formula.
 */
import ExcelJS from "exceljs";
import { studyLayouts } from "../layout";
import {
  allQuestions,
  cellText,
  CONTEXT_COLUMNS,
  frameworkToSheet,
  FRAMEWORK_HEADER,
  indicatorPlaces,
  KEY_COLUMNS,
  labelKey,
  OVERRIDE_COLUMNS,
  parseRange,
  VERDICT_TEXT,
} from "../scoring";
import type { ApproachResult, CellValue, Framework, GemeenteContext, Issue, Question, SheetData, Verdict } from "../scoring";
import { setCell, setRow } from "./cells";
import { renderLayout } from "./factsheet";
import { copyWorksheet, generatedSheetsNote } from "./keep";
import { AGREEMENT_SHEET, ANSWERS_SHEET, CHECK_SHEET, CONTEXT_SHEET, FRAMEWORK_SHEET, LISTS_SHEET, OVERRIDES_SHEET, RESULTS_SHEET } from "../layout/sheets";
import { RESULT_COLUMNS, RESULT_WIDTHS, RESULT_WRAP, resultRows } from "../layout/results";

export { setCell, setRow, isFormulaLike, FORMULA_LIKE } from "./cells";

export { LISTS_SHEET, RESULTS_SHEET, AGREEMENT_SHEET, CHECK_SHEET };
/** Rows below the header that get dropdowns in the template. */
export const TEMPLATE_ROWS = 500;
export const JANEE_OPTIONS = ["ja", "nee", "deels", "weet niet"];
export const ROLE_OPTIONS = ["gemeente", "netwerkpartner", "document"];
/** Excel's limit for a list typed into a data validation (the formula, quotes included). */
export const MAX_LIST_FORMULA = 255;
/** Excel's limit for an input message. */
export const MAX_PROMPT = 255;

// ---------------------------------------------------------------------------------------------
// Styles
// ---------------------------------------------------------------------------------------------

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
const FILL: Record<Verdict, ExcelJS.Fill> = {
  voldoet: { type: "pattern", pattern: "solid", fgColor: { argb: "FFC6EFCE" } },
  verbeterpunt: { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } },
  onvoldoende: { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFEB9C" } },
};
const FONT_COLOUR: Record<Verdict, string> = { voldoet: "FF006100", verbeterpunt: "FF9C0006", onvoldoende: "FF9C5700" };

function styleHeaderRow(ws: ExcelJS.Worksheet, row: number, from: number, to: number): void {
  for (let c = from; c <= to; c++) {
    const cell = ws.getCell(row, c);
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: "top", wrapText: true };
  }
}

function freeze(ws: ExcelJS.Worksheet, rows: number, cols = 0): void {
  ws.views = [{ state: "frozen", xSplit: cols, ySplit: rows }];
}

function note(cell: ExcelJS.Cell, title: string, body: string): void {
  cell.note = {
    texts: [
      { text: `${title}\n`, font: { bold: true, size: 9 } },
      { text: body, font: { size: 9 } },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Dropdowns
// ---------------------------------------------------------------------------------------------

/** The hidden sheet "Lijsten" with option lists too long (or too odd) for an inline dropdown list. */
export class Lists {
  private ws: ExcelJS.Worksheet | null = null;
  private next = 1;
  constructor(private readonly wb: ExcelJS.Workbook) {}

  /** The formula for a list validation with these options: inline when it fits, else a range on "Lijsten". */
  formula(title: string, options: readonly string[]): string {
    const inline = `"${options.join(",")}"`;
    const fits = inline.length <= MAX_LIST_FORMULA && !options.some((o) => o.includes(",") || o.includes('"'));
    if (fits) return inline;
    if (!this.ws) this.ws = this.wb.addWorksheet(LISTS_SHEET, { state: "hidden" });
    const col = this.next++;
    setCell(this.ws.getCell(1, col), title);
    this.ws.getCell(1, col).font = { bold: true };
    options.forEach((o, i) => setCell(this.ws!.getCell(i + 2, col), o));
    this.ws.getColumn(col).width = Math.min(60, Math.max(12, ...options.map((o) => o.length + 2)));
    const letter = this.ws.getColumn(col).letter;
    return `${LISTS_SHEET}!$${letter}$2:$${letter}$${options.length + 1}`;
  }

  /** Moves "Lijsten" (if it was needed) behind every other sheet. */
  finish(): void {
    if (!this.ws) return;
    const max = Math.max(...this.wb.worksheets.map((w) => (w as unknown as { orderNo: number }).orderNo ?? 0));
    (this.ws as unknown as { orderNo: number }).orderNo = max + 1;
  }
}

function listValidation(formula: string, error: string, allowOther = true): ExcelJS.DataValidation {
  return {
    type: "list",
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: true,
    // A warning, not a stop: pasted variants ("Ja", "gedeeltelijk") are allowed and checked by the tool.
    errorStyle: allowOther ? "warning" : "stop",
    errorTitle: "Onbekend antwoord",
    error: clip(error, MAX_PROMPT),
  };
}

/** ExcelJS has `worksheet.dataValidations` (range-wide validations) but its typings do not declare it. */
function validations(ws: ExcelJS.Worksheet): { add(range: string, v: ExcelJS.DataValidation): void } {
  return (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

function columnRange(ws: ExcelJS.Worksheet, col: number, fromRow: number, toRow: number): string {
  const letter = ws.getColumn(col).letter;
  return `${letter}${fromRow}:${letter}${toRow}`;
}

// ---------------------------------------------------------------------------------------------
// Input sheets
// ---------------------------------------------------------------------------------------------

const TYPE_TEXT: Record<Question["type"], string> = {
  janee: "ja, nee, deels of weet niet",
  keuze: "één keuze",
  meerkeuze: "een of meer keuzes",
  tekst: "vrije tekst (telt niet mee in het oordeel)",
  getal: "een geheel getal (telt niet mee in het oordeel)",
};

function questionNote(q: Question, indicator: { code: string; text: string }): string {
  const lines = [q.text, "", `Indicator ${indicator.code}: ${indicator.text}`, `Gevraagd aan: ${q.roles.join(", ")}.`];
  if (q.type === "janee") lines.push("Antwoorden: ja, nee, deels of weet niet.");
  else if (q.type === "keuze") lines.push(`Antwoord: één van: ${q.options.join("; ")} (of weet niet).`);
  else if (q.type === "meerkeuze") lines.push(`Antwoord: een of meer van: ${q.options.join("; ")}. Scheid met ;`);
  else lines.push(`Antwoord: ${TYPE_TEXT[q.type]}.`);
  return lines.join("\n");
}

const KEY_NOTES: Record<(typeof KEY_COLUMNS)[number], string> = {
  Gemeente: "De naam van de gemeente, bijvoorbeeld Emmen.",
  Aanpak: "De naam van de aanpak, voor alle respondenten van dezelfde aanpak precies gelijk geschreven.",
  Respondent: "De organisatie die antwoordt, bijvoorbeeld CJG Rijnmond; uniek binnen de aanpak.",
  Rol: "gemeente (één rij per aanpak), netwerkpartner (hoogstens drie) of document (één rij met wat uit de documenten van de gemeente blijkt).",
};

/**
 * The "Antwoorden" sheet: header (key columns + every question code), notes on the header cells,
 * frozen header and key columns, widths, dropdowns for `rows` rows; then the given data rows.
 */
export function addAnswersSheet(wb: ExcelJS.Workbook, fw: Framework, lists: Lists, data: CellValue[][] = [], rows = TEMPLATE_ROWS): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(ANSWERS_SHEET);
  const questions = allQuestions(fw);
  const indicatorOf = new Map<string, { code: string; text: string }>();
  for (const p of indicatorPlaces(fw)) for (const q of p.indicator.questions) indicatorOf.set(q.code, p.indicator);
  // Header from the data when given (it may have extra note columns), else key columns + questions.
  const header: CellValue[] = data.length > 0 ? data[0] : [...KEY_COLUMNS, ...questions.map((q) => q.code)];
  setRow(ws, 1, header);
  styleHeaderRow(ws, 1, 1, header.length);
  data.slice(1).forEach((r, i) => setRow(ws, i + 2, r));
  const last = Math.max(rows, data.length - 1) + 1;
  const byCode = new Map(questions.map((q) => [labelKey(q.code), q]));

  header.forEach((h, i) => {
    const col = i + 1;
    const text = cellText(h);
    const cell = ws.getCell(1, col);
    const column = ws.getColumn(col);
    const key = KEY_COLUMNS.find((k) => labelKey(k) === labelKey(text));
    if (key) {
      note(cell, key, KEY_NOTES[key]);
      column.width = key === "Rol" ? 16 : 22;
      if (key === "Rol") validations(ws).add(columnRange(ws, col, 2, last), listValidation(lists.formula("Rol", ROLE_OPTIONS), "Kies gemeente, netwerkpartner of document.", false));
      return;
    }
    const q = byCode.get(labelKey(text));
    if (!q) {
      column.width = 30;
      return;
    }
    note(cell, q.code, questionNote(q, indicatorOf.get(q.code)!));
    const range = columnRange(ws, col, 2, last);
    switch (q.type) {
      case "janee":
        column.width = Math.max(12, q.code.length + 3);
        validations(ws).add(range, listValidation(lists.formula(q.code, JANEE_OPTIONS), "Kies ja, nee, deels of weet niet."));
        break;
      case "keuze":
        column.width = 30;
        validations(ws).add(range, listValidation(lists.formula(q.code, [...q.options, "weet niet"]), `Kies een van: ${q.options.join("; ")}.`));
        break;
      case "meerkeuze": {
        column.width = 34;
        const prompt = `Een of meer van: ${q.options.join("; ")}. Scheid met ;`;
        validations(ws).add(range, {
          type: "any" as ExcelJS.DataValidation["type"],
          formulae: [],
          allowBlank: true,
          showInputMessage: true,
          promptTitle: clip(`${q.code}: meerdere keuzes`, 32),
          prompt: prompt.length <= MAX_PROMPT ? prompt : `${clip(`Een of meer van: ${q.options.join("; ")}`, MAX_PROMPT - 40)} (zie de opmerking). Scheid met ;`,
        });
        break;
      }
      case "getal":
        column.width = 12;
        validations(ws).add(range, {
          type: "whole",
          operator: "greaterThanOrEqual",
          formulae: [0],
          allowBlank: true,
          showErrorMessage: true,
          errorStyle: "warning",
          errorTitle: "Geen geheel getal",
          error: "Vul een geheel getal van 0 of meer in.",
        });
        break;
      case "tekst":
        column.width = 34;
        break;
    }
  });
  freeze(ws, 1, KEY_COLUMNS.length);
  return ws;
}

export function addContextSheet(wb: ExcelJS.Workbook, data: CellValue[][] = [[...CONTEXT_COLUMNS]]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(CONTEXT_SHEET);
  data.forEach((r, i) => setRow(ws, i + 1, r));
  styleHeaderRow(ws, 1, 1, Math.max(CONTEXT_COLUMNS.length, data[0]?.length ?? 0));
  const widths: Record<string, number> = { Gemeente: 18, Aanpak: 28, Inwoners: 12, Meerpersoonshuishoudens: 14, Peildatum: 16, Beschrijving: 90, "Aantal gezinnen": 12 };
  (data[0] ?? []).forEach((h, i) => {
    const w = widths[cellText(h)];
    ws.getColumn(i + 1).width = w ?? 20;
    if (cellText(h) === "Beschrijving") ws.getColumn(i + 1).alignment = { wrapText: true, vertical: "top" };
  });
  for (let r = 2; r <= data.length; r++) ws.getRow(r).alignment = { vertical: "top", wrapText: true };
  const notes: Record<string, string> = {
    Gemeente: "Eén rij per gemeente met Aanpak leeg (CBS-cijfers en context), en één rij per aanpak met Aanpak ingevuld.",
    Aanpak: "Leeg voor de rij van de gemeente; de naam van de aanpak (zoals in Antwoorden) voor de rij van een aanpak.",
    Peildatum: "Bijvoorbeeld 'januari 2012'.",
    Beschrijving: "Context van de gemeente, of beschrijving van de aanpak.",
  };
  (data[0] ?? []).forEach((h, i) => {
    const n = notes[cellText(h)];
    if (n) note(ws.getCell(1, i + 1), cellText(h), n);
  });
  freeze(ws, 1);
  return ws;
}

const FRAMEWORK_WIDTHS = [16, 30, 28, 9, 40, 16, 50, 24, 11, 30, 24, 12, 12, 10, 40, 40];

export function addFrameworkSheet(wb: ExcelJS.Workbook, data: CellValue[][], lists?: Lists): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(FRAMEWORK_SHEET);
  data.forEach((r, i) => setRow(ws, i + 1, r));
  ws.getRow(1).font = { bold: true, size: 13 };
  styleHeaderRow(ws, 2, 1, FRAMEWORK_HEADER.length);
  FRAMEWORK_WIDTHS.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  for (let r = 3; r <= data.length; r++) ws.getRow(r).alignment = { wrapText: true, vertical: "top" };
  if (lists) {
    const last = data.length + 50;
    const drop = (col: number, title: string, options: string[]) =>
      validations(ws).add(columnRange(ws, col, 3, last), listValidation(lists.formula(title, options), `Kies uit: ${options.join(", ")}.`, false));
    drop(9, "Type", ["janee", "keuze", "meerkeuze", "tekst", "getal"]);
    drop(12, "Regel", ["consensus", "gemeente", "gelijk", "dekking", "geen"]);
    drop(13, "Drempel", ["meerderheid", "tweederde", "unaniem", "een"]);
    drop(14, "Gewicht", ["vereist", "letop"]);
  }
  freeze(ws, 2);
  return ws;
}

export function addOverridesSheet(wb: ExcelJS.Workbook, fw: Framework, lists: Lists, data: CellValue[][] = [[...OVERRIDE_COLUMNS]]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(OVERRIDES_SHEET);
  data.forEach((r, i) => setRow(ws, i + 1, r));
  styleHeaderRow(ws, 1, 1, Math.max(OVERRIDE_COLUMNS.length, data[0]?.length ?? 0));
  const widths: Record<string, number> = { Gemeente: 18, Aanpak: 28, Indicator: 10, Oordeel: 22, Tekst: 60, Reden: 50, Door: 16, Datum: 12 };
  const notes: Record<string, string> = {
    Indicator: "De code van de indicator, bijvoorbeeld AP9.",
    Oordeel: "voldoet, verbeterpunt of onvoldoende informatie; leeg laten om alleen de tekst aan te passen.",
    Tekst: "Vervangt de bevinding (zonder ✓/✗; dat volgt uit het oordeel). Leeg laten om alleen het oordeel aan te passen.",
    Reden: "Verplicht: waarom wijkt u af van het berekende oordeel of de berekende tekst?",
    Datum: "Bijvoorbeeld 2024-03-01.",
  };
  const last = Math.max(TEMPLATE_ROWS, data.length) + 1;
  (data[0] ?? []).forEach((h, i) => {
    const name = cellText(h);
    ws.getColumn(i + 1).width = widths[name] ?? 18;
    if (notes[name]) note(ws.getCell(1, i + 1), name, notes[name]);
    if (name === "Indicator") {
      const codes = indicatorPlaces(fw).map((p) => p.indicator.code);
      validations(ws).add(columnRange(ws, i + 1, 2, last), listValidation(lists.formula("Indicator", codes), "Kies een indicatorcode uit het toetsingskader."));
    }
    if (name === "Oordeel") {
      validations(ws).add(columnRange(ws, i + 1, 2, last), listValidation(lists.formula("Oordeel", Object.values(VERDICT_TEXT)), "Kies voldoet, verbeterpunt of onvoldoende informatie.", false));
    }
    if (name === "Datum") ws.getColumn(i + 1).numFmt = "yyyy-mm-dd";
    if (name === "Tekst" || name === "Reden") ws.getColumn(i + 1).alignment = { wrapText: true, vertical: "top" };
  });
  freeze(ws, 1);
  return ws;
}

// ---------------------------------------------------------------------------------------------
// Template and example
// ---------------------------------------------------------------------------------------------

function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "STJ Toets";
  wb.created = new Date();
  return wb;
}

/** The empty answers workbook: Antwoorden, Context, Toetsingskader, Aanpassingen (and the hidden Lijsten when needed). */
export function writeTemplate(fw: Framework): ExcelJS.Workbook {
  return writeStudyWorkbook(fw, {});
}

/**
 * A study workbook: Antwoorden (with `answers` rows, header included, or only the header), Context,
 * Toetsingskader (frameworkToSheet(fw)) and Aanpassingen, styled as the template.
 */
export function writeStudyWorkbook(fw: Framework, data: { answers?: CellValue[][]; context?: CellValue[][]; overrides?: CellValue[][] }): ExcelJS.Workbook {
  const wb = newWorkbook();
  const lists = new Lists(wb);
  addAnswersSheet(wb, fw, lists, data.answers ?? []);
  addContextSheet(wb, data.context);
  addFrameworkSheet(wb, frameworkToSheet(fw), lists);
  addOverridesSheet(wb, fw, lists, data.overrides);
  lists.finish();
  return wb;
}

// ---------------------------------------------------------------------------------------------
// Scored workbook
// ---------------------------------------------------------------------------------------------

/** Writes SheetData values (at their origin) and merges into a new sheet; bold header on the first non-empty row. */
export function addSheetData(wb: ExcelJS.Workbook, name: string, sheet: SheetData): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  const r0 = sheet.origin?.row ?? 0;
  const c0 = sheet.origin?.col ?? 0;
  const widths: number[] = [];
  sheet.values.forEach((row, r) =>
    (row ?? []).forEach((v, c) => {
      setCell(ws.getCell(r0 + r + 1, c0 + c + 1), v);
      const len = v instanceof Date ? 10 : cellText(v).length;
      widths[c0 + c] = Math.max(widths[c0 + c] ?? 8, Math.min(50, len + 2));
    }),
  );
  const headerIndex = sheet.values.findIndex((row) => row?.some((v) => v !== null && v !== undefined && v !== ""));
  if (headerIndex >= 0) ws.getRow(r0 + headerIndex + 1).font = { bold: true };
  widths.forEach((w, c) => {
    if (w) ws.getColumn(c + 1).width = w;
  });
  for (const m of sheet.merges ?? []) {
    const b = parseRange(m);
    if (!b || (b.top === b.bottom && b.left === b.right)) continue;
    try {
      ws.mergeCells(b.top + 1, b.left + 1, b.bottom + 1, b.right + 1);
    } catch {
      // Overlapping merges cannot be recreated; the values are kept.
    }
  }
  return ws;
}

export interface ScoredInput {
  framework: Framework;
  /** The sheets as read (their values are copied). Missing Context/Toetsingskader/Aanpassingen get a default. */
  sheets: { answers: SheetData | null; context?: SheetData; framework?: SheetData; overrides?: SheetData };
  results: ApproachResult[];
  issues: Issue[];
  contexts: GemeenteContext[];
  /** Write a factsheet sheet per gemeente (default true). Large studies may leave them out. */
  factsheets?: boolean;
  /** Month and year on the factsheets and the overview, e.g. "november 2026"; default the current month. */
  month?: string;
  /**
   * The analyst's own sheets of the input workbook (see `sheetsToKeep` in keep.ts): copied unchanged
   * after the sheets STJ Toets writes. Factsheet names avoid their names.
   */
  keepSheets?: readonly ExcelJS.Worksheet[];
}

export { RESULT_COLUMNS, verdictLabel } from "../layout/results";

function addResultsSheet(wb: ExcelJS.Workbook, results: ApproachResult[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(RESULTS_SHEET);
  setRow(ws, 1, [...RESULT_COLUMNS]);
  styleHeaderRow(ws, 1, 1, RESULT_COLUMNS.length);
  RESULT_WIDTHS.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  RESULT_COLUMNS.forEach((name, i) => {
    if (RESULT_WRAP.includes(name)) ws.getColumn(i + 1).alignment = { wrapText: true, vertical: "top" };
    else ws.getColumn(i + 1).alignment = { vertical: "top" };
  });
  ws.getColumn(9).numFmt = "0.00";
  let row = 2;
  for (const a of results) {
    const indicators = a.indicators; // built anew on each read: once per approach
    resultRows(a).forEach((values, i) => {
      setRow(ws, row, values);
      const verdict = indicators[i].verdict;
      const v = ws.getCell(row, 7);
      v.fill = FILL[verdict];
      v.font = { bold: true, color: { argb: FONT_COLOUR[verdict] } };
      row++;
    });
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, row - 1), column: RESULT_COLUMNS.length } };
  freeze(ws, 1, 0);
  note(ws.getCell(1, 9), "Spreiding", "0 = iedereen is het eens, 1 = maximaal verdeeld (over echte antwoorden; weet niet telt niet mee). Leeg bij minder dan twee antwoorden.");
  note(ws.getCell(1, 13), "Aangepast", "ja = het oordeel of de tekst is aangepast op het blad Aanpassingen; de reden staat bij Redenen.");
  return ws;
}

function addAgreementSheet(wb: ExcelJS.Workbook, results: ApproachResult[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(AGREEMENT_SHEET);
  const header = ["Gemeente", "Aanpak", "Items", "Beoordelaars", "Overeenstemming", "AC1", "Alpha"];
  setRow(ws, 1, header);
  styleHeaderRow(ws, 1, 1, header.length);
  [14, 28, 8, 13, 16, 8, 8].forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  results.forEach((a, i) => {
    const g = a.agreement;
    setRow(ws, i + 2, [a.gemeente, a.approach, g.items, g.raters, g.percent, g.ac1 === null ? null : g.ac1, g.alpha === null ? null : g.alpha]);
  });
  ws.getColumn(5).numFmt = "0%";
  ws.getColumn(6).numFmt = "0.00";
  ws.getColumn(7).numFmt = "0.00";
  note(ws.getCell(1, 3), "Items", "Gedeelde ja/nee-vragen (consensus) met minstens twee echte antwoorden.");
  note(ws.getCell(1, 4), "Beoordelaars", "De gemeente en de netwerkpartners (documenten tellen niet mee).");
  note(ws.getCell(1, 5), "Overeenstemming", "Gemiddeld aandeel paren ondervraagden dat hetzelfde antwoordt.");
  note(ws.getCell(1, 6), "AC1", "Gwet's AC1: overeenstemming gecorrigeerd voor toeval; 1 = volledig eens.");
  note(ws.getCell(1, 7), "Alpha", "Krippendorffs alpha (nominaal); 1 = volledig eens, 0 = niet beter dan toeval. Leeg als alle antwoorden gelijk zijn.");
  freeze(ws, 1);
  return ws;
}

/** The message without its "Blad!Cel: " prefix (the Controle sheet has columns for those). */
export function issueText(i: Issue): string {
  const where = i.cell ? `${i.sheet}!${i.cell}: ` : `${i.sheet}: `;
  return i.message.startsWith(where) ? i.message.slice(where.length) : i.message;
}

function addCheckSheet(wb: ExcelJS.Workbook, issues: Issue[]): ExcelJS.Worksheet {
  // The cell is plain text, not a hyperlink: ExcelJS's internal links are written in a form that
  // Google Sheets and WPS do not follow (exceljs issues #1676, #3027). Ctrl+G + the address works everywhere.
  const ws = wb.addWorksheet(CHECK_SHEET);
  const header = ["Ernst", "Blad", "Cel", "Melding"];
  setRow(ws, 1, header);
  styleHeaderRow(ws, 1, 1, header.length);
  [14, 16, 10, 120].forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  ws.getColumn(4).alignment = { wrapText: true, vertical: "top" };
  if (issues.length === 0) {
    setRow(ws, 2, ["", "", "", "Geen meldingen: alle bladen zijn zonder fouten of waarschuwingen gelezen."]);
  }
  issues.forEach((i, n) => {
    const row = n + 2;
    setRow(ws, row, [i.severity, i.sheet, i.cell, issueText(i)]);
    ws.getCell(row, 1).fill = i.severity === "fout" ? FILL.verbeterpunt : FILL.onvoldoende;
  });
  if (issues.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: issues.length + 1, column: header.length } };
  freeze(ws, 1);
  return ws;
}

/**
 * The scored workbook: the input sheets (values), Resultaten, Overeenstemming, Controle, the
 * overview Overzicht and one factsheet per gemeente (src/layout). Opens on Resultaten.
 */
export function writeScored(input: ScoredInput): ExcelJS.Workbook {
  const wb = newWorkbook();
  const lists = new Lists(wb);
  const { sheets, framework: fw } = input;
  if (sheets.answers) addSheetData(wb, ANSWERS_SHEET, sheets.answers);
  if (sheets.context) addSheetData(wb, CONTEXT_SHEET, sheets.context);
  else addContextSheet(wb);
  if (sheets.framework) addSheetData(wb, FRAMEWORK_SHEET, sheets.framework);
  else addFrameworkSheet(wb, frameworkToSheet(fw), lists);
  if (sheets.overrides) addSheetData(wb, OVERRIDES_SHEET, sheets.overrides);
  else addOverridesSheet(wb, fw, lists);

  const results = addResultsSheet(wb, input.results);
  addAgreementSheet(wb, input.results);
  addCheckSheet(wb, input.issues);
  const keep = input.keepSheets ?? [];
  const taken = wb.worksheets.map((w) => w.name).concat(LISTS_SHEET, ...keep.map((w) => w.name));
  // The overview "Overzicht" and one factsheet per gemeente, from the layout model (src/layout).
  for (const layout of studyLayouts(input.results, { framework: fw, contexts: input.contexts, month: input.month, takenNames: taken, factsheets: input.factsheets !== false }))
    renderLayout(wb, layout);
  // Record which sheets STJ Toets wrote, so the next run replaces exactly those and keeps the rest.
  wb.description = generatedSheetsNote(wb.worksheets.map((w) => w.name).concat(LISTS_SHEET));
  for (const ws of keep) copyWorksheet(ws, wb);
  lists.finish();
  const active = wb.worksheets.indexOf(results);
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: active, visibility: "visible" }];
  const view = (results.views[0] ?? {}) as Partial<ExcelJS.WorksheetView> & { tabSelected?: boolean };
  results.views = [{ ...view, tabSelected: true } as unknown as ExcelJS.WorksheetView];
  return wb;
}

/** The workbook as .xlsx bytes. */
export async function workbookBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  const data = await wb.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}
