/**
 * How far the respondents (gemeente and netwerkpartners; documents are evidence, not respondents)
 * diverge on an indicator's main question. See docs/agreement.md.
 */
import { pairwiseAgreement } from "./agreement";
import { answerOf, Lazy, settle } from "./conditions";
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

/** The comparable label of a real answer, or null for no answer / "weet niet". */
function label(a: Answer | null): string | null {
  if (a === null) return null;
  if (a.kind === "janee" || a.kind === "keuze") return a.value;
  if (a.kind === "meerkeuze") return a.values.join("\u0000");
  return null;
}

const identity = (a: string, b: string): number => (a === b ? 1 : 0);

/** Shared empty list of dissenters (most indicators have none); never mutated. */
const NO_DISSENTERS = Object.freeze([]) as unknown as string[];
/** Stands in for the lists of a question that is not meerkeuze; never written to. */
const NO_LISTS = Object.freeze([]) as unknown as (readonly string[])[];

/** How often each answer was given by the gemeente and netwerkpartners: "ja", "deels", an option, "lijst", "weet niet". */
function countAnswers(q: Question, approach: Approach): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of approach.respondents) {
    const a = answerOf(r, q);
    if (r.role === "document" || a === null) continue;
    const l = a.kind === "weetniet" ? "weet niet" : a.kind === "meerkeuze" ? "lijst" : label(a);
    if (l !== null) counts[l] = (counts[l] ?? 0) + 1;
  }
  return counts;
}

export function divergence(q: Question, approach: Approach, dissenters: string[]): Divergence {
  // The real answers of the gemeente and netwerkpartners: their labels and who gave them.
  const labels: string[] = new Array(approach.respondents.length);
  const lists: (readonly string[])[] = q.type === "meerkeuze" ? new Array(approach.respondents.length) : NO_LISTS;
  let n = 0;
  let gemeente = -1;
  let partners = 0;
  let partnerSum = 0;
  for (const r of approach.respondents) {
    const role = r.role;
    const a = answerOf(r, q);
    if (role === "document" || a === null) continue;
    const l = label(a);
    if (l === null) continue;
    if (lists !== NO_LISTS && a.kind === "meerkeuze") lists[n] = a.values;
    labels[n++] = l;
    if (a.kind === "janee") {
      if (role === "gemeente" && gemeente < 0) gemeente = janeeScore(a.value);
      else if (role === "netwerkpartner") {
        partners++;
        partnerSum += janeeScore(a.value);
      }
    }
  }
  labels.length = n;
  let agreement: number | null;
  if (q.type === "meerkeuze") {
    lists.length = n;
    agreement = pairwiseAgreement(lists, jaccard);
  } else agreement = pairwiseAgreement(labels, q.type === "janee" ? janeeWeight : identity);
  // The share of the most frequent label (n ≤ 4 in practice: counting pairs beats a map).
  let modal = 0;
  for (let i = 0; i < n; i++) {
    let c = 0;
    for (let j = 0; j < n; j++) if (labels[j] === labels[i]) c++;
    if (c > modal) modal = c;
  }
  const majorityShare = n ? modal / n : null;
  // A gemeente that rates itself better (or worse) than its partners do, on ja/nee questions.
  const gemeenteGap = q.type === "janee" && gemeente >= 0 && partners > 0 ? gemeente - partnerSum / partners : null;
  // The condition's dissenters who gave a real answer to this question (most indicators have none).
  // (A copy of exactly that length: a list grown by filter keeps room for 17 names.)
  const real = dissenters.filter((d) => approach.respondents.some((r) => r.name === d && r.role !== "document" && label(answerOf(r, q)) !== null));
  const realDissenters = real.length === 0 ? NO_DISSENTERS : real.slice();
  let lbl: DivergenceLabel;
  if (agreement === null) lbl = "te weinig antwoorden";
  else if (agreement >= 1 - 1e-9) lbl = "eensgezind";
  else if (realDissenters.length > 0 && realDissenters.length < n / 2) lbl = "minderheid wijkt af";
  else lbl = "verdeeld";

  const score = agreement === null ? null : Math.max(0, 1 - agreement);
  return new DivergenceResult(score, lbl, agreement, majorityShare, n, realDissenters, gemeenteGap, q, approach);
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
