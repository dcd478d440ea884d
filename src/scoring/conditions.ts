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
/** Shared empty list of names (dissenters, missing groups: most conditions have none); never mutated. */
export const NONE = Object.freeze([]) as unknown as string[];
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
    // filter + map, not push: an array grown by push keeps room for 17 votes, and a study keeps
    // some 50,000 of these lists alive.
    votes = approach.respondents
      .filter((respondent) => q.roles.includes(respondent.role))
      .map((respondent) => ({ respondent, answer: answerOf(respondent, q)! }));
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
 * texts are written from sits in internal fields on the object itself (no separate object per
 * result: a national study keeps some 60,000 results alive, and each extra object is copied by
 * every garbage collection that finds it alive); `toJSON` leaves those out and builds every text,
 * so a serialised result is complete.
 */
export abstract class Lazy {
  protected abstract lazyKeys(): readonly string[];
  protected abstract internalKeys(): readonly string[];
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const k of this.lazyKeys()) void (this as Record<string, unknown>)[k];
    const internal = this.internalKeys();
    for (const [k, v] of Object.entries(this)) if (!internal.includes(k)) out[k] = v;
    return out;
  }
}

const OUTCOME_INTERNAL = ["q", "approach", "pos", "n", "mixed", "modal", "decider", "answer"] as const;

/**
 * One condition's outcome. Besides the public fields it keeps what its lazy texts are written from:
 * the question, the approach, and the few numbers the explanation needs (always the same shape).
 */
export class Outcome extends Lazy implements ConditionResult {
  q!: Question;
  approach!: Approach;
  question!: string;
  rule!: ConditionResult["rule"];
  quorum!: Quorum;
  weight!: ConditionResult["weight"];
  passed!: boolean | null;
  share!: number | null;
  missing!: string[];
  dissenters!: string[];
  /** consensus: sum of scores; gelijk: respondents choosing the modal option. */
  pos!: number;
  /** Respondents with a real answer. */
  n!: number;
  /**
   * consensus and gemeente: some ja/nee answer of anyone asked is below ja (deels or nee), the
   * minority a passed condition reports as LET OP.
   */
  mixed!: boolean;
  modal!: string;
  decider!: "gemeente" | "document" | null;
  answer!: string;

  constructor(q: Question, approach: Approach) {
    super();
    this.reset(q, approach);
  }
  /**
   * Makes this the blank outcome of `q` over `approach`. Scoring judges every question of a study
   * through one outcome reset each time ({@link judge}); the fields are always set in this order,
   * so every outcome has the same shape.
   */
  reset(q: Question, approach: Approach): this {
    this.q = q;
    this.approach = approach;
    this.question = q.code;
    this.rule = q.rule;
    this.quorum = q.quorum;
    this.weight = q.weight;
    this.passed = null;
    this.share = null;
    this.missing = NONE;
    this.dissenters = NONE;
    this.pos = 0;
    this.n = 0;
    this.mixed = false;
    this.modal = "";
    this.decider = null;
    this.answer = "";
    return this;
  }
  protected lazyKeys(): readonly string[] {
    return ["explanation", "evidence"];
  }
  protected internalKeys(): readonly string[] {
    return OUTCOME_INTERNAL;
  }
  get explanation(): string {
    return settle(this, "explanation", explain(this.q, this));
  }
  get evidence(): Evidence[] {
    return settle(this, "evidence", evidence(this.q, votesFor(this.q, this.approach)));
  }
}

/**
 * The answer of a respondent to `q`, or null when `q` is not asked of the respondent's role. The
 * scoring loops below read answers through this, without building vote lists: a national study
 * evaluates some 50,000 questions, and the garbage of per-question lists was most of the cost
 * (bench/score.ts). {@link votesFor} builds the lists where texts are written.
 */
export function answerOf(r: Respondent, q: Question): Answer | null {
  return q.roles.includes(r.role) ? (r.answers[q.code] ?? NO_ANSWER) : null;
}

/** ja 1, deels ½, nee 0; -1 for anything that is not a ja/nee/deels answer (or not asked). */
export function scoreOf(a: Answer | null): number {
  return a !== null && a.kind === "janee" ? janeeScore(a.value) : -1;
}

