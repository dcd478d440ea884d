/**
 * Reads an .xlsx workbook (ExcelJS) or a .csv file into the scoring core's {@link SheetData}.
 *
 * Cell values are converted faithfully, never guessed:
 * - text, numbers, booleans and dates as they are (dates as `Date`, as ExcelJS reports them: UTC);
 * - rich text → its plain text; hyperlinks → their shown text (the address when there is none);
 * - error values → `{ error: "#N/A" }` etc.;
 * - formulas → their cached result (the value Excel last calculated and saved). A formula without a
 *   cached result (a file written by a program that does not calculate, or never saved by Excel) is
 *   read as the pseudo error `{ error: "#FORMULA" }` — the core then reports that cell like any error
 *   value — and one warning per sheet lists those cells. A formula whose cached result is the empty
 *   text (`=ALS(A2="";"";…)`) is an empty cell, not an error;
 * - the covered cells of a merged area are empty (only the top-left cell holds the value, as in
 *   Excel); the merged areas themselves are listed in `merges`.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { ANSWERS_SHEET, cellAddress, CONTEXT_SHEET, FRAMEWORK_SHEET, labelKey, OVERRIDES_SHEET, parseRange } from "../scoring";
import type { CellValue, Issue, SheetData } from "../scoring";
import { unescapeXml } from "./xml";

export { ANSWERS_SHEET, CONTEXT_SHEET, FRAMEWORK_SHEET };
export const OVERRIDES_SHEET_NAME = OVERRIDES_SHEET;
/** The pseudo error code of a formula cell without a cached result. */
export const FORMULA_WITHOUT_RESULT = "#FORMULA";

/** A file that could not be read at all; `message` is Dutch and names the file. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InputError";
  }
}

/** The sheets of one input file that the scoring core reads. */
export interface WorkbookInput {
  file: string;
  kind: "xlsx" | "csv";
  /** The answers; null when the workbook has no "Antwoorden" sheet or table (an issue says so). */
  answers: SheetData | null;
  context?: SheetData;
  framework?: SheetData;
  overrides?: SheetData;
  /** Names of all sheets in the workbook, in order. */
  sheetNames: string[];
  /** What the reader itself found: a missing answers sheet, formulas without result, encoding, CSV quotes. */
  issues: Issue[];
  /** The loaded workbook (.xlsx only), so a writer can carry the analyst's other sheets over unchanged. */
  workbook?: ExcelJS.Workbook;
}

function issue(severity: Issue["severity"], code: string, sheet: string, cell: string, message: string): Issue {
  return { severity, code, sheet, cell, message: `${cell ? `${sheet}!${cell}` : sheet}: ${message}` };
}

// ---------------------------------------------------------------------------------------------
// Cell values
// ---------------------------------------------------------------------------------------------

type ExcelValue = ExcelJS.CellValue;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !(v instanceof Date);
}

function richTextToString(v: unknown): string | null {
  if (isObject(v) && Array.isArray(v.richText)) return (v.richText as { text?: unknown }[]).map((r) => (typeof r.text === "string" ? r.text : "")).join("");
  return null;
}

/** The result of a formula as ExcelJS reports it; undefined when the cell has no cached result. */
function plainValue(v: unknown): CellValue | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v instanceof Date) return v;
  if (isObject(v)) {
    if (typeof v.error === "string") return { error: v.error };
    const rich = richTextToString(v);
    if (rich !== null) return rich;
  }
  return undefined;
}

export type ConvertedValue = { value: CellValue; formulaWithoutResult?: string };

