/**
 * The results as a gemeente may see them: a plain copy of an {@link ApproachResult} in which no
 * respondent's name, no cell reference and nothing the analyst wrote for internal use is left.
 *
 * The share copy's factsheet is laid out from this copy only, so whatever the factsheet layout shows
 * (today or in a later, richer version) it cannot show what is not here:
 * - respondents: the gemeente's row is "Gemeente", the documents row "Documenten", netwerkpartners
 *   "netwerkpartner A", "netwerkpartner B", … — or, with `keepPartnerNames`, the organisation as written;
 * - evidence: the same aliases, no cell addresses; dissenters: aliases;
 * - reasons (which name cells, analysts and dates): none;
 * - an override keeps its verdict and its finding text, not its reason, author or date;
 * - every lazily built text (finding, notes, conclusions, divergence) is built once and copied as a
 *   plain string, with characters XML cannot hold replaced.
 *
 * Pure: no I/O.
 */
import { labelKey } from "../scoring";
import type { ApproachResult, ConditionResult, Divergence, IndicatorResult, Override, Role, ThemeConclusion } from "../scoring";
import { xmlSafe } from "./names";
import { columnLetter } from "../scoring/address";

export interface RedactOptions {
  /** Keep the netwerkpartners' organisation names (as written in the Respondent column). Default false. */
  keepPartnerNames?: boolean;
}

export const GEMEENTE_ALIAS = "Gemeente";
export const DOCUMENT_ALIAS = "Documenten";

/** "netwerkpartner A", …, "netwerkpartner Z", "netwerkpartner AA", … */
export function partnerAlias(index: number): string {
  return `netwerkpartner ${columnLetter(index)}`;
}

/** Respondent name → the name shown in the share copy, for one approach. */
export function respondentAliases(respondents: readonly { name: string; role: Role }[], options: RedactOptions = {}): Map<string, string> {
  const aliases = new Map<string, string>();
  let partner = 0;
  for (const r of respondents) {
    if (aliases.has(r.name)) continue;
    if (r.role === "gemeente") aliases.set(r.name, GEMEENTE_ALIAS);
    else if (r.role === "document") aliases.set(r.name, DOCUMENT_ALIAS);
    else aliases.set(r.name, options.keepPartnerNames ? xmlSafe(r.name.trim()) : partnerAlias(partner++));
  }
  return aliases;
}

const DIVERGENCE_TEXT: Record<Divergence["label"], string> = {
  eensgezind: "Eensgezind",
  "minderheid wijkt af": "Een minderheid wijkt af",
  verdeeld: "Verdeeld",
  "te weinig antwoorden": "Te weinig antwoorden; geen spreiding te bepalen",
};

function redactDivergence(d: Divergence, alias: (name: string) => string): Divergence {
  const countsText = xmlSafe(d.countsText);
  let text = `${DIVERGENCE_TEXT[d.label]}${d.label === "te weinig antwoorden" ? "" : `: ${countsText}`}.`;
  if (d.gemeenteGap !== null && Math.abs(d.gemeenteGap) >= 0.5) {
    text += ` De gemeente is ${d.gemeenteGap > 0 ? "positiever" : "negatiever"} dan de netwerkpartners.`;
  }
  return {
    score: d.score,
    label: d.label,
    agreement: d.agreement,
    majorityShare: d.majorityShare,
    counts: { ...d.counts },
    countsText,
    realAnswers: d.realAnswers,
    dissenters: d.dissenters.map(alias),
    gemeenteGap: d.gemeenteGap,
    text,
  };
}

function redactCondition(c: ConditionResult, alias: (name: string) => string): ConditionResult {
  return {
    question: c.question,
    rule: c.rule,
    quorum: c.quorum,
    weight: c.weight,
    passed: c.passed,
    share: c.share,
    explanation: xmlSafe(c.explanation),
    evidence: c.evidence.map((e) => ({ respondent: alias(e.respondent), role: e.role, answer: xmlSafe(e.answer), score: e.score, cell: "" })),
    missing: [...c.missing],
    dissenters: c.dissenters.map(alias),
  };
}

function redactOverride(o: Override): Override {
  const out: Override = { gemeente: xmlSafe(o.gemeente), approach: xmlSafe(o.approach), indicator: o.indicator, reason: "" };
  if (o.verdict !== undefined) out.verdict = o.verdict;
  if (o.text !== undefined) out.text = xmlSafe(o.text);
  return out;
}

function redactIndicator(r: IndicatorResult, alias: (name: string) => string): IndicatorResult {
  const finding = xmlSafe(r.finding);
  const out: IndicatorResult = {
    code: r.code,
    text: xmlSafe(r.text),
    theme: xmlSafe(r.theme),
    criterion: xmlSafe(r.criterion),
    verdict: r.verdict,
    computedVerdict: r.computedVerdict,
    letOp: r.letOp,
    notes: r.notes.map(xmlSafe),
    finding,
    // The computed finding differs from the reported one only when the analyst overrode it: internal.
    computedFinding: finding,
    divergence: redactDivergence(r.divergence, alias),
    conditions: r.conditions.map((c) => redactCondition(c, alias)),
    reasons: [],
  };
  if (r.override) out.override = redactOverride(r.override);
  return out;
}

/** A plain, name-free copy of one approach's result (see the module comment). */
export function redactResult(result: ApproachResult, options: RedactOptions = {}): ApproachResult {
  const aliases = respondentAliases(result.respondents, options);
  const alias = (name: string) => aliases.get(name) ?? partnerAlias(aliases.size);
  const conclusions: ThemeConclusion[] = result.conclusions.map((c) => ({ theme: xmlSafe(c.theme), good: c.good.map(xmlSafe), better: c.better.map(xmlSafe) }));
  return {
    gemeente: xmlSafe(result.gemeente.trim()),
    approach: xmlSafe(result.approach.trim()),
    respondents: result.respondents.map((r) => ({ name: alias(r.name), role: r.role })),
    indicators: result.indicators.map((i) => redactIndicator(i, alias)),
    conclusions,
    agreement: { ...result.agreement },
    counts: { ...result.counts },
  };
}

/** The results of one gemeente (matched without regard to case and spacing), in their order. */
export function resultsOf(results: readonly ApproachResult[], gemeente: string): ApproachResult[] {
  const k = labelKey(gemeente);
  return results.filter((r) => labelKey(r.gemeente) === k);
}
