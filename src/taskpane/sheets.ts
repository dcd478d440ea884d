/**
 * What the task pane writes into the workbook, as {@link SheetSpec}s: the study sheets (Antwoorden with
 * dropdowns, Context, Toetsingskader, Aanpassingen, the hidden Lijsten) and the output sheets
 * (Resultaten, Overeenstemming, Controle). Equivalent to what the command line writes with ExcelJS
 * (src/xlsx/write.ts: same names, columns, dropdowns, widths and verdict colours); test/taskpane checks
 * the constants against it. Pure: no Office, no DOM, no ExcelJS (which would end up in the pane's
 * main bundle).
 *
 * Every text cell gets the number format "@" (Text) before its value is written: Excel parses a text
 * written through the API like typed input, so without it "=1+1" would become a formula and "1-2" a date.
 */
import {
  allQuestions,
  cellAddress,
  cellText,
  columnLetter,
  CONTEXT_COLUMNS,
  findIndicator,
  frameworkToSheet,
  FRAMEWORK_HEADER,
  indicatorPlaces,
  KEY_COLUMNS,
  labelKey,
  OVERRIDE_COLUMNS,
  SYMBOL,
  VERDICT_TEXT,
} from "../scoring";
import type { ApproachResult, CellValue, Framework, Issue, Override, Question, Verdict } from "../scoring";
import { RESULT_COLUMNS, RESULT_WIDTHS, RESULT_WRAP } from "../layout/results";
import { AGREEMENT_SHEET, ANSWERS_SHEET, CHECK_SHEET, CONTEXT_SHEET, FRAMEWORK_SHEET, LISTS_SHEET, OVERRIDES_SHEET, RESULTS_SHEET } from "../layout/sheets";
import type { SheetSpec, SheetSummary, TextColourSpec, ValidationSpec } from "./port";

export { ANSWERS_SHEET, CONTEXT_SHEET, FRAMEWORK_SHEET, OVERRIDES_SHEET, LISTS_SHEET, RESULTS_SHEET, AGREEMENT_SHEET, CHECK_SHEET };
/** The sheets the analyst fills in, in workbook order. */
export const INPUT_SHEETS = [ANSWERS_SHEET, CONTEXT_SHEET, FRAMEWORK_SHEET, OVERRIDES_SHEET] as const;
/** The sheets the pane writes when scoring. */
export const OUTPUT_SHEETS = [RESULTS_SHEET, AGREEMENT_SHEET, CHECK_SHEET] as const;

/** Rows below the header that get dropdowns (as the command line's template). */
export const TEMPLATE_ROWS = 500;
export const JANEE_OPTIONS = ["ja", "nee", "deels", "weet niet"];
export const ROLE_OPTIONS = ["gemeente", "netwerkpartner", "document"];
/** Excel's limit for a list typed into a data validation (the formula, quotes included). */
export const MAX_LIST_FORMULA = 255;
/** Excel's limit for an input or error message. */
export const MAX_PROMPT = 255;

export const TEXT = "@";
export const GENERAL = "General";
export const DATE_FORMAT = "yyyy-mm-dd";

export const HEADER_FILL = "#D9E1F2";
export const VERDICT_FILL: Record<Verdict, { fill: string; font: string }> = {
  voldoet: { fill: "#C6EFCE", font: "#006100" },
  verbeterpunt: { fill: "#FFC7CE", font: "#9C0006" },
  onvoldoende: { fill: "#FFEB9C", font: "#9C5700" },
};

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/** The number format for a value: text "@", dates a date format, numbers and booleans General. */
export function formatFor(v: CellValue, numberFormat = GENERAL): string {
  if (typeof v === "string") return TEXT;
  if (v instanceof Date) return DATE_FORMAT;
  if (typeof v === "number") return numberFormat;
  if (v && typeof v === "object") return TEXT; // an error value is written as its text
  return GENERAL;
}

function formatsOf(values: CellValue[][], numberFormats: Record<number, string> = {}): string[][] {
  return values.map((row) => row.map((v, c) => formatFor(v, numberFormats[c])));
}

function colRange(col: number, fromRow: number, toRow: number): string {
  const l = columnLetter(col);
  return `${l}${fromRow}:${l}${toRow}`;
}

