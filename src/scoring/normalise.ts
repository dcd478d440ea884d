/**
 * Tolerant, never-guessing normalisation of cell values into answers.
 *
 * Tolerated: case, surrounding and repeated spaces, non-breaking spaces, accents, a trailing full stop,
 * common spellings (Ja/JA/j/x/yes/1/WAAR → ja). Anything else is a problem with a Dutch description,
 * and where a close match exists, a suggestion — but never silently taken as that match.
 */
import type { Answer, AnswerType, CellError, CellValue, Role } from "./types";

export type Parsed = { ok: true; answer: Answer } | { ok: false; problem: string };

const ERROR_TEXT = /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|FIELD!|BUSY!|GETTING_DATA|CONNECT!|BLOCKED!|UNKNOWN!)$/i;

export function isCellError(v: CellValue): v is CellError {
  return typeof v === "object" && v !== null && !(v instanceof Date) && typeof (v as CellError).error === "string";
}

/** The error code of a cell (`#N/A`), whether reported as an error object or as its text; else null. */
export function cellErrorCode(v: CellValue): string | null {
  if (isCellError(v)) return v.error;
  if (typeof v === "string" && v.includes("#") && ERROR_TEXT.test(v.trim())) return v.trim().toUpperCase();
  return null;
}

/** White space that cellText folds: a test for it is cheaper than folding text that has none. */
const UNUSUAL_SPACE = /[\u00a0\u2007\u202f\t\r\n]| {2}/;

/** Text of a cell with white space folded; numbers and booleans as they read. Dates and errors give "". */
export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return UNUSUAL_SPACE.test(v) ? v.replace(/[\u00a0\u2007\u202f\t\r\n]+/g, " ").replace(/ {2,}/g, " ").trim() : v.trim();
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "boolean") return v ? "WAAR" : "ONWAAR";
  return "";
}

const keyCache = new Map<string, string>();

/** A key for comparing labels: lower case, no accents, punctuation and spacing folded. */
export function labelKey(s: string): string {
  // Answers repeat endlessly ("ja", partner names): remember the keys of short labels.
  const hit = keyCache.get(s);
  if (hit !== undefined) return hit;
  const k = computeLabelKey(s);
  if (s.length <= 80) {
    if (keyCache.size >= 50_000) keyCache.clear();
    keyCache.set(s, k);
  }
  return k;
}

