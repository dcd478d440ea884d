/**
 * Scoring: per indicator a verdict with its reasons, LET OP notes, divergence and finding; per theme
 * the conclusion points; per approach the agreement across all indicators. Overrides win and are marked.
 */
import { gwetAC1, krippendorffAlphaNominal, percentAgreement } from "./agreement";
import { evaluate, Lazy, settle, votesFor } from "./conditions";
import { divergence } from "./divergence";
import { chain, conclusionLine, describe, noteForFailed } from "./finding";
import { indicatorPlaces, type IndicatorPlace } from "./framework/walk";
import { labelKey } from "./normalise";
import type {
  Agreement,
  Approach,
  ApproachResult,
  ConditionResult,
  Divergence,
  Framework,
  Indicator,
  IndicatorResult,
  Override,
  Question,
  ThemeConclusion,
  Verdict,
} from "./types";

export const SYMBOL: Record<Verdict, string> = { voldoet: "✓", verbeterpunt: "✗", onvoldoende: "?" };
export const VERDICT_TEXT: Record<Verdict, string> = {
  voldoet: "voldoet",
  verbeterpunt: "verbeterpunt",
  onvoldoende: "onvoldoende informatie",
};

/** The text of a finding: symbol, sentences, then each note as "LET OP: …". */
export function findingText(verdict: Verdict, sentences: string[], notes: string[]): string {
  return [SYMBOL[verdict], ...sentences, ...notes.map((n) => `LET OP: ${n}`)].join(" ");
}

export function overrideKey(gemeente: string, approach: string, indicator: string): string {
  return `${labelKey(gemeente)}\u0000${labelKey(approach)}\u0000${indicator.trim().toUpperCase()}`;
}

/** Whether a passed condition has a minority against it that the finding reports as LET OP. */
function hasDissent(q: Question, approach: Approach): boolean {
  if (q.rule !== "consensus" && q.rule !== "gemeente") return false;
  return votesFor(q, approach).some((v) => v.answer.kind === "janee" && v.answer.value !== "ja");
}

interface IndicatorTexts {
  sentences: string[];
  notes: string[];
  reasons: string[];
}

/** Who said what: the finding's sentences, the LET OP notes and the reasons of one scored indicator. */
function writeTexts(
  scored: readonly Question[],
  results: readonly ConditionResult[],
  verdict: Verdict,
  approach: Approach,
  override: Override | undefined,
): IndicatorTexts {
  const reasons: string[] = [];
  const sentences: string[] = [];
  const notes: string[] = [];
  const main = results[0];
  const mainQ = scored[0];
  if (verdict === "onvoldoende") {
    reasons.push(`Onvoldoende informatie: ${main ? main.explanation : "geen vragen om te scoren."}`);
    sentences.push(mainQ ? `Onvoldoende informatie: er zijn geen bruikbare antwoorden op vraag ${mainQ.code} (${mainQ.text}).` : "Onvoldoende informatie.");
  } else {
    const failedRequired = results.filter((r) => r.weight === "vereist" && r.passed === false);
    reasons.push(
      verdict === "voldoet"
        ? "Voldoet: aan alle vereiste voorwaarden is voldaan."
        : `Verbeterpunt: niet voldaan aan ${failedRequired.map((r) => r.question).join(", ")}.`,
    );
    // Main condition first, then failing required sub-conditions, then failing letop ones.
    scored.forEach((q, i) => {
      const r = results[i];
      if (r.passed === null) {
        if (i > 0) reasons.push(`${q.code} niet beantwoord; telt niet mee.`);
        return;
      }
      const d = describe(q, approach, r, i === 0);
      if (i === 0) {
        sentences.push(...d.sentences);
        if (verdict === "voldoet") notes.push(...d.dissent);
      } else if (r.passed === false) {
        if (verdict === "voldoet") notes.push(q.weight === "letop" ? noteForFailed(q, approach, r) : d.sentences.join(" "));
        else sentences.push(...d.sentences);
      } else if (verdict === "voldoet") {
        notes.push(...d.dissent);
      } else {
        // On a ✗, a minority against a passing requirement is part of the finding
        // ("Niet iedere netwerkpartner geeft aan dat de aanpak voor alle gezinsleden geldt").
        sentences.push(...d.dissent);
      }
    });
  }
  for (const r of results) reasons.push(r.explanation);
  if (override) {
    const shown = override.verdict ?? verdict;
    reasons.unshift(
      `Aangepast door de analist${override.author ? ` (${override.author}${override.date ? `, ${override.date}` : ""})` : ""}: ${override.reason}` +
        (shown !== verdict ? ` Berekend oordeel was: ${VERDICT_TEXT[verdict]}.` : ""),
    );
  }
  return { sentences: chain(sentences), notes, reasons };
}

