/**
 * Types of the scoring core. Pure data: no Office, no DOM, no I/O.
 *
 * The flow is: a {@link Framework} (the toetsingskader with its questionnaire, as data) plus the
 * cell values of an answers sheet go into `readAnswers`, which yields {@link Approach}es and
 * {@link Issue}s; `scoreApproach` turns an approach into an {@link ApproachResult}.
 */

/** An error value in a cell, as ExcelJS and our Office adapter both report it (e.g. `#N/A`). */
export interface CellError {
  error: string;
}

/** One cell value as a sheet reader hands it to the core. */
export type CellValue = string | number | boolean | Date | CellError | null | undefined;

/** The cell values of one sheet (row-major, starting at `origin`), plus what the reader knows of merges. */
export interface SheetData {
  /** Sheet name, used in every message ("Antwoorden!D7"). */
  name: string;
  values: CellValue[][];
  /** Merged areas as A1 ranges ("B3:B5"). Merged cells in an answers sheet are reported. */
  merges?: string[];
  /** Zero-based row and column of values[0][0] in the sheet; default 0,0 (cell A1). */
  origin?: { row: number; col: number };
}

export type Severity = "fout" | "waarschuwing";

/** A problem found while reading a sheet. `message` is Dutch and names sheet and cell. */
export interface Issue {
  severity: Severity;
  /** Stable machine-readable code, e.g. "unknown-answer". */
  code: string;
  sheet: string;
  /** A1 address of the cell or range, without the sheet; empty when the whole sheet is meant. */
  cell: string;
  message: string;
}

// ---------------------------------------------------------------------------------------------
// Framework
// ---------------------------------------------------------------------------------------------

export type Role = "gemeente" | "netwerkpartner" | "document";
export const ROLES: readonly Role[] = ["gemeente", "netwerkpartner", "document"];

/**
 * Answer types of the questionnaire.
 * - janee: ja / nee / deels / weet niet
 * - keuze: one of `options` (e.g. the target-group category)
 * - meerkeuze: any of `options` (e.g. leefgebieden, partijen), a list in one cell
 * - tekst: free text, never scored
 * - getal: a whole number, never scored
 */
export type AnswerType = "janee" | "keuze" | "meerkeuze" | "tekst" | "getal";

/**
 * How the answers of several respondents to one question are combined.
 * - consensus: weighted share of positive answers (ja 1, deels ½, nee 0) over real answers
 * - gemeente: the gemeente's answer decides; the documents stand in when it has none
 * - gelijk: the share of respondents who chose the most common option (same definition)
 * - dekking: every required group of options is named by a share of respondents
 * - geen: not scored (context, explanation)
 */
export type RuleKind = "consensus" | "gemeente" | "gelijk" | "dekking" | "geen";

/** The share a condition needs: meerderheid (> ½), tweederde (≥ ⅔), unaniem (all), een (at least one). */
export type Quorum = "meerderheid" | "tweederde" | "unaniem" | "een";

/** What a failing condition means for the indicator: vereist → verbeterpunt, letop → a LET OP note. */
export type Weight = "vereist" | "letop";

export interface Question {
  /** Column header in the answers sheet, e.g. "TL1_doelgroep". Unique in the framework. */
  code: string;
  /** The question as asked (Dutch). */
  text: string;
  roles: Role[];
  type: AnswerType;
  /** Allowed options for keuze/meerkeuze. */
  options: string[];
  /** For dekking: groups of options that must be covered; a group is covered by any of its options. */
  required: string[][];
  rule: RuleKind;
  quorum: Quorum;
  weight: Weight;
  /** The positive proposition as a Dutch dat-clause: "de netwerkpartners weten waar …". */
  statement: string;
  /** The negated proposition: "de netwerkpartners weten niet waar …". */
  negation: string;
}

export interface Indicator {
  /** Stable code, e.g. "AP9". */
  code: string;
  text: string;
  questions: Question[];
}

export interface Criterion {
  name: string;
  indicators: Indicator[];
}

export interface Theme {
  name: string;
  description: string;
  criteria: Criterion[];
}

export interface Framework {
  name: string;
  themes: Theme[];
}

// ---------------------------------------------------------------------------------------------
// Answers
// ---------------------------------------------------------------------------------------------

/** A normalised answer. `kind: "leeg"` is no answer at all; "weetniet" is an explicit "weet niet". */
export type Answer =
  | { kind: "leeg" }
  | { kind: "weetniet" }
  | { kind: "janee"; value: "ja" | "nee" | "deels" }
  | { kind: "keuze"; value: string }
  /** The options named, each once, in the order of the question's options. */
  | { kind: "meerkeuze"; values: string[] }
  | { kind: "tekst"; value: string }
  | { kind: "getal"; value: number };

