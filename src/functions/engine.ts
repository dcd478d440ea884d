/**
 * The logic behind the STJ custom functions (=STJ.VERDICT and friends), free of Office globals so it
 * can be unit-tested and benchmarked in Node. src/functions/functions.ts is a thin layer over this
 * module: it declares the functions for Excel and turns an {@link EngineError} into a
 * `CustomFunctions.Error`. No scoring rule lives here: everything comes from src/scoring.
 *
 * Arguments arrive exactly as Excel passes them to a custom function: a range as a 2-D array of
 * strings, numbers and booleans (empty cells as ""), a single cell as a 1×1 array, an omitted
 * optional argument as null (undefined in some hosts).
 *
 * ## The answers cache
 *
 * Excel hands every cell its own, freshly deserialised copy of the Antwoorden range, so the identity
 * of the array says nothing; and hashing 200,000 cells for each of 30,000 formula cells would cost
 * minutes. What one approach's result depends on is narrower, and that is what each call checks
 * against a parse in the cache:
 *
 * 1. the height of the range, and the rows up to and including the header row, cell by cell;
 * 2. one key column (Gemeente or Aanpak) in every row, and the other one in the rows that share the
 *    approach's value in the first (both in full when the argument was left out) — these cells
 *    decide which rows form the approach and which approach a short name means (see
 *    `sameKeyColumns`);
 * 3. every cell of the approach's own rows, and of the rows whose Gemeente + Aanpak belongs to no
 *    approach read (rows skipped for an error: fixing one can add an approach).
 *
 * When all of that equals the cached parse (=== against a private copy, so a caller that mutates
 * its array is still caught), the approach's result is reused; otherwise the range is parsed again.
 * This is exact, not a sample: an approach's score is a function of the header and its own rows,
 * and which approach the argument names is a function of the cells in step 2 and 3. Errors that
 * depend on the whole range (an unknown or ambiguous approach) are only served from the cache after
 * a full comparison. The cost of a cached call is one or two cells per row plus the approach's own
 * rows, instead of every cell (see bench/functions.ts and docs/functions.md, "Performance").
 *
 * With many cells the check itself adds up (one cell per row per call); an answer set avoids it:
 * `=STJ.ANSWERS(range)` parses once and returns a key that names the content exactly, and calls that
 * pass the key cell instead of the range do no check at all (see "Answer sets" below).
 *
 * A small LRU keeps the last {@link ANSWERS_CACHE_SIZE} parses, each with its approach results
 * scored lazily (one scoreApproach per approach, on first use). After an edit the range is parsed
 * once more, and results of approaches whose rows did not change are carried over, not rescored.
 */
import { ANSWERS_SHEET, findHeaderRow, KEY_COLUMNS, readAnswers } from "../scoring/answers";
import { frameworkFromSheet, FRAMEWORK_SHEET } from "../scoring/framework/sheet";
import { ggsr2013 } from "../scoring/framework/ggsr2013";
import { indicatorPlaces } from "../scoring/framework/walk";
import { cellErrorCode, cellText, labelKey } from "../scoring/normalise";
import { scoreApproach, SYMBOL, VERDICT_TEXT } from "../scoring/score";
import type { AnswersRead, ApproachResult, CellValue, Framework, IndicatorResult, Verdict } from "../scoring/types";

// ---------------------------------------------------------------------------------------------
// Results and errors
// ---------------------------------------------------------------------------------------------

/** The two Excel errors the functions produce: #VALUE! (invalidValue) and #N/A (notAvailable). */
export type EngineErrorCode = "invalidValue" | "notAvailable";

/** An error as data; functions.ts turns it into `new CustomFunctions.Error(code, message)`. */
export interface EngineError {
  readonly error: EngineErrorCode;
  /** Dutch, at most {@link MAX_MESSAGE} characters (Excel's limit for a custom error message). */
  readonly message: string;
}

export type Result<T> = T | EngineError;

/** A value of a spilled result: text or a number ("" for an empty cell). */
export type SpillValue = string | number;

export const MAX_MESSAGE = 255;

export function isEngineError(x: unknown): x is EngineError {
  return (
    typeof x === "object" &&
    x !== null &&
    !Array.isArray(x) &&
    ((x as EngineError).error === "invalidValue" || (x as EngineError).error === "notAvailable") &&
    typeof (x as EngineError).message === "string"
  );
}

function clip(s: string, max = MAX_MESSAGE): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

function invalid(message: string): EngineError {
  return { error: "invalidValue", message: clip(message) };
}

function notAvailable(message: string): EngineError {
  return { error: "notAvailable", message: clip(message) };
}

/** "a, b, c … (en nog 12)" within about `budget` characters. */
function listWithin(items: readonly string[], budget: number): string {
  const parts: string[] = [];
  let len = 0;
  for (let i = 0; i < items.length; i++) {
    const add = (parts.length > 0 ? 2 : 0) + items[i].length;
    const reserve = i < items.length - 1 ? 18 : 0; // room for " … (en nog 999)"
    if (len + add + reserve > budget) break;
    parts.push(items[i]);
    len += add;
  }
  const left = items.length - parts.length;
  if (left === 0) return parts.join(", ");
  return parts.length > 0 ? `${parts.join(", ")} … (en nog ${left})` : `… (${left})`;
}