/** One ExcelJS cell value as the core's CellValue (see the module comment for the rules). */
export function fromExcelValue(v: ExcelValue): ConvertedValue {
  if (v === null || v === undefined) return { value: null };
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return { value: v };
  if (v instanceof Date) return { value: Number.isNaN(v.getTime()) ? { error: "#VALUE!" } : v };
  if (isObject(v)) {
    if (typeof v.error === "string") return { value: { error: v.error } };
    const rich = richTextToString(v);
    if (rich !== null) return { value: rich };
    if ("hyperlink" in v) {
      const text = typeof v.text === "string" ? v.text : richTextToString(v.text);
      return { value: text ?? (typeof v.hyperlink === "string" ? v.hyperlink : null) };
    }
    if ("formula" in v || "sharedFormula" in v) {
      const result = plainValue(v.result);
      if (result !== undefined) return { value: result };
      const f = typeof v.formula === "string" ? v.formula : typeof v.sharedFormula === "string" ? v.sharedFormula : "";
      return { value: { error: FORMULA_WITHOUT_RESULT }, formulaWithoutResult: f };
    }
    if (typeof v.text === "string") return { value: v.text };
  }
  return { value: { error: "#VALUE!" } };
}

// ---------------------------------------------------------------------------------------------
// Worksheets
// ---------------------------------------------------------------------------------------------

/** Zero-based inclusive bounds. */
interface Bounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Merged areas of a worksheet as A1 ranges. */
export function worksheetMerges(ws: ExcelJS.Worksheet): string[] {
  const merges = (ws.model as { merges?: string[] }).merges;
  if (Array.isArray(merges)) return merges.slice();
  const raw = (ws as unknown as { _merges?: Record<string, { range?: string }> })._merges ?? {};
  return Object.values(raw)
    .map((m) => m.range)
    .filter((r): r is string => typeof r === "string");
}

/**
 * The values of a worksheet (from A1, or the given range) as SheetData. `emptyFormulaText` lists the
 * addresses of formula cells whose cached result is the empty text (see {@link emptyTextFormulaCells}).
 */
export function sheetDataFromWorksheet(
  ws: ExcelJS.Worksheet,
  range?: Bounds,
  name: string = ws.name,
  emptyFormulaText: ReadonlySet<string> = new Set(),
): { sheet: SheetData; issues: Issue[] } {
  const top = range?.top ?? 0;
  const left = range?.left ?? 0;
  const rows: CellValue[][] = [];
  const noResult: string[] = [];
  let width = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    if (r < top || (range && r > range.bottom)) return;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - 1;
      if (c < left || (range && c > range.right)) return;
      if (cell.type === ExcelJS.ValueType.Merge) return; // covered by a merged area: empty, as in Excel
      let { value, formulaWithoutResult } = fromExcelValue(cell.value);
      if (formulaWithoutResult !== undefined) {
        if (emptyFormulaText.has(cellAddress(r, c))) value = null;
        else noResult.push(cellAddress(r, c));
      }
      if (value === null || value === undefined) return;
      const line = (rows[r - top] ??= []);
      line[c - left] = value;
      width = Math.max(width, c - left + 1);
    });
  });
  const height = range ? range.bottom - range.top + 1 : rows.length;
  const values: CellValue[][] = [];
  for (let r = 0; r < height; r++) {
    const src = rows[r] ?? [];
    const line: CellValue[] = [];
    for (let c = 0; c < (range ? range.right - range.left + 1 : width); c++) line.push(src[c] ?? null);
    values.push(line);
  }
  const merges = worksheetMerges(ws).filter((m) => {
    if (!range) return true;
    const b = parseRange(m);
    return b !== null && b.bottom >= range.top && b.top <= range.bottom && b.right >= range.left && b.left <= range.right;
  });
  const issues: Issue[] = [];
  if (noResult.length > 0) {
    const shown = noResult.slice(0, 10).join(", ") + (noResult.length > 10 ? ` en ${noResult.length - 10} andere` : "");
    issues.push(
      issue(
        "waarschuwing",
        "formula-no-result",
        name,
        noResult.length === 1 ? noResult[0] : "",
        `${noResult.length === 1 ? "deze cel bevat een formule" : `${noResult.length} cellen bevatten een formule`} zonder opgeslagen uitkomst (${shown}); het bestand is niet in Excel berekend en opgeslagen. Zulke cellen tellen als foutwaarde ${FORMULA_WITHOUT_RESULT}. Open het bestand in Excel en sla het op, of vervang de formules door hun waarden.`,
      ),
    );
  }
  return { sheet: { name, values, merges, origin: { row: top, col: left } }, issues };
}

