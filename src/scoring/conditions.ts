/**
 * Evaluation of one question (a condition) over the respondents of an approach, by its rule:
 * consensus, gemeente, gelijk (same option), dekking (coverage of required groups). See docs/framework.md.
 */
import { percent } from "./dutch";
import { answerText, janeeScore } from "./normalise";
import type { Answer, Approach, ConditionResult, Evidence, Question, Quorum, Respondent } from "./types";

/** A respondent's answer to one question, with the cell it came from. */
export interface Vote {
  respondent: Respondent;
  answer: Answer;
}

const QUORUM_TEXT: Record<Quorum, string> = {
  meerderheid: "meer dan de helft",
  tweederde: "ten minste twee derde",
  unaniem: "iedereen",
  een: "ten minste één",
};

const EPS = 1e-9;

/** Whether a share meets the quorum. For "een" the share passed in is the best single score. */
export function meetsQuorum(share: number, quorum: Quorum): boolean {
  switch (quorum) {
    case "meerderheid":
      return share > 0.5 + EPS;
    case "tweederde":
      return share >= 2 / 3 - EPS;
    case "unaniem":
      return share >= 1 - EPS;
    case "een":
      return share > EPS;
  }
}

const NO_ANSWER: Answer = Object.freeze({ kind: "leeg" });
/** Shared empty list for conditions without dissenters or missing groups (most of them). */
const NONE = Object.freeze([]) as unknown as string[];
const voteCache = new WeakMap<Approach, Map<Question, Vote[]>>();

/**
 * The answers to `q` of the respondents it is asked of. Scoring, findings and divergence all look at
 * the same votes, so they are computed once per approach and question (approaches are not mutated
 * after they are read).
 */
export function votesFor(q: Question, approach: Approach): Vote[] {
  let perQuestion = voteCache.get(approach);
  if (!perQuestion) {
    perQuestion = new Map();
    voteCache.set(approach, perQuestion);
  }
  let votes = perQuestion.get(q);
  if (!votes) {
    votes = [];
    for (const respondent of approach.respondents) {
      if (q.roles.includes(respondent.role)) votes.push({ respondent, answer: respondent.answers[q.code] ?? NO_ANSWER });
    }
    perQuestion.set(q, votes);
  }
  return votes;
}

/** Sheet-qualified address of a respondent's answer to a question ("Antwoorden!F7"), or of the row. */
export function answerCell(respondent: Respondent, code: string): string {
  const { sheet, row, columns } = respondent.source;
  const col = columns[code];
  return col ? `${sheet}!${col}${row}` : `${sheet}!A${row}`;
}

function evidence(q: Question, votes: Vote[]): Evidence[] {
  return votes.map(({ respondent, answer }) => ({
    respondent: respondent.name,
    role: respondent.role,
    answer: answer.kind === "leeg" ? "(leeg)" : answerText(answer),
    score: answer.kind === "janee" ? janeeScore(answer.value) : null,
    cell: answerCell(respondent, q.code),
  }));
}

/**
 * Replaces a lazy getter by its value on first use. Texts (explanations, evidence, findings) are built
 * only when someone reads them: verdicts for a whole study need none of them, a factsheet needs some.
 * Once read, the value is an own enumerable property, so JSON and deep equality see it like a field.
 */
export function settle<T>(obj: object, key: string, value: T): T {
  Object.defineProperty(obj, key, { value, enumerable: true, configurable: true, writable: true });
  return value;
}

/**
 * Base of result objects with lazily built texts. The lazy properties are getters on the prototype
 * (one per class, not one closure per object: results for 1,000 approaches stay small). What the
 * texts are written from sits in the field `parts`, which is internal; `toJSON` leaves it out and
 * builds every text, so a serialised result is complete.
 */
export abstract class Lazy {
  protected abstract lazyKeys(): readonly string[];
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const k of this.lazyKeys()) void (this as Record<string, unknown>)[k];
    for (const [k, v] of Object.entries(this)) if (k !== "parts") out[k] = v;
    return out;
  }
}

/** The few numbers an explanation is written from (kept instead of closures over the votes). */
interface Facts {
  /** consensus: sum of scores; dekking/gelijk: respondents with a real answer. */
  pos?: number;
  n?: number;
  modal?: string;
  decider?: "gemeente" | "document";
  answer?: string;
}

interface OutcomeParts {
  q: Question;
  votes: Vote[];
  facts: Facts | null;
}

class Outcome extends Lazy implements ConditionResult {
  readonly question: string;
  readonly rule: ConditionResult["rule"];
  readonly quorum: Quorum;
  readonly weight: ConditionResult["weight"];
  passed: boolean | null = null;
  share: number | null = null;
  missing: string[] = NONE;
  dissenters: string[] = NONE;
  private parts: OutcomeParts;

  constructor(q: Question, votes: Vote[]) {
    super();
    this.question = q.code;
    this.rule = q.rule;
    this.quorum = q.quorum;
    this.weight = q.weight;
    this.parts = { q, votes, facts: null };
  }
  protected lazyKeys(): readonly string[] {
    return ["explanation", "evidence"];
  }
  /** Records what the explanation will be written from, once someone reads it. */
  explainFrom(facts: Facts): void {
    this.parts.facts = facts;
  }
  get explanation(): string {
    return settle(this, "explanation", explain(this.parts.q, this, this.parts.facts));
  }
  get evidence(): Evidence[] {
    return settle(this, "evidence", evidence(this.parts.q, this.parts.votes));
  }
}