interface IndicatorParts {
  scored: readonly Question[];
  approach: Approach;
  texts?: IndicatorTexts;
}

/** One scored indicator; its texts (notes, reasons, finding) are written when first read. */
class ScoredIndicator extends Lazy implements IndicatorResult {
  override?: Override;
  private parts: IndicatorParts;
  constructor(
    readonly code: string,
    readonly text: string,
    readonly theme: string,
    readonly criterion: string,
    readonly verdict: Verdict,
    readonly computedVerdict: Verdict,
    readonly letOp: boolean,
    readonly divergence: Divergence,
    readonly conditions: ConditionResult[],
    override: Override | undefined,
    parts: IndicatorParts,
  ) {
    super();
    if (override) this.override = override;
    this.parts = parts;
  }
  protected lazyKeys(): readonly string[] {
    return ["notes", "reasons", "computedFinding", "finding"];
  }
  private texts(): IndicatorTexts {
    const p = this.parts;
    return (p.texts ??= writeTexts(p.scored, this.conditions, this.computedVerdict, p.approach, this.override));
  }
  get notes(): string[] {
    return settle(this, "notes", this.texts().notes);
  }
  get reasons(): string[] {
    return settle(this, "reasons", this.texts().reasons);
  }
  get computedFinding(): string {
    const t = this.texts();
    return settle(this, "computedFinding", findingText(this.computedVerdict, t.sentences, t.notes));
  }
  get finding(): string {
    const computed = this.computedFinding;
    const text = this.override?.text?.trim();
    if (text) return settle(this, "finding", `${SYMBOL[this.verdict]} ${text.replace(/^[✓✗?Xx]\s+/, "")}`);
    const same = this.verdict === this.computedVerdict;
    return settle(this, "finding", same ? computed : `${SYMBOL[this.verdict]}${computed.slice(SYMBOL[this.computedVerdict].length)}`);
  }
}

const scoredCache = new WeakMap<Indicator, Question[]>();

/** The questions of an indicator that count (rule other than "geen"), main question first. */
function scoredQuestions(indicator: Indicator): Question[] {
  let qs = scoredCache.get(indicator);
  if (!qs) {
    qs = indicator.questions.filter((q) => q.rule !== "geen");
    scoredCache.set(indicator, qs);
  }
  return qs;
}

/** Scores one indicator: verdict, LET OP flag, divergence and condition outcomes at once; texts on demand. */
function scoreIndicator(place: IndicatorPlace, approach: Approach, override: Override | undefined): IndicatorResult {
  const { indicator, theme, criterion } = place;
  const scored = scoredQuestions(indicator);
  const results: ConditionResult[] = scored.map((q) => evaluate(q, approach));
  const main = results[0];
  const verdict: Verdict =
    !main || main.passed === null ? "onvoldoende" : results.some((r) => r.weight === "vereist" && r.passed === false) ? "verbeterpunt" : "voldoet";
  const letOp = verdict === "voldoet" && results.some((r, i) => r.passed === false || (r.passed === true && hasDissent(scored[i], approach)));
  const div = divergence(scored[0] ?? indicator.questions[0], approach, main?.dissenters ?? []);
  return new ScoredIndicator(
    indicator.code,
    indicator.text,
    theme.name,
    criterion.name,
    override?.verdict ?? verdict,
    verdict,
    letOp,
    div,
    results,
    override,
    { scored, approach },
  );
}