function computeLabelKey(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[\u00a0\s_]+/g, " ")
    .replace(/[.'"’‘“”]/g, "")
    .trim();
}

export function isBlank(v: CellValue): boolean {
  return v === null || v === undefined || (typeof v === "string" && cellText(v) === "");
}

const JA = new Set(["ja", "j", "yes", "y", "x", "waar", "true", "1", "ja hoor", "jazeker"]);
const NEE = new Set(["nee", "n", "no", "onwaar", "false", "0", "neen"]);
const DEELS = new Set(["deels", "gedeeltelijk", "d", "soms", "partly", "partially", "ten dele", "deel"]);
const WEETNIET = new Set(["weet niet", "weetniet", "wn", "?", "onbekend", "niet bekend", "dont know", "don't know", "unknown", "nvt weet niet"]);

/** Levenshtein distance, small and iterative (labels are short). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/** The candidate closest to `s`, when it is close enough to be worth suggesting. */
export function closest(s: string, candidates: readonly string[]): string | null {
  const k = labelKey(s);
  const limit = Math.max(1, Math.floor(k.length / 3));
  let best: string | null = null;
  let bestD = Infinity;
  for (const c of candidates) {
    const kc = labelKey(c);
    // The distance is at least the difference in length: a candidate that far off is never suggested,
    // and skipping it keeps a 100,000-character cell from costing millions of steps per candidate.
    if (Math.abs(k.length - kc.length) > limit) continue;
    const d = editDistance(k, kc);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best !== null && bestD <= limit ? best : null;
}

function suggestion(s: string, candidates: readonly string[]): string {
  const c = closest(s, candidates);
  return c ? ` Bedoelt u '${c}'?` : "";
}

function quoteValue(v: CellValue): string {
  if (v instanceof Date) return `de datum ${v.toISOString().slice(0, 10)}`;
  return `'${cellText(v)}'`;
}

/** Problems common to every answer type: error values and dates. */
function problemOfCell(v: CellValue): string | null {
  const err = cellErrorCode(v);
  if (err) return `bevat de foutwaarde ${err}`;
  if (v instanceof Date) return `bevat ${quoteValue(v)}; Excel heeft de invoer waarschijnlijk als datum gelezen`;
  return null;
}

/** Shared, never-mutated results for the common answers (a 50,000-row sheet has millions of them). */
const OK_LEEG: Parsed = Object.freeze({ ok: true, answer: Object.freeze({ kind: "leeg" }) }) as Parsed;
const JANEE_OK: Record<string, Parsed> = {
  ja: Object.freeze({ ok: true, answer: Object.freeze({ kind: "janee", value: "ja" }) }) as Parsed,
  nee: Object.freeze({ ok: true, answer: Object.freeze({ kind: "janee", value: "nee" }) }) as Parsed,
  deels: Object.freeze({ ok: true, answer: Object.freeze({ kind: "janee", value: "deels" }) }) as Parsed,
  weetniet: Object.freeze({ ok: true, answer: Object.freeze({ kind: "weetniet" }) }) as Parsed,
};

export function parseJaNee(v: CellValue): Parsed {
  if (typeof v === "string") {
    // Fast path for text that is already a clean answer.
    const direct = v === "ja" || v === "nee" || v === "deels" ? JANEE_OK[v] : v === "" ? OK_LEEG : v === "weet niet" ? JANEE_OK.weetniet : undefined;
    if (direct) return direct;
  } else if (v === null || v === undefined) return OK_LEEG;
  const p = problemOfCell(v);
  if (p) return { ok: false, problem: `${p}; verwacht ja, nee, deels of weet niet` };
  if (isBlank(v)) return OK_LEEG;
  if (typeof v === "boolean") return v ? JANEE_OK.ja : JANEE_OK.nee;
  const k = labelKey(cellText(v)).replace(/[!]+$/, "");
  if (JA.has(k)) return JANEE_OK.ja;
  if (NEE.has(k)) return JANEE_OK.nee;
  if (DEELS.has(k)) return JANEE_OK.deels;
  if (WEETNIET.has(k)) return JANEE_OK.weetniet;
  return {
    ok: false,
    problem: `${quoteValue(v)} is geen geldig antwoord; verwacht ja, nee, deels of weet niet.${suggestion(k, ["ja", "nee", "deels", "weet niet"])}`,
  };
}

const optionIndexes = new WeakMap<readonly string[], Map<string, number>>();

/** Key → position of the option with that key; built once per options list. */
function optionIndex(options: readonly string[]): Map<string, number> {
  let index = optionIndexes.get(options);
  if (!index) {
    index = new Map(options.map((o, i) => [labelKey(o), i]));
    optionIndexes.set(options, index);
  }
  return index;
}

/** The option whose key equals the item's key. */
function matchOption(item: string, options: readonly string[]): string | null {
  const i = optionIndex(options).get(labelKey(item));
  return i === undefined ? null : options[i];
}

export function parseChoice(v: CellValue, options: readonly string[]): Parsed {
  const p = problemOfCell(v);
  if (p) return { ok: false, problem: `${p}; verwacht een van: ${options.join("; ")}` };
  if (isBlank(v)) return { ok: true, answer: { kind: "leeg" } };
  const t = cellText(v);
  if (WEETNIET.has(labelKey(t))) return { ok: true, answer: { kind: "weetniet" } };
  const m = matchOption(t, options);
  if (m) return { ok: true, answer: { kind: "keuze", value: m } };
  return {
    ok: false,
    problem: `${quoteValue(v)} is geen van de keuzes; verwacht een van: ${options.join("; ")}.${suggestion(t, options)}`,
  };
}

const SEMICOLON = 59;
const COMMA = 44;
const LF = 10;
const CR = 13;
const BLANK_ITEM = -1;
const UNKNOWN_ITEM = -2;
/** Raw items remembered per options list; more distinct items than this are looked up each time. */
const PART_LIMIT = 2048;

const partIndexes = new WeakMap<readonly string[], Map<string, number>>();

/** Raw item of a list (untrimmed) → position of its option, {@link BLANK_ITEM} or {@link UNKNOWN_ITEM}. */
function partIndex(options: readonly string[]): Map<string, number> {
  let parts = partIndexes.get(options);
  if (!parts) {
    parts = new Map();
    partIndexes.set(options, parts);
  }
  return parts;
}

/** A list in one cell, separated by ";", "," or line breaks. */
export function parseMulti(v: CellValue, options: readonly string[]): Parsed {
  const p = problemOfCell(v);
  if (p) return { ok: false, problem: `${p}; verwacht een lijst gescheiden door ';' uit: ${options.join("; ")}` };
  if (isBlank(v)) return { ok: true, answer: { kind: "leeg" } };
  const raw = typeof v === "string" ? v : cellText(v);
  // "weet niet" for the whole list. A text with a separator never is: labelKey keeps ";" and ",",
  // and no spelling of "weet niet" has one (so long lists are not folded and cached for nothing).
  if (!/[;,]/.test(raw) && WEETNIET.has(labelKey(cellText(raw)))) return { ok: true, answer: { kind: "weetniet" } };
  // Which options are named (each once, whatever the order or spelling), and what is not an option.
  // The items between separators (";", ",", line breaks) are cut out by hand and looked up raw: the
  // same few items recur in every row, while whole lists rarely repeat (bench/score.ts).
  const parts = partIndex(options);
  const named: boolean[] = new Array(options.length).fill(false);
  const unknown: string[] = [];
  const len = raw.length;
  let start = 0;
  for (let i = 0; i <= len; i++) {
    const c = i < len ? raw.charCodeAt(i) : SEMICOLON;
    if (c !== SEMICOLON && c !== COMMA && c !== LF && c !== CR) continue;
    if (i > start) {
      const part = raw.slice(start, i);
      let at = parts.get(part);
      if (at === undefined) {
        const it = cellText(part);
        at = it === "" ? BLANK_ITEM : (optionIndex(options).get(labelKey(it)) ?? UNKNOWN_ITEM);
        if (parts.size < PART_LIMIT) parts.set(part, at);
      }
      if (at === UNKNOWN_ITEM) unknown.push(cellText(part));
      else if (at !== BLANK_ITEM) named[at] = true;
    }
    start = i + 1;
  }
  if (unknown.length > 0) {
    const hints = unknown.map((u) => {
      const c = closest(u, options);
      return c ? `'${u}' (bedoelt u '${c}'?)` : `'${u}'`;
    });
    return {
      ok: false,
      problem: `onbekende keuze${unknown.length > 1 ? "s" : ""} ${hints.join(", ")}; toegestaan: ${options.join("; ")}`,
    };
  }
  // In the order of the options.
  const values = options.filter((_, i) => named[i]);
  if (values.length === 0) return { ok: true, answer: { kind: "leeg" } };
  return { ok: true, answer: { kind: "meerkeuze", values } };
}

/** A whole number: 72000, "72000", "72.000", "72 000". Anything else is reported. */
export function parseWholeNumber(v: CellValue): { ok: true; value: number | null } | { ok: false; problem: string } {
  const p = problemOfCell(v);
  if (p) return { ok: false, problem: `${p}; verwacht een geheel getal` };
  if (isBlank(v)) return { ok: true, value: null };
  if (typeof v === "number") {
    // Safe integers only: beyond 2^53 the value is not exact and String(v) turns into "1e+21".
    if (Number.isSafeInteger(v) && v >= 0) return { ok: true, value: v === 0 ? 0 : v }; // -0 → 0
    return { ok: false, problem: `${v} is geen geheel getal van 0 of meer` };
  }
  const t = cellText(v).replace(/[ ]/g, "");
  const digits = /^\d+$/.test(t) ? t : /^\d{1,3}(\.\d{3})+$/.test(t) ? t.replace(/\./g, "") : null;
  if (digits !== null && Number.isSafeInteger(Number(digits))) return { ok: true, value: Number(digits) };
  return { ok: false, problem: `${quoteValue(v)} is geen geheel getal (schrijf bijvoorbeeld 72000 of 72.000)` };
}

export function parseText(v: CellValue): Parsed {
  const err = cellErrorCode(v);
  if (err) return { ok: false, problem: `bevat de foutwaarde ${err}; verwacht tekst` };
  if (v instanceof Date) return { ok: true, answer: { kind: "tekst", value: v.toISOString().slice(0, 10) } };
  const t = typeof v === "string" ? v.trim() : cellText(v);
  return t === "" ? { ok: true, answer: { kind: "leeg" } } : { ok: true, answer: { kind: "tekst", value: t } };
}

export function parseAnswer(v: CellValue, type: AnswerType, options: readonly string[]): Parsed {
  switch (type) {
    case "janee":
      return parseJaNee(v);
    case "keuze":
      return parseChoice(v, options);
    case "meerkeuze":
      return parseMulti(v, options);
    case "tekst":
      return parseText(v);
    case "getal": {
      const n = parseWholeNumber(v);
      if (!n.ok) return n;
      return { ok: true, answer: n.value === null ? { kind: "leeg" } : { kind: "getal", value: n.value } };
    }
  }
}

/** How an answer is shown and written back; parsing this text gives the same answer again. */
export function answerText(a: Answer): string {
  switch (a.kind) {
    case "leeg":
      return "";
    case "weetniet":
      return "weet niet";
    case "janee":
    case "keuze":
    case "tekst":
      return a.value;
    case "meerkeuze":
      return a.values.join("; ");
    case "getal":
      return String(a.value);
  }
}

const ROLE_WORDS: Record<string, Role> = {
  gemeente: "gemeente",
  gem: "gemeente",
  municipality: "gemeente",
  netwerkpartner: "netwerkpartner",
  "netwerk partner": "netwerkpartner",
  netwerkpartij: "netwerkpartner",
  partner: "netwerkpartner",
  np: "netwerkpartner",
  document: "document",
  documenten: "document",
  documentatie: "document",
  doc: "document",
  documents: "document",
};

export function parseRole(v: CellValue): { ok: true; role: Role } | { ok: false; problem: string } {
  const p = problemOfCell(v);
  if (p) return { ok: false, problem: `${p}; verwacht gemeente, netwerkpartner of document` };
  if (isBlank(v)) return { ok: false, problem: "is leeg; verwacht gemeente, netwerkpartner of document" };
  const k = labelKey(cellText(v));
  const role = ROLE_WORDS[k];
  if (role) return { ok: true, role };
  return {
    ok: false,
    problem: `${quoteValue(v)} is geen rol; verwacht gemeente, netwerkpartner of document.${suggestion(k, ["gemeente", "netwerkpartner", "document"])}`,
  };
}

/** Score of a ja/nee answer: ja 1, deels ½, nee 0. */
export function janeeScore(v: "ja" | "nee" | "deels"): number {
  return v === "ja" ? 1 : v === "deels" ? 0.5 : 0;
}