/** A loaded table's name and range (ExcelJS keeps loaded tables in `worksheet.tables`). */
function worksheetTables(ws: ExcelJS.Worksheet): { name: string; ref: string }[] {
  const tables = (ws as unknown as { tables?: Record<string, { table?: { name?: string; displayName?: string; tableRef?: string; ref?: string } }> }).tables ?? {};
  return Object.values(tables).flatMap((t) => {
    const m = t.table;
    if (!m) return [];
    const ref = m.tableRef ?? m.ref;
    const name = m.displayName ?? m.name;
    return typeof ref === "string" && typeof name === "string" ? [{ name, ref }] : [];
  });
}

// ---------------------------------------------------------------------------------------------
// Raw XML: formula cells whose cached result is the empty text
// ---------------------------------------------------------------------------------------------

/**
 * ExcelJS drops an empty cached result, so `=""` cannot be told from "never calculated" through its
 * model. For the sheets that have formula cells without a result, this looks at the sheet's XML: a
 * `<c>` with `<f>` and an empty `<v>` is an empty text result. Returns sheet name → addresses.
 */
export async function emptyTextFormulaCells(buffer: Buffer | ArrayBuffer | Uint8Array, sheetNames: string[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (sheetNames.length === 0) return out;
  const zip = await JSZip.loadAsync(buffer);
  const wbXml = await zip.file("xl/workbook.xml")?.async("string");
  const relsXml = await zip.file("xl/_rels/workbook.xml.rels")?.async("string");
  if (!wbXml || !relsXml) return out;
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  for (const m of wbXml.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const rid = /\br:id="([^"]*)"/.exec(m[0])?.[1] ?? /\bid="([^"]*)"/.exec(m[0])?.[1];
    if (!name || !rid || !sheetNames.includes(unescapeXml(name))) continue;
    const path = targets.get(rid);
    const xml = path ? await zip.file(path)?.async("string") : undefined;
    if (!xml) continue;
    const cells = new Set<string>();
    for (const c of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const body = c[2] ?? "";
      if (!/<f\b/.test(body)) continue;
      if (/<v\s*\/>|<v>\s*<\/v>/.test(body)) {
        const r = /\br="([A-Z]+\d+)"/.exec(c[1])?.[1];
        if (r) cells.add(r);
      }
    }
    out.set(unescapeXml(name), cells);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Workbooks
// ---------------------------------------------------------------------------------------------

function hasFormulaWithoutResult(ws: ExcelJS.Worksheet): boolean {
  let found = false;
  ws.eachRow({ includeEmpty: false }, (row) => {
    if (found) return;
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (!found && cell.type !== ExcelJS.ValueType.Merge && fromExcelValue(cell.value).formulaWithoutResult !== undefined) found = true;
    });
  });
  return found;
}

/** Reads the sheets the core needs from an .xlsx file's bytes. Throws {@link InputError} when it is no workbook. */
export async function readWorkbookBuffer(buffer: Buffer | ArrayBuffer | Uint8Array, file = "werkmap"): Promise<WorkbookInput> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as ArrayBuffer);
  } catch (e) {
    throw new InputError(`${file} kan niet worden gelezen als Excel-werkmap (.xlsx): ${describeLoadError(e)}.`);
  }
  const sheets = wb.worksheets;
  const byName = (wanted: string) => sheets.find((ws) => labelKey(ws.name) === labelKey(wanted));
  const issues: Issue[] = [];
  const result: WorkbookInput = { file, kind: "xlsx", answers: null, sheetNames: sheets.map((s) => s.name), issues };
  Object.defineProperty(result, "workbook", { value: wb, enumerable: false, writable: true, configurable: true });

  // Which worksheets we read, and where.
  const wanted: { key: "answers" | "context" | "framework" | "overrides"; ws: ExcelJS.Worksheet; range?: Bounds }[] = [];
  const answersWs = byName(ANSWERS_SHEET);
  if (answersWs) wanted.push({ key: "answers", ws: answersWs });
  else {
    let found: { ws: ExcelJS.Worksheet; ref: string } | null = null;
    for (const ws of sheets) {
      const t = worksheetTables(ws).find((x) => labelKey(x.name) === labelKey(ANSWERS_SHEET));
      if (t) {
        found = { ws, ref: t.ref };
        break;
      }
    }
    const b = found ? parseRange(found.ref) : null;
    if (found && b) wanted.push({ key: "answers", ws: found.ws, range: b });
    else
      issues.push(
        issue(
          "fout",
          "missing-sheet",
          ANSWERS_SHEET,
          "",
          `${file} heeft geen blad '${ANSWERS_SHEET}' en geen tabel met die naam${sheets.length ? ` (bladen: ${sheets.map((s) => `'${s.name}'`).join(", ")})` : ""}. Geef het blad met de antwoorden de naam '${ANSWERS_SHEET}'.`,
        ),
      );
  }
  const contextWs = byName(CONTEXT_SHEET);
  if (contextWs) wanted.push({ key: "context", ws: contextWs });
  const frameworkWs = byName(FRAMEWORK_SHEET);
  if (frameworkWs) wanted.push({ key: "framework", ws: frameworkWs });
  const overridesWs = byName(OVERRIDES_SHEET_NAME);
  if (overridesWs) wanted.push({ key: "overrides", ws: overridesWs });

  const needXml = wanted.filter((w) => hasFormulaWithoutResult(w.ws)).map((w) => w.ws.name);
  let emptyText = new Map<string, Set<string>>();
  if (needXml.length > 0) {
    try {
      emptyText = await emptyTextFormulaCells(buffer, needXml);
    } catch {
      // Without the XML every formula without a result is reported; nothing is guessed.
    }
  }
  for (const w of wanted) {
    const { sheet, issues: found } = sheetDataFromWorksheet(w.ws, w.range, w.ws.name, emptyText.get(w.ws.name));
    result[w.key] = sheet;
    issues.push(...found);
  }
  return result;
}

