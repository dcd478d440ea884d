/**
 * Scoring: per indicator a verdict with its reasons, LET OP notes, divergence and finding; per theme
 * the conclusion points; per approach the agreement across all indicators. Overrides win and are marked.
 */
import { agreementStatistics } from "./agreement";
import { answerOf, evaluate, judge, Lazy, NONE, settle } from "./conditions";
import { DIVERGENCE_SLOTS, divergenceAt, measureDivergence } from "./divergence";
import { chain, conclusionLine, describe, noteForFailed } from "./finding";
import { indicatorPlaces } from "./framework/walk";
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
  Role,
  ThemeConclusion,
  Verdict,
} from "./types";

const JANEE_CATEGORIES = ["ja", "deels", "nee"];

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

/** What the texts of an approach's indicators are written from, kept once built (by position). */
interface TextCache {
  conditions: (ConditionResult[] | undefined)[];
  texts: (IndicatorTexts | undefined)[];
}

const INDICATOR_INTERNAL = ["scored", "approach", "cache", "index"] as const;

/**
 * One scored indicator as read from its approach (see {@link ScoredApproach}); its texts (notes,
 * reasons, finding) are written when first read, from the internal fields `scored` (its questions
 * that count) and `approach`, and kept in the approach's `cache` for the next reader.
 */