/** Fills `{LIST}` in a template with as many items as fit in a message. */
function withList(template: string, items: readonly string[]): string {
  const budget = MAX_MESSAGE - (template.length - "{LIST}".length);
  return template.replace("{LIST}", listWithin(items, Math.max(20, budget)));
}

// ---------------------------------------------------------------------------------------------
// Arguments as Excel passes them
// ---------------------------------------------------------------------------------------------

type Grid = readonly (readonly unknown[] | undefined)[];

/** A range argument as a 2-D array: a 1-D array becomes one row, a scalar a 1×1 array. */
function asGrid(x: unknown): Grid {
  if (Array.isArray(x)) {
    if (x.length === 0) return [];
    return Array.isArray(x[0]) ? (x as Grid) : [x];
  }
  if (x === null || x === undefined) return [];
  return [[x]];
}

/** An optional argument is omitted when Excel passes null/undefined, or an empty text (an empty cell). */
function omitted(x: unknown): boolean {
  if (x === null || x === undefined) return true;
  if (typeof x === "string") return x.trim() === "";
  if (Array.isArray(x)) {
    // A reference to one empty cell, as a 1×1 array.
    const g = asGrid(x);
    return g.length === 0 || (g.length === 1 && (g[0]?.length ?? 0) <= 1 && omitted(g[0]?.[0]));
  }
  return false;
}

/** Text of a scalar argument (an indicator code, an approach name, a theme). */
function argText(x: unknown): string {
  if (Array.isArray(x)) return argText(asGrid(x)[0]?.[0]);
  if (x === null || x === undefined) return "";
  if (typeof x === "string") return cellText(x);
  if (typeof x === "number" || typeof x === "boolean") return cellText(x);
  return cellText(toCell(x));
}

/**
 * One cell as the scoring core reads it. Strings, numbers, booleans pass through; an error value
 * (an object with a string `error`, a `#…` `code`, or an Excel rich error value) becomes `{ error }`;
 * a rich value its `basicValue`; anything else its text.
 */
