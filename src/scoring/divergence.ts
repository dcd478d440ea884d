/**
 * How far the respondents (gemeente and netwerkpartners; documents are evidence, not respondents)
 * diverge on an indicator's main question. See docs/agreement.md.
 */
import { pairwiseAgreement } from "./agreement";
import { add, answerOf, evaluate, Lazy, NONE, settle } from "./conditions";
import { decimal, joinList } from "./dutch";
import { janeeScore } from "./normalise";
import type { Answer, Approach, Divergence, DivergenceLabel, Question } from "./types";

/** Weight for ja/deels/nee pairs: equal 1, one step apart ½, ja–nee 0. */
export function janeeWeight(a: string, b: string): number {
  return 1 - Math.abs(janeeScore(a as "ja") - janeeScore(b as "ja"));
}

/**
 * Jaccard similarity of two lists of options, |A ∩ B| / |A ∪ B|, 1 for two empty lists. Lists of a
 * meerkeuze answer name each option once, so counting shared items is the size of the intersection.
 */
export function jaccard(a: readonly string[], b: readonly string[]): number {
  if (a === b) return 1;
  let inter = 0;
  for (let i = 0; i < a.length; i++) if (b.includes(a[i])) inter++;
  const union = a.length + b.length - inter;
  return union === 0 ? 1 : inter / union;
}

/** Whether an answer is real: ja/nee/deels, a choice or a list (not empty, not "weet niet"). */
function isReal(a: Answer | null): boolean {
  return a !== null && (a.kind === "janee" || a.kind === "keuze" || a.kind === "meerkeuze");
}

/** Two lists of options name the same options (lists hold them in the options' order). */
function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The real answers of the current measurement: labels (ja/nee/deels, a choice) or lists. Reused. */
const labels: string[] = [];
const lists: (readonly string[])[] = [];

const identity = (a: string, b: string): number => (a === b ? 1 : 0);


/** How often each answer was given by the gemeente and netwerkpartners: "ja", "deels", an option, "lijst", "weet niet". */
function countAnswers(q: Question, approach: Approach): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of approach.respondents) {
    const a = answerOf(r, q);
    if (r.role === "document" || a === null) continue;
    const l = a.kind === "weetniet" ? "weet niet" : a.kind === "meerkeuze" ? "lijst" : a.kind === "janee" || a.kind === "keuze" ? a.value : null;
    if (l !== null) counts[l] = (counts[l] ?? 0) + 1;
  }
  return counts;
}

/**
 * Where the numbers of one divergence sit in a scored approach's store (a Float64Array; NaN stands
 * for null). A study keeps these for every indicator of every approach: as numbers in one typed
 * array per approach they cost the garbage collector nothing, where a result object per indicator
 * was copied by every collection that found it alive (see docs/architecture.md).
 */
const SCORE = 0;
const AGREEMENT = 1;
const MAJORITY = 2;
const GAP = 3;
const REAL = 4;
const LABEL = 5;
/** Bit j set: respondent j dissents; NaN when the approach has too many respondents for a mask. */
const DISSENT = 6;
/** Number of slots of one divergence. */
export const DIVERGENCE_SLOTS = 7;

const LABELS: readonly DivergenceLabel[] = ["te weinig antwoorden", "eensgezind", "minderheid wijkt af", "verdeeld"];
/** Respondents a dissent mask can hold (bit operations are on 32-bit integers). */
const MASK_LIMIT = 31;

const orNaN = (x: number | null): number => (x === null ? NaN : x);
const orNull = (x: number): number | null => (x !== x ? null : x);

/** Whether a respondent gave a real answer (not a document, not "weet niet", not empty) to `q`. */
function answersReally(r: Approach["respondents"][number], q: Question): boolean {
  return r.role !== "document" && isReal(answerOf(r, q));
}

/**
 * Measures the divergence on `q` (the condition's `dissenters` decide who dissents) and writes its
 * numbers to `out` from `at` on (see {@link SCORE} …). Returns the dissenters who gave a real answer.
 */