/** Pads rows to the same width so a rectangular range can be written at once. */
export function rectangular(values: CellValue[][]): CellValue[][] {
  let width = 0;
  for (const r of values) if (r.length > width) width = r.length;
  return values.map((r) => (r.length === width ? r : [...r, ...Array<CellValue>(width - r.length).fill(null)]));
}

// ---------------------------------------------------------------------------------------------
// Dropdown lists
// ---------------------------------------------------------------------------------------------

/**
 * Every dropdown list of the study sheets, with the formula a validation uses: inline ("ja,nee") when
 * it fits, else a column of the hidden sheet "Lijsten". The columns of "Lijsten" follow from the
 * framework alone, always in the same order, so rewriting "Lijsten" never breaks a dropdown that
 * an earlier setup made.
 */
export class StudyLists {
  private readonly formulas = new Map<string, string>();
  private readonly columns: { title: string; options: string[] }[] = [];

  constructor(readonly framework: Framework) {
    this.define("Rol", ROLE_OPTIONS);
    for (const q of allQuestions(framework)) {
      if (q.type === "janee") this.define(q.code, JANEE_OPTIONS);
      else if (q.type === "keuze") this.define(q.code, [...q.options, "weet niet"]);
    }
    this.define("Type", ["janee", "keuze", "meerkeuze", "tekst", "getal"]);
    this.define("Regel", ["consensus", "gemeente", "gelijk", "dekking", "geen"]);
    this.define("Drempel", ["meerderheid", "tweederde", "unaniem", "een"]);
    this.define("Gewicht", ["vereist", "letop"]);
    this.define("Indicator", indicatorPlaces(framework).map((p) => p.indicator.code));
    this.define("Oordeel", Object.values(VERDICT_TEXT));
  }

  private define(title: string, options: readonly string[]): void {
    const inline = options.join(",");
    // The same rule as the command line: the quoted list must fit, and no option may hold a comma or quote.
    const fits = inline.length + 2 <= MAX_LIST_FORMULA && !options.some((o) => o.includes(",") || o.includes('"'));
    if (fits) {
      this.formulas.set(title, inline);
      return;
    }
    const col = this.columns.length;
    this.columns.push({ title, options: [...options] });
    const l = columnLetter(col);
    this.formulas.set(title, `=${LISTS_SHEET}!$${l}$2:$${l}$${options.length + 1}`);
  }

  /** The list formula for a dropdown titled so (a question code, "Rol", "Oordeel", …). */
  formula(title: string): string {
    const f = this.formulas.get(title);
    if (f === undefined) throw new Error(`no list '${title}'`);
    return f;
  }

  /** The hidden "Lijsten" sheet; null when every list fits inline. */
  spec(): SheetSpec | null {
    if (this.columns.length === 0) return null;
    const height = Math.max(...this.columns.map((c) => c.options.length)) + 1;
    const values: CellValue[][] = [];
    for (let r = 0; r < height; r++) values.push(this.columns.map((c) => (r === 0 ? c.title : (c.options[r - 1] ?? null))));
    return {
      name: LISTS_SHEET,
      values,
      formats: formatsOf(values),
      headerRows: [1],
      widths: this.columns.map((c) => Math.min(60, Math.max(12, ...c.options.map((o) => o.length + 2)))),
      hidden: true,
    };
  }
}

function listValidation(range: string, list: string, message: string, allowOther = true): ValidationSpec {
  // A warning, not a stop, for answers: pasted variants ("Ja", "gedeeltelijk") are allowed and checked by the tool.
  return { range, list, alert: { style: allowOther ? "warning" : "stop", title: "Onbekend antwoord", message: clip(message, MAX_PROMPT) } };
}

// ---------------------------------------------------------------------------------------------
// Input sheets
// ---------------------------------------------------------------------------------------------

const KEY_PROMPTS: Record<(typeof KEY_COLUMNS)[number], string> = {
  Gemeente: "De naam van de gemeente, bijvoorbeeld Emmen.",
  Aanpak: "De naam van de aanpak, voor alle respondenten van dezelfde aanpak precies gelijk geschreven.",
  Respondent: "De organisatie die antwoordt, bijvoorbeeld CJG Rijnmond; uniek binnen de aanpak.",
  Rol: "gemeente (één rij per aanpak), netwerkpartner (hoogstens drie) of document (de documenten van de gemeente).",
};