/** Appends to a list that starts as the shared empty {@link NONE}. */
export function add(list: string[], item: string): string[] {
  if (list === NONE) return [item];
  list.push(item);
  return list;
}

/** Whether a meerkeuze answer names at least one member of a group. */
function names(a: Answer | null, group: readonly string[]): boolean {
  if (a === null || a.kind !== "meerkeuze") return false;
  // Indexed loops here and below: for…of over the frozen answer lists and framework arrays was
  // not optimised away and left an iterator result per element (bench/score.ts).
  const values = a.values;
  for (let i = 0; i < values.length; i++) if (group.includes(values[i])) return true;
  return false;
}

/**
 * The answers of the current evaluation, one per respondent (null where `q` is not asked): each
 * answer is looked up once, however often the rule's loops read it (a scored study looked up some
 * 500 answers per approach, three times the number there are). Reused from call to call.
 */
const given: (Answer | null)[] = [];

/** Evaluates one question over the approach's respondents by its rule, in plain loops over them. */
export function evaluate(q: Question, approach: Approach): Outcome {
  return evaluateInto(new Outcome(q, approach));
}

let scratch: Outcome | null = null;

/**
 * The outcome of `q` in one outcome object reused from call to call: valid until the next call.
 * For scoring, which needs only whether each question passed (and the main question's dissenters);
 * the outcomes themselves are evaluated again when someone reads them.
 */
export function judge(q: Question, approach: Approach): Outcome {
  scratch = scratch ? scratch.reset(q, approach) : new Outcome(q, approach);
  return evaluateInto(scratch);
}

/** Evaluates the question of a blank outcome over its approach. */
function evaluateInto(res: Outcome): Outcome {
  const q = res.q;
  const respondents = res.approach.respondents;
  const m = respondents.length;
  if (q.rule === "geen") return res;
  for (let i = 0; i < m; i++) given[i] = answerOf(respondents[i], q);
  switch (q.rule) {
    case "consensus": {
      let pos = 0;
      let best = 0;
      let n = 0;
      let mixed = false;
      for (let i = 0; i < m; i++) {
        const s = scoreOf(given[i]);
        if (s < 0) continue;
        pos += s;
        if (s > best) best = s;
        if (s < 1) mixed = true;
        n++;
      }
      if (n === 0) return res;
      const share = q.quorum === "een" ? best : pos / n;
      const passed = meetsQuorum(share, q.quorum);
      res.share = share;
      res.passed = passed;
      for (let i = 0; i < m; i++) {
        const s = scoreOf(given[i]);
        if (s >= 0 && (passed ? s < 1 : s > 0)) res.dissenters = add(res.dissenters, respondents[i].name);
      }
      res.pos = pos;
      res.n = n;
      res.mixed = mixed;
      return res;
    }
    case "gemeente": {
      // The gemeente decides; without its answer, the documents do.
      let decider = -1;
      for (let i = 0; i < m && decider < 0; i++) if (respondents[i].role === "gemeente" && scoreOf(given[i]) >= 0) decider = i;
      for (let i = 0; i < m && decider < 0; i++) if (respondents[i].role === "document" && scoreOf(given[i]) >= 0) decider = i;
      if (decider < 0) return res;
      for (let i = 0; i < m && !res.mixed; i++) {
        const s = scoreOf(given[i]);
        if (s >= 0 && s < 1) res.mixed = true;
      }
      const answer = given[decider]!;
      const score = scoreOf(answer);
      res.share = score;
      res.passed = meetsQuorum(score, q.quorum === "een" ? "een" : "meerderheid");
      // Dissenters: the other gemeente and document answers on the other side of the middle.
      for (const role of ["gemeente", "document"] as const) {
        for (let i = 0; i < m; i++) {
          if (i === decider || respondents[i].role !== role) continue;
          const s = scoreOf(given[i]);
          if (s >= 0 && s > 0.5 !== score > 0.5) res.dissenters = add(res.dissenters, respondents[i].name);
        }
      }
      res.decider = respondents[decider].role === "gemeente" ? "gemeente" : "document";
      res.answer = answerText(answer);
      return res;
    }
    case "gelijk": {
      // The modal option: most chosen, ties broken by the order of the options.
      let modal = "";
      let best = 0;
      let n = 0;
      for (let i = 0; i < m; i++) {
        const a = given[i];
        if (a === null || a.kind !== "keuze") continue;
        n++;
        let count = 0;
        for (let j = 0; j < m; j++) {
          const b = given[j];
          if (b !== null && b.kind === "keuze" && b.value === a.value) count++;
        }
        if (count > best || (count === best && q.options.indexOf(a.value) < q.options.indexOf(modal))) {
          modal = a.value;
          best = count;
        }
      }
      if (n === 0) return res;
      res.share = best / n;
      res.passed = meetsQuorum(res.share, q.quorum);
      for (let i = 0; i < m; i++) {
        const a = given[i];
        if (a !== null && a.kind === "keuze" && a.value !== modal) res.dissenters = add(res.dissenters, respondents[i].name);
      }
      res.pos = best;
      res.n = n;
      res.modal = modal;
      return res;
    }
    case "dekking": {
      let n = 0;
      for (let i = 0; i < m; i++) if (given[i]?.kind === "meerkeuze") n++;
      if (n === 0) return res;
      // Per required group, the share of lists that name it; a group too few name is missing.
      let minShare = 1;
      const covered: string[][] = [];
      for (let gi = 0; gi < q.required.length; gi++) {
        const group = q.required[gi];
        let naming = 0;
        for (let i = 0; i < m; i++) if (names(given[i], group)) naming++;
        const share = naming / n;
        if (share < minShare) minShare = share;
        if (meetsQuorum(share, q.quorum)) covered.push(group);
        else res.missing = add(res.missing, group.join("/"));
      }
      res.share = q.required.length === 0 ? 1 : minShare;
      res.passed = res.missing.length === 0;
      // Dissenters: lists that leave out a group the others cover.
      for (let i = 0; i < m; i++) {
        const a = given[i];
        if (a?.kind !== "meerkeuze") continue;
        for (let gi = 0; gi < covered.length; gi++) {
          if (!names(a, covered[gi])) {
            res.dissenters = add(res.dissenters, respondents[i].name);
            break;
          }
        }
      }
      res.n = n;
      return res;
    }
  }
}

