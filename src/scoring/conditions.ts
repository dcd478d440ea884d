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
 * The property stays enumerable, so JSON and deep equality see it like a plain field.
 */
export function settle<T>(obj: object, key: string, value: T): T {
  Object.defineProperty(obj, key, { value, enumerable: true, configurable: true, writable: true });
  return value;
}

function janeeVotes(votes: Vote[]): { v: Vote; score: number }[] {
  const out: { v: Vote; score: number }[] = [];
  for (const v of votes) if (v.answer.kind === "janee") out.push({ v, score: janeeScore(v.answer.value) });
  return out;
}

export function evaluate(q: Question, approach: Approach): ConditionResult {
  const votes = votesFor(q, approach);
  let explain = (): string => "";
  const res: ConditionResult = {
    question: q.code,
    rule: q.rule,
    quorum: q.quorum,
    weight: q.weight,
    passed: null,
    share: null,
    missing: [],
    dissenters: [],
    get explanation(): string {
      return settle(this, "explanation", explain());
    },
    get evidence(): Evidence[] {
      return settle(this, "evidence", evidence(q, votes));
    },
  };
  const need = QUORUM_TEXT[q.quorum];
  switch (q.rule) {
    case "geen":
      explain = () =>
        `${q.code} telt niet mee in het oordeel.`;
      return res;
    case "consensus": {
      const real = janeeVotes(votes);
      if (real.length === 0) {
        explain = () =>
        `${q.code}: geen ja/nee/deels-antwoorden.`;
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
      for (const x of real) if (passed ? x.score < 1 : x.score > 0) res.dissenters.push(x.v.respondent.name);
      explain = () =>
        `${q.code} (consensus): ${String(pos).replace(".", ",")} van ${real.length} antwoorden positief (${percent(share)}; ja telt 1, deels ½), nodig: ${need} — ${res.passed ? "gehaald" : "niet gehaald"}.`;
      return res;
    }
    case "gemeente": {
      const gem = janeeVotes(votes.filter((v) => v.respondent.role === "gemeente"));
      const doc = janeeVotes(votes.filter((v) => v.respondent.role === "document"));
      const decider = gem[0] ?? doc[0];
      if (!decider) {
        explain = () =>
        `${q.code} (gemeente beslist): geen antwoord van de gemeente en geen uitsluitsel uit de documenten.`;
        return res;
      }
      res.share = decider.score;
      res.passed = meetsQuorum(decider.score, q.quorum === "een" ? "een" : "meerderheid");
      const others = [...gem, ...doc].filter((x) => x !== decider && (x.score > 0.5) !== (decider.score > 0.5));
      res.dissenters = others.map((x) => x.v.respondent.name);
      explain = () =>
        `${q.code} (gemeente beslist): ${decider.v.respondent.role === "gemeente" ? "de gemeente" : "de documenten (de gemeente gaf geen antwoord)"} ${answerText(decider.v.answer)} — ${res.passed ? "gehaald" : "niet gehaald"}.`;
      return res;
    }
    case "gelijk": {
      const real = votes.filter((v) => v.answer.kind === "keuze");
      if (real.length === 0) {
        explain = () =>
        `${q.code}: geen keuze ingevuld.`;
        return res;
      }
      const counts = new Map<string, number>();
      for (const v of real) if (v.answer.kind === "keuze") counts.set(v.answer.value, (counts.get(v.answer.value) ?? 0) + 1);
      const [modal, n] = [...counts.entries()].sort((a, b) => b[1] - a[1] || q.options.indexOf(a[0]) - q.options.indexOf(b[0]))[0];
      const share = n / real.length;
      res.share = share;
      res.passed = meetsQuorum(share, q.quorum);
      res.dissenters = real.filter((v) => v.answer.kind === "keuze" && v.answer.value !== modal).map((v) => v.respondent.name);
      explain = () =>
        `${q.code} (zelfde keuze): ${n} van ${real.length} kiezen '${modal}' (${percent(share)}), nodig: ${need} — ${res.passed ? "gehaald" : "niet gehaald"}.`;
      return res;
    }
    case "dekking": {
      const real = votes.filter((v) => v.answer.kind === "meerkeuze");
      if (real.length === 0) {
        explain = () =>
        `${q.code}: geen lijst ingevuld.`;
        return res;
      }
      const named = (v: Vote, group: string[]) => v.answer.kind === "meerkeuze" && v.answer.values.some((x) => group.includes(x));
      let minShare = 1;
      const covered: string[][] = [];
      for (const group of q.required) {
        const share = real.filter((v) => named(v, group)).length / real.length;
        minShare = Math.min(minShare, share);
        if (meetsQuorum(share, q.quorum)) covered.push(group);
        else res.missing.push(group.join("/"));
      }
      res.share = q.required.length === 0 ? 1 : minShare;
      res.passed = res.missing.length === 0;
      res.dissenters = real.filter((v) => covered.some((g) => !named(v, g))).map((v) => v.respondent.name);
      explain = () =>
        `${q.code} (dekking): ${q.required.length - res.missing.length} van ${q.required.length} vereiste onderdelen genoemd door ${need} van de ${real.length} ondervraagden` +
        (res.missing.length ? `; ontbreekt: ${res.missing.join(", ")}` : "") +
        ` — ${res.passed ? "gehaald" : "niet gehaald"}.`;
      return res;
    }
  }
}