export function measureDivergence(q: Question, approach: Approach, dissenters: readonly string[], out: Float64Array, at: number): string[] {
  const respondents = approach.respondents;
  const isList = q.type === "meerkeuze";
  // The real answers of the gemeente and netwerkpartners (labels, or lists for meerkeuze).
  let n = 0;
  let gemeente = -1;
  let partners = 0;
  let partnerSum = 0;
  for (let i = 0; i < respondents.length; i++) {
    const r = respondents[i];
    const role = r.role;
    const a = answerOf(r, q);
    if (role === "document" || a === null) continue;
    if (a.kind === "janee") {
      labels[n++] = a.value;
      if (role === "gemeente" && gemeente < 0) gemeente = janeeScore(a.value);
      else if (role === "netwerkpartner") {
        partners++;
        partnerSum += janeeScore(a.value);
      }
    } else if (a.kind === "keuze") labels[n++] = a.value;
    else if (a.kind === "meerkeuze") {
      if (isList) lists[n++] = a.values;
      else labels[n++] = a.values.join("\u0000");
    }
  }
  const agreement = isList ? pairwiseAgreement(lists, jaccard, n) : pairwiseAgreement(labels, q.type === "janee" ? janeeWeight : identity, n);
  // The share of the most frequent answer (n ≤ 4 in practice: counting pairs beats a map).
  let modal = 0;
  for (let i = 0; i < n; i++) {
    let c = 0;
    for (let j = 0; j < n; j++) if (isList ? sameList(lists[j], lists[i]) : labels[j] === labels[i]) c++;
    if (c > modal) modal = c;
  }
  // The condition's dissenters who gave a real answer to this question, in the order of the rows
  // (most indicators have none), and as a mask over the respondents.
  let real: string[] = NONE;
  let mask = 0;
  if (dissenters.length > 0) {
    for (let j = 0; j < respondents.length; j++) {
      const r = respondents[j];
      if (!dissenters.includes(r.name) || !answersReally(r, q)) continue;
      real = add(real, r.name);
      mask |= 1 << j;
    }
  }
  let lbl: number;
  if (agreement === null) lbl = 0;
  else if (agreement >= 1 - 1e-9) lbl = 1;
  else if (real.length > 0 && real.length < n / 2) lbl = 2;
  else lbl = 3;

  out[at + SCORE] = agreement === null ? NaN : Math.max(0, 1 - agreement);
  out[at + AGREEMENT] = orNaN(agreement);
  out[at + MAJORITY] = n ? modal / n : NaN;
  // A gemeente that rates itself better (or worse) than its partners do, on ja/nee questions.
  out[at + GAP] = q.type === "janee" && gemeente >= 0 && partners > 0 ? gemeente - partnerSum / partners : NaN;
  out[at + REAL] = n;
  out[at + LABEL] = lbl;
  out[at + DISSENT] = respondents.length <= MASK_LIMIT ? mask : NaN;
  return real;
}

/**
 * The divergence whose numbers {@link measureDivergence} wrote at `at`. Without a mask (more than
 * {@link MASK_LIMIT} respondents) the dissenters are taken from `dissenters` when given, else from
 * the main condition evaluated again (evaluation is deterministic).
 */
export function divergenceAt(store: Float64Array, at: number, q: Question, approach: Approach, dissenters?: string[]): Divergence {
  const mask = store[at + DISSENT];
  let names: string[];
  if (mask === 0) names = NONE;
  else if (mask === mask) {
    // A list of exactly that length (one grown by push keeps room for 17 names).
    const respondents = approach.respondents;
    let count = 0;
    for (let j = 0; j < respondents.length; j++) if (mask & (1 << j)) count++;
    names = new Array(count);
    for (let j = 0, k = 0; j < respondents.length; j++) if (mask & (1 << j)) names[k++] = respondents[j].name;
  } else names = dissenters ?? measureDivergence(q, approach, evaluate(q, approach).dissenters, new Float64Array(DIVERGENCE_SLOTS), 0);
  return new DivergenceResult(
    orNull(store[at + SCORE]),
    LABELS[store[at + LABEL]],
    orNull(store[at + AGREEMENT]),
    orNull(store[at + MAJORITY]),
    store[at + REAL],
    names,
    orNull(store[at + GAP]),
    q,
    approach,
  );
}

/** The divergence on `q` given the dissenters of its condition (measured and read back at once). */
export function divergence(q: Question, approach: Approach, dissenters: string[]): Divergence {
  const store = new Float64Array(DIVERGENCE_SLOTS);
  const real = measureDivergence(q, approach, dissenters, store, 0);
  return divergenceAt(store, 0, q, approach, real);
}

const DIVERGENCE_INTERNAL = ["q", "approach"] as const;

/** A divergence whose answer counts and texts are made when first read (from `q` and `approach`). */
class DivergenceResult extends Lazy implements Divergence {
  constructor(
    readonly score: number | null,
    readonly label: DivergenceLabel,
    readonly agreement: number | null,
    readonly majorityShare: number | null,
    readonly realAnswers: number,
    readonly dissenters: string[],
    readonly gemeenteGap: number | null,
    private readonly q: Question,
    private readonly approach: Approach,
  ) {
    super();
  }
  protected lazyKeys(): readonly string[] {
    return ["counts", "countsText", "text"];
  }
  protected internalKeys(): readonly string[] {
    return DIVERGENCE_INTERNAL;
  }
  get counts(): Record<string, number> {
    return settle(this, "counts", countAnswers(this.q, this.approach));
  }
  get countsText(): string {
    const order = ["ja", "deels", "nee", ...this.q.options, "lijst", "weet niet"];
    const text = Object.entries(this.counts)
      .sort((x, y) => order.indexOf(x[0]) - order.indexOf(y[0]))
      .map(([k, n]) => `${n}× ${k}`)
      .join(", ");
    return settle(this, "countsText", text);
  }
  get text(): string {
    const countsText = this.countsText;
    let text: string;
    if (this.agreement === null) text = this.realAnswers === 1 ? "Eén antwoord; geen spreiding te bepalen." : "Geen antwoorden; geen spreiding te bepalen.";
    else if (this.label === "eensgezind") text = `Eensgezind: ${countsText}.`;
    else if (this.label === "minderheid wijkt af") text = `Een minderheid wijkt af (${joinList(this.dissenters)}): ${countsText}.`;
    else text = `Verdeeld: ${countsText}.`;
    const gap = this.gemeenteGap;
    if (gap !== null && Math.abs(gap) >= 0.5) {
      text += ` De gemeente is ${gap > 0 ? "positiever" : "negatiever"} dan de netwerkpartners (verschil ${decimal(Math.abs(gap))}).`;
    }
    return settle(this, "text", text);
  }
}