/** The default header of Antwoorden: the key columns and every question code. */
export function answersHeader(fw: Framework): string[] {
  return [...KEY_COLUMNS, ...allQuestions(fw).map((q) => q.code)];
}

/**
 * "Antwoorden": the header (given with the data, or the key columns and every question code), the
 * data rows, and for {@link TEMPLATE_ROWS} rows (or as many as there is data) the dropdowns and
 * input messages per column; header and key columns frozen.
 */
export function answersSpec(fw: Framework, lists: StudyLists, data: CellValue[][] = []): SheetSpec {
  const header: CellValue[] = data.length > 0 ? data[0] : answersHeader(fw);
  const values = rectangular([header, ...data.slice(1)]);
  const last = Math.max(TEMPLATE_ROWS, values.length - 1) + 1;
  const byCode = new Map(allQuestions(fw).map((q) => [labelKey(q.code), q]));
  const widths: number[] = [];
  const validations: ValidationSpec[] = [];
  const blank: string[] = [];
  header.forEach((h, col) => {
    const text = cellText(h);
    const key = KEY_COLUMNS.find((k) => labelKey(k) === labelKey(text));
    blank.push(TEXT);
    if (key) {
      widths.push(key === "Rol" ? 16 : 22);
      const range = colRange(col, 2, last);
      if (key === "Rol") validations.push({ ...listValidation(range, lists.formula("Rol"), "Kies gemeente, netwerkpartner of document.", false), prompt: { title: "Rol", message: KEY_PROMPTS.Rol } });
      else validations.push({ range, prompt: { title: key, message: KEY_PROMPTS[key] } });
      return;
    }
    const q = byCode.get(labelKey(text));
    if (!q) {
      widths.push(30);
      return;
    }
    const range = colRange(col, 2, last);
    const prompt = { title: clip(q.code, 32), message: clip(questionPrompt(q), MAX_PROMPT) };
    switch (q.type) {
      case "janee":
        widths.push(Math.max(12, q.code.length + 3));
        validations.push({ ...listValidation(range, lists.formula(q.code), "Kies ja, nee, deels of weet niet."), prompt });
        break;
      case "keuze":
        widths.push(30);
        validations.push({ ...listValidation(range, lists.formula(q.code), `Kies een van: ${q.options.join("; ")}.`), prompt });
        break;
      case "meerkeuze":
        widths.push(34);
        validations.push({ range, prompt: { title: clip(`${q.code}: meerdere keuzes`, 32), message: clip(`Een of meer van: ${q.options.join("; ")}. Scheid met ;`, MAX_PROMPT) } });
        break;
      case "getal":
        widths.push(12);
        blank[col] = GENERAL;
        validations.push({
          range,
          wholeNumberAtLeast: 0,
          prompt,
          alert: { style: "warning", title: "Geen geheel getal", message: "Vul een geheel getal van 0 of meer in." },
        });
        break;
      case "tekst":
        widths.push(34);
        validations.push({ range, prompt });
        break;
    }
  });
  return {
    name: ANSWERS_SHEET,
    values,
    formats: formatsOf(values),
    blankFormats: { toRow: last, formats: blank },
    headerRows: [1],
    widths,
    freeze: { rows: 1, columns: KEY_COLUMNS.length },
    validations,
  };
}

/** The input message of a question's answer cells: the question, who is asked, what to answer. */
export function questionPrompt(q: Question): string {
  const answer =
    q.type === "janee"
      ? "ja, nee, deels of weet niet"
      : q.type === "keuze"
        ? `één van: ${q.options.join("; ")}`
        : q.type === "meerkeuze"
          ? `een of meer van: ${q.options.join("; ")}`
          : q.type === "getal"
            ? "een geheel getal"
            : "vrije tekst";
  return `${q.text} (gevraagd aan: ${q.roles.join(", ")}). Antwoord: ${answer}.`;
}