export interface Respondent {
  /** The respondent's name as written (organisation, e.g. "CJG Rijnmond"). */
  name: string;
  role: Role;
  /**
   * Answers by question code; a question that is absent or undefined was not answered. (readAnswers
   * lists every question asked of the role, undefined where there is no answer.)
   */
  answers: Readonly<Record<string, Answer | undefined>>;
  /** Free-text explanations by indicator code (column "<CODE>_toelichting"). */
  notes: Record<string, string>;
  /**
   * Where this respondent's row is, for jumping to it: sheet, 1-based row, and the column letter of
   * each question code and note column (one map shared by all rows of a sheet).
   */
  source: { sheet: string; row: number; columns: Readonly<Record<string, string>> };
}

export interface Approach {
  gemeente: string;
  /** The approach's name, e.g. "CJG-aanpak". */
  name: string;
  respondents: Respondent[];
}

/** Facts per gemeente and per approach from the optional Context sheet. */
export interface GemeenteContext {
  gemeente: string;
  inwoners?: number;
  meerpersoonshuishoudens?: number;
  peildatum?: string;
  beschrijving?: string;
  approaches: Record<string, { beschrijving?: string; aantalGezinnen?: number }>;
}

export interface AnswersRead {
  approaches: Approach[];
  issues: Issue[];
  /** Question codes that no column supplied. */
  missingQuestions: string[];
}

// ---------------------------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------------------------

export type Verdict = "voldoet" | "verbeterpunt" | "onvoldoende";

export type DivergenceLabel = "eensgezind" | "minderheid wijkt af" | "verdeeld" | "te weinig antwoorden";

export interface Divergence {
  /** 0 = everyone agrees, 1 = maximal disagreement; null with fewer than two real answers. */
  score: number | null;
  label: DivergenceLabel;
  /** Weighted pairwise agreement over real answers (1 − score); null with fewer than two. */
  agreement: number | null;
  /** Share of real answers in the most common answer; null without real answers. */
  majorityShare: number | null;
  /** Count per answer, e.g. { ja: 2, deels: 1, "weet niet": 1 }. */
  counts: Record<string, number>;
  /** Human-readable counts: "2× ja, 1× deels, 1× weet niet". */
  countsText: string;
  /** Number of real answers (not "weet niet", not empty). */
  realAnswers: number;
  /** Names of the respondents who differ from the majority. */
  dissenters: string[];
  /**
   * The gemeente's score minus the mean of the netwerkpartners' scores (ja 1, deels ½, nee 0);
   * positive when the gemeente rates itself better than its partners do. Null when either side has no answer.
   */
  gemeenteGap: number | null;
  /** Dutch sentence describing the divergence. */
  text: string;
}

/** One respondent's contribution to a condition, kept so an analyst can see why. */
export interface Evidence {
  respondent: string;
  role: Role;
  /** The answer as shown: "ja", "weet niet", "CJG; BJZ", "(leeg)". */
  answer: string;
  /** Its score for janee questions (1, ½, 0), else null. */
  score: number | null;
  cell: string;
}

export interface ConditionResult {
  question: string;
  rule: RuleKind;
  quorum: Quorum;
  weight: Weight;
  /** null when there were no real answers. */
  passed: boolean | null;
  /** The share that was compared with the quorum; null without real answers. */
  share: number | null;
  /** Dutch explanation of the rule applied: "3 van 4 ondervraagden positief (75%), nodig: meer dan de helft". */
  explanation: string;
  evidence: Evidence[];
  /** For dekking: the required groups nobody or too few named. */
  missing: string[];
  /** Respondents whose real answer goes against the outcome. */
  dissenters: string[];
}

export interface IndicatorResult {
  code: string;
  text: string;
  theme: string;
  criterion: string;
  /** The verdict reported: the analyst's when overridden, else the computed one. */
  verdict: Verdict;
  computedVerdict: Verdict;
  /** Whether the computed verdict is ✓ with LET OP notes (known without building the texts). */
  letOp: boolean;
  /** LET OP notes (without the "LET OP:" prefix). */
  notes: string[];
  /** The finding as reported: "✓ Alle ondervraagden … LET OP: …". */
  finding: string;
  computedFinding: string;
  divergence: Divergence;
  conditions: ConditionResult[];
  /** Short Dutch reasons for the verdict, one per line. */
  reasons: string[];
  override?: Override;
}

export interface Override {
  gemeente: string;
  approach: string;
  indicator: string;
  verdict?: Verdict;
  /** Replaces the finding text (without the ✓/✗ symbol, which follows the verdict). */
  text?: string;
  reason: string;
  author?: string;
  /** ISO date-time. */
  date?: string;
}

export interface Agreement {
  /** Number of items (indicator questions) with at least two real answers. */
  items: number;
  raters: number;
  /** Mean pairwise agreement over items. */
  percent: number | null;
  /** Gwet's AC1. */
  ac1: number | null;
  /** Krippendorff's alpha, nominal. */
  alpha: number | null;
}

export interface ThemeConclusion {
  theme: string;
  good: string[];
  better: string[];
}

export interface ApproachResult {
  gemeente: string;
  approach: string;
  respondents: { name: string; role: Role }[];
  indicators: IndicatorResult[];
  conclusions: ThemeConclusion[];
  agreement: Agreement;
  counts: { voldoet: number; verbeterpunt: number; onvoldoende: number; letOp: number };
}