function toCell(v: unknown): CellValue {
  if (v === null || v === undefined || typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return v;
  if (typeof v === "object") {
    const o = v as { error?: unknown; code?: unknown; value?: unknown; type?: unknown; basicValue?: unknown };
    if (typeof o.error === "string") return { error: o.error };
    if (typeof o.code === "string" && o.code.startsWith("#")) return { error: o.code };
    // Excel's rich values (allowCustomDataForDataTypeAny): an error or an entity with a basicValue.
    if (o.type === "Error" && typeof o.basicValue === "string") return { error: o.basicValue };
    if ("basicValue" in o) return toCell(o.basicValue);
    if ("value" in o) return toCell(o.value);
  }
  return String(v);
}

/** Whether an incoming cell equals a cell of the private copy (made with {@link toCell}). */
function cellEq(incoming: unknown, own: CellValue): boolean {
  if (incoming === own) return true;
  if (typeof incoming === "object" && incoming !== null && typeof own === "object" && own !== null) {
    const a = toCell(incoming);
    if (a instanceof Date || own instanceof Date) return a instanceof Date && own instanceof Date && a.getTime() === own.getTime();
    return cellErrorCode(a) === cellErrorCode(own);
  }
  // NaN never equals itself; treat two NaNs as equal so a NaN does not defeat the cache.
  return typeof incoming === "number" && typeof own === "number" && Number.isNaN(incoming) && Number.isNaN(own);
}

function rowEq(incoming: readonly unknown[] | undefined, own: readonly CellValue[]): boolean {
  const n = incoming ? incoming.length : 0;
  if (n !== own.length) return false;
  for (let c = 0; c < n; c++) if (!cellEq(incoming![c], own[c])) return false;
  return true;
}

function gridEq(incoming: Grid, own: readonly (readonly CellValue[])[]): boolean {
  if (incoming.length !== own.length) return false;
  for (let r = 0; r < own.length; r++) if (!rowEq(incoming[r], own[r])) return false;
  return true;
}

function copyGrid(g: Grid): CellValue[][] {
  const out: CellValue[][] = new Array(g.length);
  for (let r = 0; r < g.length; r++) {
    const row = g[r] ?? [];
    const copy: CellValue[] = new Array(row.length);
    for (let c = 0; c < row.length; c++) copy[c] = toCell(row[c]);
    out[r] = copy;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Statistics (for tests and the benchmark)
// ---------------------------------------------------------------------------------------------

const stats = { answersParses: 0, frameworkParses: 0, approachScores: 0, cacheHits: 0, answerSets: 0 };

/**
 * How often the engine parsed an answers range, a framework range, and scored an approach; how many
 * cached calls it answered; how many answer sets (STJ.ANSWERS keys) it made.
 */
export function engineStats(): Readonly<typeof stats> {
  return { ...stats };
}

/** Empties every cache and zeroes the counters (tests, benchmark). */
export function resetEngine(): void {
  answersCache.length = 0;
  answerSets.clear();
  frameworkCache.length = 0;
  stats.answersParses = 0;
  stats.frameworkParses = 0;
  stats.approachScores = 0;
  stats.cacheHits = 0;
  stats.answerSets = 0;
}

// ---------------------------------------------------------------------------------------------
// Framework argument
// ---------------------------------------------------------------------------------------------

export const FRAMEWORK_CACHE_SIZE = 2;

interface FrameworkEntry {
  rows: CellValue[][];
  result: Result<Framework>;
}

const frameworkCache: FrameworkEntry[] = [];

/** The framework: the built-in GGSR 2013 when the argument is omitted, else the Toetsingskader range. */
function frameworkOf(arg: unknown): Result<Framework> {
  if (omitted(arg)) return ggsr2013;
  const grid = asGrid(arg);
  for (let i = 0; i < frameworkCache.length; i++) {
    const e = frameworkCache[i];
    if (gridEq(grid, e.rows)) {
      if (i > 0) frameworkCache.unshift(...frameworkCache.splice(i, 1));
      return e.result;
    }
  }
  stats.frameworkParses++;
  const rows = copyGrid(grid);
  const read = frameworkFromSheet({ name: FRAMEWORK_SHEET, values: rows });
  let result: Result<Framework>;
  if (read.framework) result = read.framework;
  else {
    const first = read.issues.find((i) => i.severity === "fout");
    result = invalid(
      `Het toetsingskader-bereik is ongeldig: ${first ? first.message : "onbekende fout"} Geef het blad Toetsingskader vanaf A1, of laat het argument weg voor het ingebouwde toetsingskader.`,
    );
  }
  frameworkCache.unshift({ rows, result });
  if (frameworkCache.length > FRAMEWORK_CACHE_SIZE) frameworkCache.pop();
  return result;
}

/** Per framework: indicator code (upper case) → position in framework order. */
const indicatorIndex = new WeakMap<Framework, Map<string, number>>();

function indicatorPosition(fw: Framework, arg: unknown): Result<number> {
  let index = indicatorIndex.get(fw);
  if (!index) {
    index = new Map(indicatorPlaces(fw).map((p, i) => [p.indicator.code.trim().toUpperCase(), i]));
    indicatorIndex.set(fw, index);
  }
  const code = argText(arg).toUpperCase();
  const i = index.get(code);
  if (i !== undefined) return i;
  const codes = indicatorPlaces(fw).map((p) => p.indicator.code);
  if (code === "") return invalid(withList(`Geef een indicatorcode op, bijvoorbeeld ${codes[0] ?? "AP9"}. Geldige codes: {LIST}.`, codes));
  return invalid(withList(`Onbekende indicator '${clip(code, 30)}'. Geldige codes: {LIST}.`, codes));
}

// ---------------------------------------------------------------------------------------------
// Answers argument
// ---------------------------------------------------------------------------------------------

export const ANSWERS_CACHE_SIZE = 4;

interface ApproachNames {
  /** "gemeente — aanpak" (normalised) → approach index. */
  full: Map<string, number>;
  /** aanpak (normalised) → approach indexes. */
  byName: Map<string, number[]>;
  /** gemeente (normalised) → approach indexes. */
  byGemeente: Map<string, number[]>;
}

interface AnswersEntry {
  fw: Framework;
  /** Private copy of the range, as parsed. */
  rows: CellValue[][];
  headerRow: number;
  /** Column indexes of Gemeente and Aanpak (-1 when missing). */
  g: number;
  a: number;
  /** The Gemeente and Aanpak cells of every row, as flat arrays (the per-call check reads them). */
  colG: CellValue[];
  colA: CellValue[];
  read: AnswersRead;
  /** Set when the range cannot be read at all (empty, or key columns missing). */
  fatal: EngineError | null;
  /** Approach key (Gemeente + Aanpak, normalised) → approach index. */
  keyIndex: Map<string, number>;
  /** Per approach: the rows whose Gemeente + Aanpak is that approach (also rows that were skipped). */
  rowsOf: number[][];
  /** Rows with a Gemeente and Aanpak that belong to no approach read (all their rows were skipped). */
  orphanRows: number[];
  /** Aanpak ({@link nameKey}) → the rows below the header with that Aanpak. */
  aanpakRows: Map<string, number[]>;
  /** Gemeente ({@link nameKey}) → the rows below the header with that Gemeente. */
  gemeenteRows: Map<string, number[]>;
  results: (ApproachResult | undefined)[];
  names?: ApproachNames;
}

const answersCache: AnswersEntry[] = [];

/**
 * Key of an approach, Aanpak or Gemeente name: the label key (case, accents, spaces and quotes
 * folded) with every dash that has spaces around it, and every en or em dash, as " — ".
 */
function nameKey(s: string): string {
  let k = nameKeys.get(s);
  if (k === undefined) {
    k = labelKey(labelKey(s).replace(/\s*[—–]\s*|\s+-\s+/g, " — "));
    if (nameKeys.size >= 10_000) nameKeys.clear();
    nameKeys.set(s, k);
  }
  return k;
}

/** Names repeat on every call (the approach argument): their keys are remembered. */
const nameKeys = new Map<string, string>();

function rowKey(gemeente: CellValue, aanpak: CellValue): string | null {
  if (cellErrorCode(gemeente) || cellErrorCode(aanpak) || gemeente instanceof Date || aanpak instanceof Date) return null;
  const g = cellText(gemeente);
  const a = cellText(aanpak);
  if (g === "" || a === "") return null;
  return `${labelKey(g)}\u0000${labelKey(a)}`;
}

/** The column of a key header, found as readAnswers finds it (first match; error cells skipped). */
function keyColumn(header: readonly CellValue[], key: string): number {
  const k = labelKey(key);
  for (let c = 0; c < header.length; c++) {
    const v = header[c];
    if (cellErrorCode(v)) continue;
    if (labelKey(cellText(v)) === k) return c;
  }
  return -1;
}

export function approachLabel(a: { gemeente: string; name: string }): string {
  return `${a.gemeente} — ${a.name}`;
}

/** Parses a private copy of an answers range (made with {@link copyGrid}) against one framework. */
function parseAnswers(rows: CellValue[][], fw: Framework): AnswersEntry {
  stats.answersParses++;
  const read = readAnswers({ name: ANSWERS_SHEET, values: rows }, fw);
  const headerRow = findHeaderRow(rows);
  const header = headerRow >= 0 ? rows[headerRow] : [];
  const g = keyColumn(header, "Gemeente");
  const a = keyColumn(header, "Aanpak");
  let fatal: EngineError | null = null;
  if (headerRow < 0) {
    fatal = invalid(
      `Het antwoordenbereik is leeg. Geef het blad Antwoorden mét kopregel: ${KEY_COLUMNS.join(", ")} en de vraagcodes, bijvoorbeeld Antwoorden!A1:BZ100.`,
    );
  } else {
    const missing = KEY_COLUMNS.filter((k) => keyColumn(header, k) < 0);
    if (missing.length > 0) {
      const first = header.map((v) => cellText(v)).filter((t) => t !== "").slice(0, 4);
      fatal = invalid(
        `Het antwoordenbereik mist de kolom${missing.length > 1 ? "men" : ""} ${missing.map((k) => `'${k}'`).join(", ")}. ` +
          `Geef het bereik mét kopregel (${KEY_COLUMNS.join(", ")}, vraagcodes)${first.length ? `; de eerste rij bevat nu: ${first.join(", ")}` : ""}.`,
      );
    }
  }
  const approaches = read.approaches;
  const index = new Map<string, number>();
  approaches.forEach((ap, i) => index.set(`${labelKey(ap.gemeente)}\u0000${labelKey(ap.name)}`, i));
  const rowsOf: number[][] = approaches.map(() => []);
  const orphanRows: number[] = [];
  const aanpakRows = new Map<string, number[]>();
  const gemeenteRows = new Map<string, number[]>();
  const add = (m: Map<string, number[]>, k: string, r: number) => {
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  };
  if (!fatal) {
    for (let r = headerRow + 1; r < rows.length; r++) {
      const row = rows[r];
      // Every row, also one whose other key cell is empty: filling that cell can add it to an approach.
      add(aanpakRows, nameKey(cellText(row[a])), r);
      add(gemeenteRows, nameKey(cellText(row[g])), r);
      const key = rowKey(row[g], row[a]);
      if (key === null) continue;
      const i = index.get(key);
      if (i === undefined) orphanRows.push(r);
      else rowsOf[i].push(r);
    }
  }
  const colG = rows.map((row) => row[g]);
  const colA = rows.map((row) => row[a]);
  return { fw, rows, headerRow, g, a, colG, colA, read, fatal, keyIndex: index, rowsOf, orphanRows, aanpakRows, gemeenteRows, results: new Array(approaches.length) };
}

/** Step 1 of the check (see the module comment): the height and the rows up to the header. */
function sameFrame(e: AnswersEntry, grid: Grid): boolean {
  if (grid.length !== e.rows.length) return false;
  if (e.fatal) return gridEq(grid, e.rows);
  for (let r = 0; r <= e.headerRow; r++) if (!rowEq(grid[r], e.rows[r])) return false;
  return true;
}

/**
 * Step 2: one key column (Gemeente or Aanpak) below the header, in all rows or in `rows` only.
 * The hot loop of a cached call: one cell per row, === first.
 */
function sameColumn(e: AnswersEntry, grid: Grid, col: number, own: readonly CellValue[], rows?: readonly number[]): boolean {
  if (rows) {
    for (const r of rows) {
      const v = grid[r]?.[col];
      if (v !== own[r] && !cellEq(v, own[r])) return false;
    }
    return true;
  }
  for (let r = e.headerRow + 1; r < own.length; r++) {
    const v = grid[r]?.[col];
    if (v !== own[r] && !cellEq(v, own[r])) return false;
  }
  return true;
}

/**
 * Step 2 for one resolved approach P. A row joins P only when both its Gemeente and its Aanpak are
 * P's, so with one key column unchanged in every row, the other needs checking only in the rows
 * that share P's value in the first. Which column is checked in full depends on how P was named:
 * - by full name: either way; the one whose rows-in-common with P are fewer;
 * - by Aanpak name: Aanpak in full (a new approach with that Aanpak would make the name ambiguous);
 * - by Gemeente name: Gemeente in full (likewise);
 * - left out (the only approach): both in full (any new approach makes it ambiguous).
 */
function sameKeyColumns(e: AnswersEntry, grid: Grid, res: Resolved): boolean {
  const ap = e.read.approaches[res.index];
  const byAanpak = () => e.aanpakRows.get(nameKey(ap.name)) ?? [];
  const byGemeente = () => e.gemeenteRows.get(nameKey(ap.gemeente)) ?? [];
  switch (res.by) {
    case "enige":
      return sameColumn(e, grid, e.a, e.colA) && sameColumn(e, grid, e.g, e.colG);
    case "aanpak":
      return sameColumn(e, grid, e.a, e.colA) && sameColumn(e, grid, e.g, e.colG, byAanpak());
    case "gemeente":
      return sameColumn(e, grid, e.g, e.colG) && sameColumn(e, grid, e.a, e.colA, byGemeente());
    case "naam": {
      const sa = byAanpak();
      const sg = byGemeente();
      return sa.length <= sg.length
        ? sameColumn(e, grid, e.a, e.colA) && sameColumn(e, grid, e.g, e.colG, sa)
        : sameColumn(e, grid, e.g, e.colG) && sameColumn(e, grid, e.a, e.colA, sg);
    }
  }
}

/** Step 3: the rows that decide one approach's score. */
function sameRows(e: AnswersEntry, grid: Grid, rows: readonly number[]): boolean {
  for (const r of rows) if (!rowEq(grid[r], e.rows[r])) return false;
  return true;
}

function namesOf(e: AnswersEntry): ApproachNames {
  if (e.names) return e.names;
  const full = new Map<string, number>();
  const byName = new Map<string, number[]>();
  const byGemeente = new Map<string, number[]>();
  const push = (m: Map<string, number[]>, k: string, i: number) => {
    const l = m.get(k);
    if (l) l.push(i);
    else m.set(k, [i]);
  };
  e.read.approaches.forEach((ap, i) => {
    full.set(nameKey(approachLabel(ap)), i);
    push(byName, nameKey(ap.name), i);
    push(byGemeente, nameKey(ap.gemeente), i);
  });
  e.names = { full, byName, byGemeente };
  return e.names;
}

/**
 * How the approach argument named the approach: its full name, its unique Aanpak name, its
 * gemeente's only approach, or the only approach of the range (argument omitted).
 */
interface Resolved {
  index: number;
  by: "naam" | "aanpak" | "gemeente" | "enige";
}

/**
 * Which approach the argument names. Omitted: the only approach in the range. Otherwise, in this
 * order: "Gemeente — Aanpak" (any dash with spaces around it), the Aanpak name when only one
 * gemeente has an approach of that name, the Gemeente name when that gemeente has one approach.
 * Case, accents, spaces and quotes do not matter.
 */
function resolveApproach(e: AnswersEntry, arg: unknown): Result<Resolved> {
  const approaches = e.read.approaches;
  const labels = () => approaches.map(approachLabel);
  if (approaches.length === 0) {
    return notAvailable("Het antwoordenbereik bevat geen respondenten: onder de kopregel staat geen rij met Gemeente, Aanpak, Respondent en een geldige Rol.");
  }
  const text = argText(arg);
  if (text === "") {
    if (approaches.length === 1) return { index: 0, by: "enige" };
    return invalid(withList(`Het bereik bevat ${approaches.length} aanpakken; geef de aanpak op als 'Gemeente — Aanpak', bijvoorbeeld '${clip(labels()[0], 60)}'. Aanpakken: {LIST}.`, labels()));
  }
  const names = namesOf(e);
  const k = nameKey(text);
  const exact = names.full.get(k);
  if (exact !== undefined) return { index: exact, by: "naam" };
  const byName = names.byName.get(k);
  if (byName && byName.length === 1) return { index: byName[0], by: "aanpak" };
  if (byName && byName.length > 1) {
    return invalid(
      withList(
        `Aanpak '${clip(text, 60)}' komt bij ${byName.length} gemeenten voor; schrijf 'Gemeente — Aanpak', bijvoorbeeld '${clip(approachLabel(approaches[byName[0]]), 60)}'. Gemeenten: {LIST}.`,
        byName.map((i) => approaches[i].gemeente),
      ),
    );
  }
  const byGemeente = names.byGemeente.get(k);
  if (byGemeente && byGemeente.length === 1) return { index: byGemeente[0], by: "gemeente" };
  if (byGemeente && byGemeente.length > 1) {
    return invalid(
      withList(`Gemeente '${clip(text, 60)}' heeft ${byGemeente.length} aanpakken; schrijf 'Gemeente — Aanpak'. Aanpakken: {LIST}.`, byGemeente.map((i) => approachLabel(approaches[i]))),
    );
  }
  return invalid(withList(`Onbekende aanpak '${clip(text, 60)}'. Aanpakken in het bereik: {LIST}.`, labels()));
}

/**
 * A result scored in another cached parse that is valid here too: same framework, same header rows,
 * and the approach made of the same rows (same positions, same cells). An approach's score depends
 * on nothing else, so after an edit only the approaches whose rows changed are scored again.
 */
function reusableResult(e: AnswersEntry, i: number): ApproachResult | undefined {
  const rows = e.rowsOf[i];
  const ap = e.read.approaches[i];
  const key = `${labelKey(ap.gemeente)}\u0000${labelKey(ap.name)}`;
  for (const o of keptEntries()) {
    if (o === e || o.fw !== e.fw || o.fatal || o.headerRow !== e.headerRow) continue;
    const j = o.keyIndex.get(key);
    if (j === undefined || !o.results[j]) continue;
    const theirs = o.rowsOf[j];
    if (theirs.length !== rows.length || theirs.some((r, k) => r !== rows[k])) continue;
    let same = true;
    for (let r = 0; r <= e.headerRow && same; r++) same = rowEq(o.rows[r], e.rows[r]);
    for (let k = 0; k < rows.length && same; k++) same = rowEq(o.rows[rows[k]], e.rows[rows[k]]);
    if (same) return o.results[j];
  }
  return undefined;
}

function resultOf(e: AnswersEntry, i: number): ApproachResult {
  let r = e.results[i];
  if (!r) {
    r = reusableResult(e, i);
    if (!r) {
      stats.approachScores++;
      r = scoreApproach(e.read.approaches[i], e.fw);
    }
    e.results[i] = r;
  }
  return r;
}

function touch(i: number): void {
  if (i > 0) answersCache.unshift(...answersCache.splice(i, 1));
}

/**
 * The scored approach: from the cache when the rows it depends on are unchanged, else after parsing
 * the range (once per distinct content).
 */
function scored(answers: unknown, approach: unknown, fw: Framework): Result<ApproachResult> {
  const grid = asGrid(answers);
  const set = answerSetOf(grid);
  if (set !== null) return isEngineError(set) ? set : resultFor(entryOf(set, fw), approach);

  for (let n = 0; n < answersCache.length; n++) {
    const e = answersCache[n];
    if (e.fw !== fw || !sameFrame(e, grid)) continue;
    if (e.fatal) {
      touch(n);
      stats.cacheHits++;
      return e.fatal;
    }
    const res = resolveApproach(e, approach);
    if (isEngineError(res)) {
      // Such errors depend on the whole range: serve them only when it is entirely unchanged.
      if (gridEq(grid, e.rows)) {
        touch(n);
        stats.cacheHits++;
        return res;
      }
      continue;
    }
    const i = res.index;
    if (sameKeyColumns(e, grid, res) && sameRows(e, grid, e.rowsOf[i]) && sameRows(e, grid, e.orphanRows)) {
      touch(n);
      stats.cacheHits++;
      return resultOf(e, i);
    }
  }

  const e = parseAnswers(copyGrid(grid), fw);
  answersCache.unshift(e);
  if (answersCache.length > ANSWERS_CACHE_SIZE) answersCache.pop();
  return resultFor(e, approach);
}

/** The result of the approach the argument names, in a parse that was just made or looked up. */
function resultFor(e: AnswersEntry, approach: unknown): Result<ApproachResult> {
  if (e.fatal) return e.fatal;
  const res = resolveApproach(e, approach);
  return isEngineError(res) ? res : resultOf(e, res.index);
}

// ---------------------------------------------------------------------------------------------
// Answer sets: =STJ.ANSWERS(range) reads the range once and returns a key the other functions take
// ---------------------------------------------------------------------------------------------
//
// A cached call over a range still has to look at one cell in every row of its own copy, because
// any row may have been renamed to the asked approach; with 30,000 formula cells over a 4,000-row
// range that check alone is over a second here, and Excel's runtime pays far more to serialise the
// range 30,000 times. An answer set moves the range into ONE cell: =STJ.ANSWERS(Antwoorden[#All])
// reads it and returns a short text, its key, and the other cells pass that cell instead of the
// range. Excel recalculates the key cell when an answer changes and, because the text changes with
// the content, every cell that uses it. A call with a key does no check at all: the key names one
// content exactly (the content's hash, with a suffix in the unlikely case that two contents share a
// hash, told apart by a full comparison when the key is made).

export const ANSWER_SETS_SIZE = 8;

/** Every key starts with this, so a 1×1 argument that starts with it is taken as a key. */
export const ANSWER_SET_PREFIX = "STJ-antwoorden";

interface AnswerSet {
  key: string;
  /** Private copy of the range, as read (see {@link copyGrid}). */
  rows: CellValue[][];
  /** Parses of `rows`, one per framework used with this set (the built-in one first). */
  entries: AnswersEntry[];
}

/** The sets in order of last use (a Map keeps insertion order: the first one is evicted). */
const answerSets = new Map<string, AnswerSet>();

/** Every parse the engine keeps: the range cache and the answer sets (for results after an edit). */
function keptEntries(): AnswersEntry[] {
  const out = answersCache.slice();
  for (const s of answerSets.values()) out.push(...s.entries);
  return out;
}

/** 52-bit hash of a private copy, in 13 hex digits; equal content (by cellEq) gives equal hashes. */
export function contentHash(rows: readonly (readonly CellValue[])[]): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x3c6ef372;
  const mix = (c: number) => {
    h1 = Math.imul(h1 ^ c, 0x9e3779b1);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  };
  const text = (s: string) => {
    mix(s.length);
    for (let i = 0; i < s.length; i++) mix(s.charCodeAt(i));
  };
  mix(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    mix(row.length);
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === "string") {
        mix(1);
        text(v);
      } else if (typeof v === "number") {
        mix(2);
        text(Number.isNaN(v) ? "NaN" : String(v));
      } else if (typeof v === "boolean") mix(v ? 3 : 4);
      else if (v === null || v === undefined) mix(5);
      else if (v instanceof Date) {
        mix(6);
        text(String(v.getTime()));
      } else {
        mix(7);
        text(cellErrorCode(v) ?? "");
      }
    }
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 0x85ebca6b) ^ Math.imul(h2 ^ (h2 >>> 13), 0xc2b2ae35);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 0x85ebca6b) ^ Math.imul(h1 ^ (h1 >>> 13), 0xc2b2ae35);
  const hi = (h2 >>> 0) & 0xfffff; // 20 bits
  return hi.toString(16).padStart(5, "0") + (h1 >>> 0).toString(16).padStart(8, "0");
}