function janeeVotes(votes: Vote[]): { v: Vote; score: number }[] {
  const out: { v: Vote; score: number }[] = [];
  for (const v of votes) if (v.answer.kind === "janee") out.push({ v, score: janeeScore(v.answer.value) });
  return out;
}

export function evaluate(q: Question, approach: Approach): ConditionResult {
  const votes = votesFor(q, approach);
  const res = new Outcome(q, votes);
  switch (q.rule) {
    case "geen":
      return res;
    case "consensus": {
      const real = janeeVotes(votes);
      if (real.length === 0) {
        return res;
      }
      let pos = 0;
      let best = 0;
      for (const x of real) {
        pos += x.score;
        best = Math.max(best, x.score);
      }
      const share = q.quorum === "een" ? best : pos / real.length;
      const passed = meetsQuorum(share, q.quorum);
      res.share = share;
      res.passed = passed;
      const against = real.filter((x) => (passed ? x.score < 1 : x.score > 0));
      if (against.length) res.dissenters = against.map((x) => x.v.respondent.name);
      res.explainFrom({ pos, n: real.length });
      return res;
    }
    case "gemeente": {
      const gem = janeeVotes(votes.filter((v) => v.respondent.role === "gemeente"));
      const doc = janeeVotes(votes.filter((v) => v.respondent.role === "document"));
      const decider = gem[0] ?? doc[0];
      if (!decider) {
        return res;
      }
      res.share = decider.score;
      res.passed = meetsQuorum(decider.score, q.quorum === "een" ? "een" : "meerderheid");
      const others = [...gem, ...doc].filter((x) => x !== decider && (x.score > 0.5) !== (decider.score > 0.5));
      res.dissenters = others.map((x) => x.v.respondent.name);
      res.explainFrom({ decider: decider.v.respondent.role === "gemeente" ? "gemeente" : "document", answer: answerText(decider.v.answer) });
      return res;
    }
    case "gelijk": {
      const real = votes.filter((v) => v.answer.kind === "keuze");
      if (real.length === 0) {
        return res;
      }
      const counts = new Map<string, number>();
      for (const v of real) if (v.answer.kind === "keuze") counts.set(v.answer.value, (counts.get(v.answer.value) ?? 0) + 1);
      const [modal, n] = [...counts.entries()].sort((a, b) => b[1] - a[1] || q.options.indexOf(a[0]) - q.options.indexOf(b[0]))[0];
      const share = n / real.length;
      res.share = share;
      res.passed = meetsQuorum(share, q.quorum);
      res.dissenters = real.filter((v) => v.answer.kind === "keuze" && v.answer.value !== modal).map((v) => v.respondent.name);
      res.explainFrom({ pos: n, n: real.length, modal });
      return res;
    }
    case "dekking": {
      const real = votes.filter((v) => v.answer.kind === "meerkeuze");
      if (real.length === 0) {
        return res;
      }
      const named = (v: Vote, group: string[]) => v.answer.kind === "meerkeuze" && v.answer.values.some((x) => group.includes(x));
      let minShare = 1;
      const covered: string[][] = [];
      const missing: string[] = [];
      for (const group of q.required) {
        const share = real.filter((v) => named(v, group)).length / real.length;
        minShare = Math.min(minShare, share);
        if (meetsQuorum(share, q.quorum)) covered.push(group);
        else missing.push(group.join("/"));
      }
      res.share = q.required.length === 0 ? 1 : minShare;
      res.missing = missing;
      res.passed = missing.length === 0;
      res.dissenters = real.filter((v) => covered.some((g) => !named(v, g))).map((v) => v.respondent.name);
      res.explainFrom({ n: real.length });
      return res;
    }
  }
}

/** The Dutch explanation of a condition's outcome: rule, share, threshold, result. */
function explain(q: Question, res: ConditionResult, f: Facts | null): string {
  const need = QUORUM_TEXT[q.quorum];
  const outcome = res.passed ? "gehaald" : "niet gehaald";
  switch (q.rule) {
    case "geen":
      return `${q.code} telt niet mee in het oordeel.`;
    case "consensus":
      if (res.passed === null) return `${q.code}: geen ja/nee/deels-antwoorden.`;
      return `${q.code} (consensus): ${String(f?.pos).replace(".", ",")} van ${f?.n} antwoorden positief (${percent(res.share ?? 0)}; ja telt 1, deels ½), nodig: ${need} — ${outcome}.`;
    case "gemeente":
      if (res.passed === null) return `${q.code} (gemeente beslist): geen antwoord van de gemeente en geen uitsluitsel uit de documenten.`;
      return `${q.code} (gemeente beslist): ${f?.decider === "gemeente" ? "de gemeente" : "de documenten (de gemeente gaf geen antwoord)"} ${f?.answer} — ${outcome}.`;
    case "gelijk":
      if (res.passed === null) return `${q.code}: geen keuze ingevuld.`;
      return `${q.code} (zelfde keuze): ${f?.pos} van ${f?.n} kiezen '${f?.modal}' (${percent(res.share ?? 0)}), nodig: ${need} — ${outcome}.`;
    case "dekking":
      if (res.passed === null) return `${q.code}: geen lijst ingevuld.`;
      return (
        `${q.code} (dekking): ${q.required.length - res.missing.length} van ${q.required.length} vereiste onderdelen genoemd door ${need} van de ${f?.n} ondervraagden` +
        (res.missing.length ? `; ontbreekt: ${res.missing.join(", ")}` : "") +
        ` — ${outcome}.`
      );
  }
}