/** Agreement across all shared ja/nee questions: items × the gemeente and netwerkpartners. */
export function approachAgreement(approach: Approach, fw: Framework): Agreement {
  const raters = approach.respondents.filter((r) => r.role !== "document");
  const items = indicatorPlaces(fw)
    .flatMap((p) => p.indicator.questions)
    .filter((q) => q.type === "janee" && q.rule === "consensus" && q.roles.includes("netwerkpartner"));
  const ratings = items.map((q) => {
    const votes = votesFor(q, approach);
    return raters.map((r) => {
      const v = votes.find((x) => x.respondent === r);
      return v && v.answer.kind === "janee" ? v.answer.value : null;
    });
  });
  const usable = ratings.filter((row) => row.filter((x) => x !== null).length >= 2).length;
  return {
    items: usable,
    raters: raters.length,
    percent: percentAgreement(ratings),
    ac1: gwetAC1(ratings, ["ja", "deels", "nee"]),
    alpha: krippendorffAlphaNominal(ratings),
  };
}

/**
 * "Wat gaat goed?": the indicator texts of the ✓ verdicts. "Wat kan beter?": the LET OP notes and, per ✗,
 * who said what on each failing requirement (or the analyst's text when overridden).
 */
function conclusions(fw: Framework, approach: Approach, results: IndicatorResult[]): ThemeConclusion[] {
  const places = new Map(indicatorPlaces(fw).map((p) => [p.indicator.code, p]));
  return fw.themes.map((theme) => {
    const good: string[] = [];
    const better: string[] = [];
    for (const r of results.filter((x) => x.theme === theme.name)) {
      const questions = places.get(r.code)!.indicator.questions;
      if (r.verdict === "voldoet") {
        good.push(`${r.text}.`);
        better.push(...r.notes);
      } else if (r.verdict === "verbeterpunt") {
        const failed = r.conditions.filter((c) => c.weight === "vereist" && c.passed === false);
        if (r.override?.text || failed.length === 0) better.push(r.finding.replace(/^[✓✗?]\s*/, ""));
        else for (const c of failed) better.push(conclusionLine(questions.find((q) => q.code === c.question)!, approach, c));
      }
    }
    return { theme: theme.name, good, better };
  });
}

export function scoreApproach(approach: Approach, fw: Framework, overrides: readonly Override[] = []): ApproachResult {
  const byKey = new Map(overrides.map((o) => [overrideKey(o.gemeente, o.approach, o.indicator), o]));
  const indicators = indicatorPlaces(fw).map((p) => scoreIndicator(p, approach, byKey.get(overrideKey(approach.gemeente, approach.name, p.indicator.code))));
  const count = (v: Verdict) => indicators.filter((r) => r.verdict === v).length;
  return {
    gemeente: approach.gemeente,
    approach: approach.name,
    respondents: approach.respondents.map((r) => ({ name: r.name, role: r.role })),
    indicators,
    get conclusions(): ThemeConclusion[] {
      return settle(this, "conclusions", conclusions(fw, approach, indicators));
    },
    agreement: approachAgreement(approach, fw),
    counts: {
      voldoet: count("voldoet"),
      verbeterpunt: count("verbeterpunt"),
      onvoldoende: count("onvoldoende"),
      letOp: indicators.filter((r) => r.verdict === "voldoet" && r.letOp).length,
    },
  };
}

export function scoreAll(approaches: readonly Approach[], fw: Framework, overrides: readonly Override[] = []): ApproachResult[] {
  return approaches.map((a) => scoreApproach(a, fw, overrides));
}
