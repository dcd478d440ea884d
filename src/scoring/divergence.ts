/**
 * How far the respondents (gemeente and netwerkpartners; documents are evidence, not respondents)
 * diverge on an indicator's main question. See docs/agreement.md.
 */
import { pairwiseAgreement } from "./agreement";
import { Lazy, settle, votesFor, type Vote } from "./conditions";
import { decimal, joinList } from "./dutch";
import { janeeScore } from "./normalise";
import type { Approach, Divergence, DivergenceLabel, Question } from "./types";

/** Weight for ja/deels/nee pairs: equal 1, one step apart ½, ja–nee 0. */
export function janeeWeight(a: string, b: string): number {
  return 1 - Math.abs(janeeScore(a as "ja") - janeeScore(b as "ja"));
}

/**
 * Jaccard similarity of two lists given as their "\u0000"-joined labels: |A ∩ B| / |A ∪ B|.
 * Each label is split once per divergence, not once per pair.
 */
function jaccardOf(labels: readonly string[]): (a: string, b: string) => number {
  const sets = new Map(labels.map((l) => [l, new Set(l.split("\u0000"))]));
  return (a, b) => {
    if (a === b) return 1;
    const A = sets.get(a)!;
    const B = sets.get(b)!;
    let inter = 0;
    for (const x of A) if (B.has(x)) inter++;
    const union = A.size + B.size - inter;
    return union === 0 ? 1 : inter / union;
  };
}

/** The comparable label of a real answer, or null for no answer / "weet niet". */
function label(v: Vote): string | null {
  const a = v.answer;
  if (a.kind === "janee" || a.kind === "keuze") return a.value;
  if (a.kind === "meerkeuze") return a.values.join("\u0000");
  return null;
}

export function divergence(q: Question, approach: Approach, dissenters: string[]): Divergence {
  const votes = votesFor(q, approach).filter((v) => v.respondent.role !== "document");
  const counts: Record<string, number> = {};
  const real: { v: Vote; label: string }[] = [];
  for (const v of votes) {
    if (v.answer.kind === "weetniet") counts["weet niet"] = (counts["weet niet"] ?? 0) + 1;
    const l = label(v);
    if (l === null) continue;
    real.push({ v, label: l });
    const shown = v.answer.kind === "meerkeuze" ? "lijst" : l;
    counts[shown] = (counts[shown] ?? 0) + 1;
  }
  const weight = q.type === "janee" ? janeeWeight : q.type === "meerkeuze" ? jaccardOf(real.map((r) => r.label)) : undefined;
  const agreement = pairwiseAgreement(
    real.map((r) => r.label),
    weight,
  );
  const freq = new Map<string, number>();
  for (const r of real) freq.set(r.label, (freq.get(r.label) ?? 0) + 1);
  const majorityShare = real.length ? Math.max(...freq.values()) / real.length : null;

  let gemeenteGap: number | null = null;
  if (q.type === "janee") {
    const s = (role: string) => real.filter((r) => r.v.respondent.role === role).map((r) => janeeScore(r.label as "ja"));
    const g = s("gemeente");
    const p = s("netwerkpartner");
    if (g.length && p.length) gemeenteGap = g[0] - p.reduce((a, b) => a + b, 0) / p.length;
  }
  const realDissenters = dissenters.filter((d) => real.some((r) => r.v.respondent.name === d));
  let lbl: DivergenceLabel;
  if (agreement === null) lbl = "te weinig antwoorden";
  else if (agreement >= 1 - 1e-9) lbl = "eensgezind";
  else if (realDissenters.length > 0 && realDissenters.length < real.length / 2) lbl = "minderheid wijkt af";
  else lbl = "verdeeld";

  const score = agreement === null ? null : Math.max(0, 1 - agreement);
  return new DivergenceResult(score, lbl, agreement, majorityShare, counts, real.length, realDissenters, gemeenteGap, q.options);
}

/** A divergence whose two texts are written when first read. */
class DivergenceResult extends Lazy implements Divergence {
  private parts: { options: readonly string[] };
  constructor(
    readonly score: number | null,
    readonly label: DivergenceLabel,
    readonly agreement: number | null,
    readonly majorityShare: number | null,
    readonly counts: Record<string, number>,
    readonly realAnswers: number,
    readonly dissenters: string[],
    readonly gemeenteGap: number | null,
    options: readonly string[],
  ) {
    super();
    this.parts = { options };
  }
  protected lazyKeys(): readonly string[] {
    return ["countsText", "text"];
  }
  get countsText(): string {
    const order = ["ja", "deels", "nee", ...this.parts.options, "lijst", "weet niet"];
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