export function contextSpec(data: CellValue[][] = [[...CONTEXT_COLUMNS]]): SheetSpec {
  const values = rectangular(data.length > 0 ? data : [[...CONTEXT_COLUMNS]]);
  const widthOf: Record<string, number> = { Gemeente: 18, Aanpak: 28, Inwoners: 12, Meerpersoonshuishoudens: 14, Peildatum: 16, Beschrijving: 90, "Aantal gezinnen": 12 };
  const header = values[0];
  const wrap = header.map((h, i) => (cellText(h) === "Beschrijving" ? i : -1)).filter((i) => i >= 0);
  return {
    name: CONTEXT_SHEET,
    values,
    formats: formatsOf(values),
    blankFormats: { toRow: Math.max(values.length, 100), formats: header.map((h) => (["Inwoners", "Meerpersoonshuishoudens", "Aantal gezinnen"].includes(cellText(h)) ? GENERAL : TEXT)) },
    headerRows: [1],
    widths: header.map((h) => widthOf[cellText(h)] ?? 20),
    wrap,
    freeze: { rows: 1, columns: 0 },
  };
}

const FRAMEWORK_WIDTHS = [16, 30, 28, 9, 40, 16, 50, 24, 11, 30, 24, 12, 12, 10, 40, 40];

export function frameworkSpec(fw: Framework, lists: StudyLists): SheetSpec {
  const values = rectangular(frameworkToSheet(fw));
  const last = values.length + 50;
  const drop = (col: number, title: string): ValidationSpec => {
    const list = lists.formula(title);
    return listValidation(colRange(col, 3, last), list, `Kies uit: ${list.startsWith("=") ? "de lijst" : list.split(",").join(", ")}.`, false);
  };
  return {
    name: FRAMEWORK_SHEET,
    values,
    formats: formatsOf(values),
    title: true,
    headerRows: [2],
    widths: FRAMEWORK_WIDTHS,
    wrap: FRAMEWORK_HEADER.map((_, i) => i),
    freeze: { rows: 2, columns: 0 },
    validations: [drop(8, "Type"), drop(11, "Regel"), drop(12, "Drempel"), drop(13, "Gewicht")],
  };
}

export function overridesSpec(lists: StudyLists, data: CellValue[][] = [[...OVERRIDE_COLUMNS]]): SheetSpec {
  const values = rectangular(data.length > 0 ? data : [[...OVERRIDE_COLUMNS]]);
  const header = values[0];
  const widthOf: Record<string, number> = { Gemeente: 18, Aanpak: 28, Indicator: 10, Oordeel: 22, Tekst: 60, Reden: 50, Door: 16, Datum: 18 };
  const last = Math.max(TEMPLATE_ROWS, values.length) + 1;
  const validations: ValidationSpec[] = [];
  const wrap: number[] = [];
  header.forEach((h, i) => {
    const name = cellText(h);
    if (name === "Indicator") validations.push(listValidation(colRange(i, 2, last), lists.formula("Indicator"), "Kies een indicatorcode uit het toetsingskader."));
    if (name === "Oordeel") validations.push(listValidation(colRange(i, 2, last), lists.formula("Oordeel"), "Kies voldoet, verbeterpunt of onvoldoende informatie.", false));
    if (name === "Reden") validations.push({ range: colRange(i, 2, last), prompt: { title: "Reden", message: "Verplicht: waarom wijkt u af van het berekende oordeel of de berekende tekst?" } });
    if (name === "Tekst" || name === "Reden") wrap.push(i);
  });
  return {
    name: OVERRIDES_SHEET,
    values,
    formats: formatsOf(values),
    blankFormats: { toRow: last, formats: header.map(() => TEXT) },
    headerRows: [1],
    widths: header.map((h) => widthOf[cellText(h)] ?? 18),
    wrap,
    freeze: { rows: 1, columns: 0 },
    validations,
  };
}

// ---------------------------------------------------------------------------------------------
// Output sheets
// ---------------------------------------------------------------------------------------------

export { RESULT_COLUMNS, RESULT_WIDTHS, verdictLabel, resultRows } from "../layout/results";
const VERDICT_COLUMN = RESULT_COLUMNS.indexOf("Oordeel");
const SPREAD_COLUMN = RESULT_COLUMNS.indexOf("Spreiding");

