/**
 * What the panels show, computed from the study and the results. Pure: no React, no Office.
 */
import { answerText, cellText, findIndicator, labelKey, NOTE_SUFFIX, parseAddress } from "../scoring";
import type { Approach, ApproachResult, CellValue, Framework, IndicatorResult, Role, SheetData, Verdict } from "../scoring";
import { isBlank } from "../scoring/normalise";

/** "Antwoorden!F7" → { sheet: "Antwoorden", address: "F7" }; quotes around the sheet name are removed. */
export function splitCellRef(ref: string): { sheet: string; address: string } {
  const i = ref.lastIndexOf("!");
  if (i < 0) return { sheet: "", address: ref };
  let sheet = ref.slice(0, i);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: ref.slice(i + 1) };
}

export function approachKey(a: { gemeente: string; approach?: string; name?: string }): string {
  return `${labelKey(a.gemeente)}\u0000${labelKey(a.approach ?? a.name ?? "")}`;
}

export function approachTitle(r: { gemeente: string; approach: string }): string {
  return `${r.gemeente} — ${r.approach}`;
}

/** The indicators of a result per theme, in framework order. */
export function themesOf(result: ApproachResult): { theme: string; indicators: IndicatorResult[] }[] {
  const out: { theme: string; indicators: IndicatorResult[] }[] = [];
  for (const ind of result.indicators) {
    let t = out.find((x) => x.theme === ind.theme);
    if (!t) {
      t = { theme: ind.theme, indicators: [] };
      out.push(t);
    }
    t.indicators.push(ind);
  }
  return out;
}

/** Whether an indicator asks for the analyst's attention: not ✓, a LET OP, or respondents who split. */
export function needsAttention(ind: IndicatorResult): boolean {
  return ind.verdict !== "voldoet" || ind.letOp || ind.divergence.label === "verdeeld" || ind.divergence.label === "minderheid wijkt af";
}

// ---------------------------------------------------------------------------------------------
// Answers side by side
// ---------------------------------------------------------------------------------------------

export interface GridCell {
  /** What is shown: the answer as read, the cell's text when it could not be read, or "" when empty. */
  text: string;
  /** "Antwoorden!F7"; null when the sheet has no column for the question. */
  ref: string | null;
  /** The question is not asked of this respondent's role. */
  notAsked: boolean;
  /** The cell holds something that is no valid answer (see Controleren). */
  invalid: boolean;
}

export interface AnswerGrid {
  respondents: { name: string; role: Role; row: number }[];
  rows: { code: string; text: string; cells: GridCell[] }[];
  /** The "<CODE>_toelichting" texts per respondent, when any. */
  notes: GridCell[] | null;
}

/** The raw value of a cell of the answers sheet as read (to show invalid answers as they are). */
function rawValue(sheet: SheetData | null | undefined, ref: string | null): CellValue {
  if (!sheet || !ref) return null;
  const { sheet: name, address } = splitCellRef(ref);
  if (labelKey(name) !== labelKey(sheet.name)) return null;
  const p = parseAddress(address);
  if (!p) return null;
  const r = p.row - (sheet.origin?.row ?? 0);
  const c = p.col - (sheet.origin?.col ?? 0);
  return sheet.values[r]?.[c] ?? null;
}

function rawText(v: CellValue): string {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (v && typeof v === "object") return v.error;
  return cellText(v);
}

/** Every respondent's answers to the questions of one indicator, side by side, with their cells. */
export function answerGrid(approach: Approach, fw: Framework, code: string, answersSheet?: SheetData | null): AnswerGrid | null {
  const place = findIndicator(fw, code);
  if (!place) return null;
  const respondents = approach.respondents.map((r) => ({ name: r.name, role: r.role, row: r.source.row }));
  const cellRef = (r: Approach["respondents"][number], column: string): string | null => {
    const col = r.source.columns[column];
    return col ? `${r.source.sheet}!${col}${r.source.row}` : null;
  };
  const rows = place.indicator.questions.map((q) => ({
    code: q.code,
    text: q.text,
    cells: approach.respondents.map((r): GridCell => {
      const ref = cellRef(r, q.code);
      const notAsked = !q.roles.includes(r.role);
      const a = r.answers[q.code];
      if (a && a.kind !== "leeg") return { text: answerText(a), ref, notAsked, invalid: false };
      const raw = rawValue(answersSheet, ref);
      return { text: isBlank(raw) ? "" : rawText(raw), ref, notAsked, invalid: !isBlank(raw) && !notAsked };
    }),
  }));
  const noteCol = `${place.indicator.code}${NOTE_SUFFIX}`;
  const hasNotes = approach.respondents.some((r) => r.notes[place.indicator.code] !== undefined);
  const notes = hasNotes
    ? approach.respondents.map((r): GridCell => ({ text: r.notes[place.indicator.code] ?? "", ref: cellRef(r, noteCol), notAsked: false, invalid: false }))
    : null;
  return { respondents, rows, notes };
}