/** Hooks for tests: a hash that collides on purpose shows that keys still name one content. */
export const answerSetTesting = { hash: contentHash };

function countText(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The end of a key, "[hash]" or "[hash-2]" …: it alone tells sets apart (the counts before it do not). */
function hashTag(hash: string, suffix: number): string {
  return `[${hash}${suffix > 1 ? `-${suffix}` : ""}]`;
}

function setKey(e: AnswersEntry, tag: string): string {
  const approaches = e.read.approaches;
  let respondents = 0;
  for (let i = 0; i < approaches.length; i++) respondents += approaches[i].respondents.length;
  const counts = `${countText(approaches.length, "aanpak", "aanpakken")}, ${countText(respondents, "respondent", "respondenten")}`;
  return `${ANSWER_SET_PREFIX}: ${counts} ${tag}`;
}

function touchSet(s: AnswerSet): void {
  answerSets.delete(s.key);
  answerSets.set(s.key, s);
}

/**
 * STJ.ANSWERS: reads an answers range once and returns its key, e.g.
 * "STJ-antwoorden: 3 aanpakken, 14 respondenten [d877c92533317]". The same content gives the same
 * key (also after Excel reloads the add-in), other content another key. A range that cannot be read
 * at all gives the error the other functions would give.
 */
export function answerSet(answers: unknown): Result<string> {
  const grid = asGrid(answers);
  const known = answerSetOf(grid);
  if (known !== null) return isEngineError(known) ? known : known.key; // a key passed again: itself
  const rows = copyGrid(grid);
  const hash = answerSetTesting.hash(rows);
  // The first tag that no held set has, unless the set holding it has this very content.
  let suffix = 1;
  for (const held = [...answerSets.values()]; ; suffix++) {
    const tag = hashTag(hash, suffix);
    const holder = held.find((s) => s.key.endsWith(tag));
    if (!holder) break;
    if (gridEq(rows, holder.rows)) {
      touchSet(holder);
      return holder.key;
    }
  }
  const e = parseAnswers(rows, ggsr2013);
  if (e.fatal) return e.fatal;
  const set: AnswerSet = { key: setKey(e, hashTag(hash, suffix)), rows, entries: [e] };
  stats.answerSets++;
  answerSets.set(set.key, set);
  if (answerSets.size > ANSWER_SETS_SIZE) answerSets.delete(answerSets.keys().next().value!);
  return set.key;
}

/**
 * The answer set a 1×1 argument names: null when the argument is a range (not a key), an error when
 * it is a key the engine does not hold (evicted, or made before the add-in was reloaded).
 */
function answerSetOf(grid: Grid): AnswerSet | EngineError | null {
  if (grid.length !== 1 || grid[0]?.length !== 1) return null;
  const v = grid[0][0];
  if (typeof v !== "string" || !v.startsWith(ANSWER_SET_PREFIX)) return null;
  const s = answerSets.get(v);
  if (s) {
    touchSet(s);
    return s;
  }
  return notAvailable(
    `Antwoordenset '${clip(v, 80)}' is niet geladen (de invoegtoepassing is opnieuw gestart, of er zijn meer dan ${ANSWER_SETS_SIZE} sets gemaakt). ` +
      `Bereken de cel met =STJ.ANSWERS(…) opnieuw: Ctrl+Alt+F9 berekent alles opnieuw.`,
  );
}

/** The parse of a set for one framework, made on first use. */
function entryOf(s: AnswerSet, fw: Framework): AnswersEntry {
  for (let i = 0; i < s.entries.length; i++) if (s.entries[i].fw === fw) return s.entries[i];
  const e = parseAnswers(s.rows, fw);
  s.entries.push(e);
  // The built-in framework's parse stays; of the others only the last FRAMEWORK_CACHE_SIZE.
  if (s.entries.length > FRAMEWORK_CACHE_SIZE + 1) s.entries.splice(1, 1);
  return e;
}

// ---------------------------------------------------------------------------------------------
// The functions
// ---------------------------------------------------------------------------------------------

/** "✓ voldoet", "✗ verbeterpunt", "? onvoldoende informatie" (as in the scored workbook). */
export function verdictLabel(v: Verdict): string {
  return `${SYMBOL[v]} ${VERDICT_TEXT[v]}`;
}

/**
 * The scored approach that the arguments name (see the module comment for the cache). The
 * framework is read first: it decides which indicator codes and columns exist.
 */
export function approachResult(answers: unknown, approach?: unknown, framework?: unknown): Result<ApproachResult> {
  const fw = frameworkOf(framework);
  if (isEngineError(fw)) return fw;
  return scored(answers, approach, fw);
}

function indicatorResult(indicator: unknown, answers: unknown, approach: unknown, framework: unknown): Result<IndicatorResult> {
  const fw = frameworkOf(framework);
  if (isEngineError(fw)) return fw;
  const pos = indicatorPosition(fw, indicator);
  if (isEngineError(pos)) return pos;
  const r = scored(answers, approach, fw);
  if (isEngineError(r)) return r;
  return indicatorsOf(r)[pos];
}

/**
 * The indicator results of a cached approach, built once: a scored approach builds them anew on
 * each read of `indicators` (it keeps only numbers), and a sheet asks for them once per cell.
 */
const indicatorLists = new WeakMap<ApproachResult, IndicatorResult[]>();

function indicatorsOf(r: ApproachResult): IndicatorResult[] {
  let list = indicatorLists.get(r);
  if (!list) {
    list = r.indicators;
    indicatorLists.set(r, list);
  }
  return list;
}

/** STJ.VERDICT: the verdict of one indicator, e.g. "✗ verbeterpunt". */
export function verdict(indicator: unknown, answers: unknown, approach?: unknown, framework?: unknown): Result<string> {
  const r = indicatorResult(indicator, answers, approach, framework);
  return isEngineError(r) ? r : verdictLabel(r.verdict);
}

/** STJ.DIVERGENCE: 0 (everyone agrees) … 1 (maximally divided); #N/A with fewer than two real answers. */
export function divergence(indicator: unknown, answers: unknown, approach?: unknown, framework?: unknown): Result<number> {
  const r = indicatorResult(indicator, answers, approach, framework);
  if (isEngineError(r)) return r;
  const d = r.divergence;
  if (d.score === null) {
    return notAvailable(
      `Geen spreiding voor ${r.code}: minder dan twee echte antwoorden${d.countsText ? ` (${d.countsText})` : ""}; 'weet niet' en lege cellen tellen niet mee.`,
    );
  }
  return d.score;
}

/** STJ.FINDING: the finding text as in the factsheet, with its LET OP notes. */
export function finding(indicator: unknown, answers: unknown, approach?: unknown, framework?: unknown): Result<string> {
  const r = indicatorResult(indicator, answers, approach, framework);
  return isEngineError(r) ? r : r.finding;
}

export const VERDICTS_HEADER = ["Code", "Indicator", "Oordeel", "LET OP", "Spreiding", "Bevinding"] as const;

/**
 * STJ.VERDICTS: one row per indicator under a header (see {@link VERDICTS_HEADER}). LET OP holds the
 * notes (line breaks between them), "" when there are none; Spreiding is "" with fewer than two answers.
 */
export function verdicts(answers: unknown, approach?: unknown, framework?: unknown): Result<SpillValue[][]> {
  const r = approachResult(answers, approach, framework);
  if (isEngineError(r)) return r;
  const rows: SpillValue[][] = [[...VERDICTS_HEADER]];
  for (const i of indicatorsOf(r)) {
    rows.push([i.code, i.text, verdictLabel(i.verdict), i.notes.join("\n"), i.divergence.score ?? "", i.finding]);
  }
  return rows;
}

export const AGREEMENT_HEADER = ["Items", "Beoordelaars", "Overeenstemming", "AC1", "Alpha"] as const;

/**
 * STJ.AGREEMENT: a header and one row: items, raters, percent agreement, Gwet's AC1 and
 * Krippendorff's alpha (as the Overeenstemming sheet of the scored workbook); "" where undefined.
 */
export function agreement(answers: unknown, approach?: unknown, framework?: unknown): Result<SpillValue[][]> {
  const r = approachResult(answers, approach, framework);
  if (isEngineError(r)) return r;
  const g = r.agreement;
  return [[...AGREEMENT_HEADER], [g.items, g.raters, g.percent ?? "", g.ac1 ?? "", g.alpha ?? ""]];
}

/** STJ.IMPROVEMENTS: the number of ✗ verbeterpunten of the approach, optionally of one theme. */
export function improvements(answers: unknown, approach?: unknown, theme?: unknown, framework?: unknown): Result<number> {
  const fw = frameworkOf(framework);
  if (isEngineError(fw)) return fw;
  let themeName: string | null = null;
  if (!omitted(theme)) {
    const k = labelKey(argText(theme));
    const t = fw.themes.find((x) => labelKey(x.name) === k);
    if (!t) return invalid(withList(`Onbekend thema '${clip(argText(theme), 40)}'. Thema's: {LIST}.`, fw.themes.map((x) => x.name)));
    themeName = t.name;
  }
  const r = scored(answers, approach, fw);
  if (isEngineError(r)) return r;
  let n = 0;
  for (const i of indicatorsOf(r)) if (i.verdict === "verbeterpunt" && (themeName === null || i.theme === themeName)) n++;
  return n;
}