/** Verdict colours for a column of "✓ voldoet" / "✗ verbeterpunt" / "? onvoldoende informatie". */
function verdictColours(col: number, rows: number): TextColourSpec[] {
  if (rows === 0) return [];
  const l = columnLetter(col);
  return [
    {
      range: `${l}2:${l}${rows + 1}`,
      bold: true,
      rules: (Object.keys(VERDICT_FILL) as Verdict[]).map((v) => ({ beginsWith: SYMBOL[v], ...VERDICT_FILL[v] })),
    },
  ];
}

/** "Resultaten" from rows made with {@link resultRows}. */
export function resultsSpec(rows: CellValue[][]): SheetSpec {
  const values = [[...RESULT_COLUMNS] as CellValue[], ...rows];
  return {
    name: RESULTS_SHEET,
    values,
    formats: formatsOf(values, { [SPREAD_COLUMN]: "0.00" }),
    headerRows: [1],
    widths: RESULT_WIDTHS,
    wrap: RESULT_COLUMNS.map((c, i) => (RESULT_WRAP.includes(c) ? i : -1)).filter((i) => i >= 0),
    freeze: { rows: 1, columns: 0 },
    textColours: verdictColours(VERDICT_COLUMN, rows.length),
    autoFilter: rows.length > 0,
    activate: true,
  };
}

export const AGREEMENT_COLUMNS = ["Gemeente", "Aanpak", "Items", "Beoordelaars", "Overeenstemming", "AC1", "Alpha"] as const;

export function agreementSpec(results: readonly ApproachResult[]): SheetSpec {
  const values: CellValue[][] = [
    [...AGREEMENT_COLUMNS],
    ...results.map((a) => {
      const g = a.agreement;
      return [a.gemeente, a.approach, g.items, g.raters, g.percent, g.ac1, g.alpha];
    }),
  ];
  return {
    name: AGREEMENT_SHEET,
    values,
    formats: formatsOf(values, { 4: "0%", 5: "0.00", 6: "0.00" }),
    headerRows: [1],
    widths: [14, 28, 8, 13, 16, 8, 8],
    freeze: { rows: 1, columns: 0 },
  };
}

/** The message without its "Blad!Cel: " prefix (the Controle sheet has columns for those). */
export function issueText(i: Issue): string {
  const where = i.cell ? `${i.sheet}!${i.cell}: ` : `${i.sheet}: `;
  return i.message.startsWith(where) ? i.message.slice(where.length) : i.message;
}

export const CHECK_COLUMNS = ["Ernst", "Blad", "Cel", "Melding"] as const;

export function checkSpec(issues: readonly Issue[]): SheetSpec {
  const rows: CellValue[][] =
    issues.length === 0 ? [["", "", "", "Geen meldingen: alle bladen zijn zonder fouten of waarschuwingen gelezen."]] : issues.map((i) => [i.severity, i.sheet, i.cell, issueText(i)]);
  const values = [[...CHECK_COLUMNS] as CellValue[], ...rows];
  return {
    name: CHECK_SHEET,
    values,
    formats: formatsOf(values),
    headerRows: [1],
    widths: [14, 16, 10, 120],
    wrap: [3],
    freeze: { rows: 1, columns: 0 },
    textColours:
      issues.length === 0
        ? []
        : [
            {
              range: `A2:A${rows.length + 1}`,
              rules: [
                { beginsWith: "fout", ...VERDICT_FILL.verbeterpunt },
                { beginsWith: "waarschuwing", ...VERDICT_FILL.onvoldoende },
              ],
            },
          ],
    autoFilter: issues.length > 0,
  };
}

// ---------------------------------------------------------------------------------------------
// Which sheets are ours
// ---------------------------------------------------------------------------------------------

/** The sheet of this name in the summary (case-insensitive, as Excel compares names). */
export function findSheet(sheets: readonly SheetSummary[], name: string): SheetSummary | undefined {
  const k = name.toLocaleLowerCase("nl");
  return sheets.find((s) => s.name.toLocaleLowerCase("nl") === k);
}

/**
 * Whether an existing sheet may be replaced without asking: it is empty, or its first row is the
 * header this spec writes (a sheet the pane or the command line wrote earlier). Anything else is the
 * analyst's and needs an explicit yes.
 */