// ---------------------------------------------------------------------------------------------
// Overview
// ---------------------------------------------------------------------------------------------

export interface StudyCounts {
  approaches: number;
  gemeenten: number;
  indicators: number;
  voldoet: number;
  letOp: number;
  verbeterpunt: number;
  onvoldoende: number;
  overridden: number;
}

export function studyCounts(results: readonly ApproachResult[]): StudyCounts {
  const c: StudyCounts = { approaches: results.length, gemeenten: new Set(results.map((r) => labelKey(r.gemeente))).size, indicators: 0, voldoet: 0, letOp: 0, verbeterpunt: 0, onvoldoende: 0, overridden: 0 };
  for (const r of results) {
    c.voldoet += r.counts.voldoet;
    c.letOp += r.counts.letOp;
    c.verbeterpunt += r.counts.verbeterpunt;
    c.onvoldoende += r.counts.onvoldoende;
    c.indicators += r.indicators.length;
    c.overridden += r.indicators.filter((i) => i.override).length;
  }
  return c;
}

export interface ThemeTally {
  theme: string;
  /** Number of indicators in the theme (per approach). */
  indicators: number;
  verbeterpunt: number;
  letOp: number;
  onvoldoende: number;
}

/** Per theme (framework order) how many ✗, LET OP and ? the study has, over all approaches. */
export function themeTallies(results: readonly ApproachResult[], fw: Framework): ThemeTally[] {
  const tallies = fw.themes.map((t) => ({ theme: t.name, indicators: t.criteria.reduce((n, c) => n + c.indicators.length, 0), verbeterpunt: 0, letOp: 0, onvoldoende: 0 }));
  const byName = new Map(tallies.map((t) => [t.theme, t]));
  for (const r of results)
    for (const i of r.indicators) {
      const t = byName.get(i.theme);
      if (!t) continue;
      if (i.verdict === "verbeterpunt") t.verbeterpunt++;
      else if (i.verdict === "onvoldoende") t.onvoldoende++;
      else if (i.letOp) t.letOp++;
    }
  return tallies;
}

export interface MatrixRow {
  key: string;
  gemeente: string;
  approach: string;
  cells: { code: string; verdict: Verdict | null; letOp: boolean; overridden: boolean }[];
}

/** The verdict matrix: one row per approach, one column per indicator code (framework order). */
export function verdictMatrix(results: readonly ApproachResult[], fw: Framework): { themes: { theme: string; codes: string[] }[]; rows: MatrixRow[] } {
  const themes = fw.themes.map((t) => ({ theme: t.name, codes: t.criteria.flatMap((c) => c.indicators.map((i) => i.code)) }));
  const codes = themes.flatMap((t) => t.codes);
  const rows = results.map((r) => {
    const by = new Map(r.indicators.map((i) => [i.code, i]));
    return {
      key: approachKey(r),
      gemeente: r.gemeente,
      approach: r.approach,
      cells: codes.map((code) => {
        const i = by.get(code);
        return { code, verdict: i ? i.verdict : null, letOp: !!i && i.verdict === "voldoet" && i.letOp, overridden: !!i?.override };
      }),
    };
  });
  return { themes, rows };
}

/** Results grouped per gemeente (order of first appearance), for factsheets. */
export function byGemeente(results: readonly ApproachResult[]): { gemeente: string; results: ApproachResult[] }[] {
  const out: { gemeente: string; results: ApproachResult[] }[] = [];
  for (const r of results) {
    const g = out.find((x) => labelKey(x.gemeente) === labelKey(r.gemeente));
    if (g) g.results.push(r);
    else out.push({ gemeente: r.gemeente, results: [r] });
  }
  return out;
}