function describeLoadError(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  if (/end of central directory|zip|signature/i.test(msg)) return "het is geen geldig .xlsx-bestand (beschadigd, met een wachtwoord beveiligd, of een ander bestandstype met de extensie .xlsx)";
  return `het bestand is beschadigd of geen .xlsx (${msg})`;
}

// ---------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------

/** Text of a CSV file: UTF-8 (with or without BOM); bytes that are no UTF-8 are read as Windows-1252 with a warning. */
export function decodeCsv(buffer: Uint8Array, name = ANSWERS_SHEET): { text: string; issues: Issue[] } {
  const issues: Issue[] = [];
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(buffer);
  } catch {
    text = new TextDecoder("windows-1252").decode(buffer);
    issues.push(
      issue(
        "waarschuwing",
        "csv-encoding",
        name,
        "",
        "het CSV-bestand is niet in UTF-8 opgeslagen en is gelezen als Windows-1252 (ANSI). Controleer letters met accenten (é, ë); sla bij twijfel op als 'CSV UTF-8'.",
      ),
    );
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, issues };
}

/** The separator of the header line: the most frequent of ';', ',' and tab outside quotes (';' on a tie). */
export function detectSeparator(text: string): ";" | "," | "\t" {
  const counts = { ";": 0, ",": 0, "\t": 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && ch in counts) counts[ch as keyof typeof counts]++;
  }
  if (counts["\t"] > counts[";"] && counts["\t"] > counts[","]) return "\t";
  return counts[","] > counts[";"] ? "," : ";";
}

/**
 * Parses CSV text (RFC 4180: quoted fields, "" inside quotes, line breaks inside quotes, CRLF/LF/CR).
 * Every field is text; an empty field is null. Nothing is converted: the core parses answers from text.
 */