export function replaceableWithoutAsking(existing: SheetSummary | undefined, spec: Pick<SheetSpec, "values">): boolean {
  if (!existing || existing.rows === 0) return true;
  const want = (spec.values[0] ?? []).map((v) => labelKey(cellText(v)));
  const have = (existing.header ?? []).map((v) => labelKey(cellText(v)));
  while (have.length > 0 && have[have.length - 1] === "") have.pop();
  while (want.length > 0 && want[want.length - 1] === "") want.pop();
  return want.length > 0 && want.length === have.length && want.every((w, i) => w === have[i]);
}

// ---------------------------------------------------------------------------------------------
// Overrides
// ---------------------------------------------------------------------------------------------

/** Local date and time as "2026-03-01 14:05" (readOverrides reads it back as a date). */
export function overrideDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

function sameOverride(row: CellValue[], idx: Map<string, number>, o: Pick<Override, "gemeente" | "approach" | "indicator">): boolean {
  const get = (k: string) => labelKey(cellText(row[idx.get(k)!]));
  return get("Gemeente") === labelKey(o.gemeente) && get("Aanpak") === labelKey(o.approach) && get("Indicator") === labelKey(o.indicator);
}

/** The header positions of the Aanpassingen columns; missing columns are appended to the header. */
function overrideColumns(values: CellValue[][]): { values: CellValue[][]; idx: Map<string, number> } {
  const out = values.length > 0 && values[0].some((v) => cellText(v) !== "") ? values.map((r) => [...r]) : [[...OVERRIDE_COLUMNS] as CellValue[]];
  const header = out[0];
  const idx = new Map<string, number>();
  for (const col of OVERRIDE_COLUMNS) {
    let i = header.findIndex((h) => labelKey(cellText(h)) === labelKey(col));
    if (i < 0) {
      i = header.length;
      header.push(col);
    }
    idx.set(col, i);
  }
  return { values: out, idx };
}

/**
 * The Aanpassingen values with this override in place: the row for the same gemeente, aanpak and
 * indicator is replaced (only in the known columns; other columns of the analyst stay), else a row
 * is appended. Other rows, valid or not, are kept as they are.
 */
export function upsertOverride(values: CellValue[][], o: Override): CellValue[][] {
  const { values: out, idx } = overrideColumns(values);
  const cells: Record<string, CellValue> = {
    Gemeente: o.gemeente,
    Aanpak: o.approach,
    Indicator: o.indicator,
    Oordeel: o.verdict ? VERDICT_TEXT[o.verdict] : "",
    Tekst: o.text ?? "",
    Reden: o.reason,
    Door: o.author ?? "",
    Datum: o.date ?? "",
  };
  let row = out.findIndex((r, i) => i > 0 && sameOverride(r, idx, o));
  if (row < 0) {
    // Reuse the first empty row below the header, else append.
    row = out.findIndex((r, i) => i > 0 && r.every((v) => cellText(v) === ""));
    if (row < 0) {
      row = out.length;
      out.push([]);
    }
  }
  const line = out[row];
  for (const [k, v] of Object.entries(cells)) line[idx.get(k)!] = v;
  for (let i = 0; i < line.length; i++) if (line[i] === undefined) line[i] = null;
  return rectangular(out);
}

/** The Aanpassingen values without the override(s) of this indicator of this approach. */
export function removeOverride(values: CellValue[][], o: Pick<Override, "gemeente" | "approach" | "indicator">): CellValue[][] {
  if (values.length === 0) return values;
  const { values: out, idx } = overrideColumns(values);
  return [out[0], ...out.slice(1).filter((r) => !sameOverride(r, idx, o))];
}

/** The cell of an override row for an indicator, for jumping to it ("C4"); null when there is none. */
export function overrideCell(values: CellValue[][], o: Pick<Override, "gemeente" | "approach" | "indicator">): string | null {
  if (values.length === 0) return null;
  const { values: out, idx } = overrideColumns(values);
  const r = out.findIndex((row, i) => i > 0 && sameOverride(row, idx, o));
  return r < 0 ? null : cellAddress(r, idx.get("Indicator")!);
}

/** Whether an indicator code exists in the framework (for override forms). */
export function knownIndicator(fw: Framework, code: string): boolean {
  return findIndicator(fw, code) !== undefined;
}