class ScoredIndicator extends Lazy implements IndicatorResult {
  override?: Override;
  constructor(
    readonly code: string,
    readonly text: string,
    readonly theme: string,
    readonly criterion: string,
    readonly verdict: Verdict,
    readonly computedVerdict: Verdict,
    readonly letOp: boolean,
    readonly divergence: Divergence,
    override: Override | undefined,
    private readonly scored: readonly Question[],
    private readonly approach: Approach,
    private readonly cache: TextCache,
    private readonly index: number,
  ) {
    super();
    if (override) this.override = override;
  }
  protected lazyKeys(): readonly string[] {
    return ["conditions", "notes", "reasons", "computedFinding", "finding"];
  }
  protected internalKeys(): readonly string[] {
    return INDICATOR_INTERNAL;
  }
  /**
   * The outcome of every scored question, evaluated again when first read. The verdict needs only
   * whether each passed; keeping the outcomes of a whole study alive was a third of its memory, and
   * evaluation is deterministic (approaches are not changed after they are read).
   */
  get conditions(): ConditionResult[] {
    const c = (this.cache.conditions[this.index] ??= this.scored.map((q) => evaluate(q, this.approach)));
    return settle(this, "conditions", c);
  }
  private texts(): IndicatorTexts {
    return (this.cache.texts[this.index] ??= writeTexts(this.scored, this.conditions, this.computedVerdict, this.approach, this.override));
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

/** The question an indicator's divergence is measured on: its first scored question, else its first. */
function mainQuestion(indicator: Indicator): Question {
  return scoredQuestions(indicator)[0] ?? indicator.questions[0];
}

/** Where the numbers of one indicator sit in a scored approach's store: its divergence, then these. */
const VERDICT = DIVERGENCE_SLOTS;
const LET_OP = DIVERGENCE_SLOTS + 1;
const STRIDE = DIVERGENCE_SLOTS + 2;
const VERDICTS: readonly Verdict[] = ["voldoet", "verbeterpunt", "onvoldoende"];

/**
 * Scores one indicator into `store` from `at` on: computed verdict, LET OP flag and divergence.
 * Returns the computed verdict; texts are written on demand.
 */
function scoreIndicator(indicator: Indicator, approach: Approach, store: Float64Array, at: number): Verdict {
  const scored = scoredQuestions(indicator);
  let verdict: Verdict = "onvoldoende";
  let letOp = false;
  if (scored.length === 0) measureDivergence(mainQuestion(indicator), approach, NONE, store, at);
  else {
    let failedRequired = false;
    let mainPassed: boolean | null = null;
    for (let i = 0; i < scored.length; i++) {
      const r = judge(scored[i], approach);
      if (i === 0) {
        mainPassed = r.passed;
        // Now, while the outcome is the main question's: the next judgement reuses it.
        measureDivergence(scored[0], approach, r.dissenters, store, at);
      }
      if (r.passed === false) {
        if (r.weight === "vereist") failedRequired = true;
        letOp = true;
      } else if (r.passed === true && r.mixed) letOp = true; // a minority against a passed condition
    }
    verdict = mainPassed === null ? "onvoldoende" : failedRequired ? "verbeterpunt" : "voldoet";
  }
  store[at + VERDICT] = VERDICTS.indexOf(verdict);
  store[at + LET_OP] = verdict === "voldoet" && letOp ? 1 : 0;
  return verdict;
}

/** The ja/nee questions the gemeente and the netwerkpartners are all asked: the items of the agreement. */
const agreementItemCache = new WeakMap<Framework, Question[]>();

function agreementItems(fw: Framework): Question[] {
  let items = agreementItemCache.get(fw);
  if (!items) {
    items = indicatorPlaces(fw)
      .flatMap((p) => p.indicator.questions)
      .filter((q) => q.type === "janee" && q.rule === "consensus" && q.roles.includes("netwerkpartner"));
    agreementItemCache.set(fw, items);
  }
  return items;
}

/** Agreement across all shared ja/nee questions: items × the gemeente and netwerkpartners. */
export function approachAgreement(approach: Approach, fw: Framework): Agreement {
  const items = agreementItems(fw);
  const respondents = approach.respondents;
  let raters = 0;
  for (let j = 0; j < respondents.length; j++) if (respondents[j].role !== "document") raters++;
  // ratings[item][rater], in rows reused from approach to approach (read only during this call).
  const ratings = ratingRows;
  ratings.length = items.length;
  for (let i = 0; i < items.length; i++) {
    const row = (ratings[i] ??= []);
    row.length = raters;
    let k = 0;
    for (let j = 0; j < respondents.length; j++) {
      const r = respondents[j];
      if (r.role === "document") continue;
      const a = answerOf(r, items[i]);
      row[k++] = a !== null && a.kind === "janee" ? a.value : null;
    }
  }
  const stats = agreementStatistics(ratings, JANEE_CATEGORIES);
  return { items: stats.items, raters, percent: stats.percent, ac1: stats.ac1, alpha: stats.alpha };
}

const ratingRows: (string | null)[][] = [];

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

const APPROACH_INTERNAL = ["fw", "source", "numbers", "overrides", "cache"] as const;

/**
 * `indicators` of a scored approach: an own, enumerable accessor (so JSON, spreading and deep
 * equality see it like a field) whose getter is shared by all approaches.
 */
const INDICATORS: PropertyDescriptor = {
  get(this: ScoredApproach): IndicatorResult[] {
    return this.readIndicators();
  },
  enumerable: true,
  configurable: true,
};

/**
 * One scored approach. Per indicator it keeps only numbers, column by column in one Float64Array
 * (`numbers`, {@link STRIDE} per indicator), and the analyst's overrides; `indicators` builds the
 * result objects from them each time it is read, and their texts are kept in `cache` once written.
 * A study of 1,000 approaches thus keeps some 30,000 numbers rows instead of 60,000 objects alive,
 * which the garbage collector copied (bench/score.ts; docs/architecture.md). The conclusions are
 * written when first read. A class with getters on its prototype, not an object literal with a
 * getter: V8 keeps the accessor of such a literal in old space, and a dead accessor's closure kept
 * each approach's results alive through the next garbage collection.
 */
class ScoredApproach extends Lazy implements ApproachResult {
  readonly gemeente: string;
  readonly approach: string;
  readonly respondents: { name: string; role: Role }[];
  declare readonly indicators: IndicatorResult[];
  readonly agreement: Agreement;
  readonly counts: ApproachResult["counts"];
  private readonly fw: Framework;
  private readonly source: Approach;
  private readonly numbers: Float64Array;
  private readonly overrides: readonly (Override | undefined)[] | null;
  private cache: TextCache | null = null;

  constructor(
    source: Approach,
    fw: Framework,
    numbers: Float64Array,
    overrides: readonly (Override | undefined)[] | null,
    agreement: Agreement,
    counts: ApproachResult["counts"],
  ) {
    super();
    this.gemeente = source.gemeente;
    this.approach = source.name;
    this.respondents = source.respondents.map((r) => ({ name: r.name, role: r.role }));
    Object.defineProperty(this, "indicators", INDICATORS);
    this.agreement = agreement;
    this.counts = counts;
    this.fw = fw;
    this.source = source;
    this.numbers = numbers;
    this.overrides = overrides;
  }
  protected lazyKeys(): readonly string[] {
    return ["conclusions"];
  }
  protected internalKeys(): readonly string[] {
    return APPROACH_INTERNAL;
  }
  /** The indicator results, new objects on each call (see the class comment). */
  readIndicators(): IndicatorResult[] {
    const places = indicatorPlaces(this.fw);
    const cache = (this.cache ??= { conditions: new Array(places.length), texts: new Array(places.length) });
    const out: IndicatorResult[] = new Array(places.length);
    for (let i = 0; i < places.length; i++) {
      const { indicator, theme, criterion } = places[i];
      const scored = scoredQuestions(indicator);
      const at = i * STRIDE;
      const computed = VERDICTS[this.numbers[at + VERDICT]];
      const override = this.overrides?.[i];
      out[i] = new ScoredIndicator(
        indicator.code,
        indicator.text,
        theme.name,
        criterion.name,
        override?.verdict ?? computed,
        computed,
        this.numbers[at + LET_OP] === 1,
        divergenceAt(this.numbers, at, mainQuestion(indicator), this.source),
        override,
        scored,
        this.source,
        cache,
        i,
      );
    }
    return out;
  }
  get conclusions(): ThemeConclusion[] {
    return settle(this, "conclusions", conclusions(this.fw, this.source, this.indicators));
  }
}

/** Slices of one Float64Array hold the numbers of many approaches: one buffer per ~120 approaches. */
const SLAB_SIZE = 1 << 15;
let slab = new Float64Array(0);
let slabUsed = 0;

/**
 * A fresh, zeroed store of `n` numbers: a view on a shared buffer, since allocating a buffer of
 * its own per approach cost as much as scoring it (allocation outside the heap, bench/score.ts).
 */
function numbersFor(n: number): Float64Array {
  if (slabUsed + n > slab.length) {
    slab = new Float64Array(Math.max(SLAB_SIZE, n));
    slabUsed = 0;
  }
  const view = slab.subarray(slabUsed, slabUsed + n);
  slabUsed += n;
  return view;
}

export function scoreApproach(approach: Approach, fw: Framework, overrides: readonly Override[] = []): ApproachResult {
  const byKey = overrides.length ? new Map(overrides.map((o) => [overrideKey(o.gemeente, o.approach, o.indicator), o])) : null;
  const places = indicatorPlaces(fw);
  const numbers = numbersFor(places.length * STRIDE);
  let mine: (Override | undefined)[] | null = null;
  const counts = { voldoet: 0, verbeterpunt: 0, onvoldoende: 0, letOp: 0 };
  for (let i = 0; i < places.length; i++) {
    const indicator = places[i].indicator;
    const override = byKey?.get(overrideKey(approach.gemeente, approach.name, indicator.code));
    const computed = scoreIndicator(indicator, approach, numbers, i * STRIDE);
    if (override) (mine ??= new Array(places.length))[i] = override;
    const verdict = override?.verdict ?? computed;
    counts[verdict]++;
    if (verdict === "voldoet" && numbers[i * STRIDE + LET_OP] === 1) counts.letOp++;
  }
  return new ScoredApproach(approach, fw, numbers, mine, approachAgreement(approach, fw), counts);
}

export function scoreAll(approaches: readonly Approach[], fw: Framework, overrides: readonly Override[] = []): ApproachResult[] {
  return approaches.map((a) => scoreApproach(a, fw, overrides));
}