/** The Dutch explanation of a condition's outcome: rule, share, threshold, result. */
function explain(q: Question, res: Outcome): string {
  const need = QUORUM_TEXT[q.quorum];
  const outcome = res.passed ? "gehaald" : "niet gehaald";
  switch (q.rule) {
    case "geen":
      return `${q.code} telt niet mee in het oordeel.`;
    case "consensus":
      if (res.passed === null) return `${q.code}: geen ja/nee/deels-antwoorden.`;
      return `${q.code} (consensus): ${String(res.pos).replace(".", ",")} van ${res.n} antwoorden positief (${percent(res.share ?? 0)}; ja telt 1, deels ½), nodig: ${need} — ${outcome}.`;
    case "gemeente":
      if (res.passed === null) return `${q.code} (gemeente beslist): geen antwoord van de gemeente en geen uitsluitsel uit de documenten.`;
      return `${q.code} (gemeente beslist): ${res.decider === "gemeente" ? "de gemeente" : "de documenten (de gemeente gaf geen antwoord)"} ${res.answer} — ${outcome}.`;
    case "gelijk":
      if (res.passed === null) return `${q.code}: geen keuze ingevuld.`;
      return `${q.code} (zelfde keuze): ${res.pos} van ${res.n} kiezen '${res.modal}' (${percent(res.share ?? 0)}), nodig: ${need} — ${outcome}.`;
    case "dekking":
      if (res.passed === null) return `${q.code}: geen lijst ingevuld.`;
      return (
        `${q.code} (dekking): ${q.required.length - res.missing.length} van ${q.required.length} vereiste onderdelen genoemd door ${need} van de ${res.n} ondervraagden` +
        (res.missing.length ? `; ontbreekt: ${res.missing.join(", ")}` : "") +
        ` — ${outcome}.`
      );
  }
}