export function readCsvText(text: string, name = ANSWERS_SHEET, separator?: string): { sheet: SheetData; issues: Issue[] } {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const sep = separator ?? detectSeparator(text);
  const rows: CellValue[][] = [];
  const issues: Issue[] = [];
  let row: CellValue[] = [];
  let field = "";
  let quoted = false;
  let wasQuoted = false;
  let quoteStart = { row: 0, col: 0 };
  const endField = () => {
    row.push(field === "" && !wasQuoted ? null : field);
    field = "";
    wasQuoted = false;
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === "" && !wasQuoted) {
      quoted = true;
      wasQuoted = true;
      quoteStart = { row: rows.length, col: row.length };
      i++;
    } else if (ch === sep) {
      endField();
      i++;
    } else if (ch === "\r" || ch === "\n") {
      endRow();
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  if (quoted) {
    issues.push(
      issue(
        "fout",
        "csv-quote",
        name,
        cellAddress(quoteStart.row, quoteStart.col),
        "hier opent een aanhalingsteken (\") dat nergens wordt gesloten; de rest van het bestand is als één veld gelezen. Controleer de aanhalingstekens.",
      ),
    );
  }
  if (field !== "" || wasQuoted || row.length > 0) endRow();
  // Empty fields are null; a quoted empty field "" is an empty text, also blank for the core.
  const width = Math.max(0, ...rows.map((r) => r.length));
  const values = rows.map((r) => {
    const line = r.map((v) => (v === "" ? null : v));
    while (line.length < width) line.push(null);
    return line;
  });
  while (values.length > 0 && values[values.length - 1].every((v) => v === null)) values.pop();
  return { sheet: { name, values, merges: [], origin: { row: 0, col: 0 } }, issues };
}

export function readCsvBuffer(buffer: Uint8Array, file = "antwoorden.csv"): WorkbookInput {
  const decoded = decodeCsv(buffer);
  const { sheet, issues } = readCsvText(decoded.text, ANSWERS_SHEET);
  return { file, kind: "csv", answers: sheet, sheetNames: [ANSWERS_SHEET], issues: [...decoded.issues, ...issues] };
}

// ---------------------------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------------------------

/** Reads an .xlsx/.xlsm or .csv/.txt file. Throws {@link InputError} (Dutch, naming the file) on any problem. */
export async function readInputFile(path: string): Promise<WorkbookInput> {
  const { readFile, stat } = await import("node:fs/promises");
  const ext = (/\.([^./\\]+)$/.exec(path)?.[1] ?? "").toLowerCase();
  if (!["xlsx", "xlsm", "csv", "txt"].includes(ext)) {
    if (ext === "xls") throw new InputError(`${path} is een oud Excel-bestand (.xls). Open het in Excel en sla het op als Excel-werkmap (.xlsx).`);
    throw new InputError(`${path}: onbekend bestandstype${ext ? ` '.${ext}'` : ""}; verwacht een Excel-werkmap (.xlsx) of een CSV-bestand (.csv).`);
  }
  let buffer: Buffer;
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw new InputError(`${path} is een map, geen bestand.`);
    buffer = await readFile(path);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(fileErrorMessage(path, e, "gelezen"));
  }
  if (ext === "csv" || ext === "txt") return readCsvBuffer(buffer, path);
  if (buffer.length >= 8 && buffer.readUInt32BE(0) === 0xd0cf11e0) {
    throw new InputError(`${path} is geen .xlsx-werkmap maar een oud Excel-bestand of een met een wachtwoord beveiligde werkmap. Sla het in Excel op als .xlsx zonder wachtwoord.`);
  }
  return readWorkbookBuffer(buffer, path);
}

/** Dutch description of a file-system error. `action`: "gelezen" or "geschreven". */
export function fileErrorMessage(path: string, e: unknown, action: "gelezen" | "geschreven"): string {
  const code = (e as { code?: string })?.code;
  switch (code) {
    case "ENOENT":
      return action === "gelezen" ? `${path} bestaat niet.` : `${path} kan niet worden geschreven: de map bestaat niet.`;
    case "EACCES":
    case "EPERM":
      return `${path} kan niet worden ${action}: geen toestemming.`;
    case "EBUSY":
      return `${path} kan niet worden ${action}: het bestand is in gebruik (is het geopend in Excel?).`;
    case "EISDIR":
      return `${path} is een map, geen bestand.`;
    case "EEXIST":
      return `${path} bestaat al.`;
    case "ENOSPC":
      return `${path} kan niet worden ${action}: de schijf is vol.`;
    default:
      return `${path} kan niet worden ${action}: ${e instanceof Error ? e.message : String(e)}.`;
  }
}
