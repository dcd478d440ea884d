/**
 * Dutch finding texts that say who said what, in the style of the STJ findings:
 * "Alle ondervraagden geven aan dat …", "Twee van de drie netwerkpartners …", "De gemeente en één netwerkpartner …".
 */
import type { Vote } from "./conditions";
import { votesFor } from "./conditions";
import { capitalize, joinList, subject, verb, type Group } from "./dutch";
import { janeeScore } from "./normalise";
import type { Approach, ConditionResult, Question } from "./types";

/** The group of respondents (gemeente and netwerkpartners among those asked) that `pick` selects. */
function groupOf(votes: Vote[], pick: (v: Vote) => boolean): Group & { names: string[] } {
  const asked = votes.filter((v) => v.respondent.role !== "document");
  const chosen = asked.filter(pick);
  return {
    gemeente: chosen.some((v) => v.respondent.role === "gemeente"),
    partners: chosen.filter((v) => v.respondent.role === "netwerkpartner").length,
    totalPartners: asked.filter((v) => v.respondent.role === "netwerkpartner").length,
    gemeenteAsked: asked.some((v) => v.respondent.role === "gemeente"),
    names: chosen.map((v) => v.respondent.name),
  };
}

const empty = (g: Group) => !g.gemeente && g.partners === 0;

/** "Alle ondervraagden geven aan dat <clause>." */
export function said(g: Group, clause: string): string {
  const subj = subject(g);
  // "De gemeente geeft aan dat zij …", not "… dat de gemeente …".
  const c = subj === "de gemeente" && clause.startsWith("de gemeente ") ? `zij ${clause.slice("de gemeente ".length)}` : clause;
  return `${capitalize(subj)} ${verb(g, "geeft", "geven")} aan dat ${c}.`;
}

/**
 * Whether a subject names one definite set of respondents. "Eén van de netwerkpartners" (or "de gemeente
 * en één netwerkpartner") in two sentences may be two different respondents, so those are not chained.
 */
function definite(subj: string): boolean {
  return !/ van de |^de gemeente en (?!de )/i.test(subj);
}

/**
 * Joins sentences, replacing a repeated "<Subject> geven aan dat" by "Ook geven zij aan dat", as the
 * STJ findings do ("Ook geven ze aan dat drang en dwang geen deel uitmaakt van de aanpak").
 */
export function chain(sentences: readonly string[]): string[] {
  const lead = /^(.+?) (geeft|geven) aan dat /;
  return sentences.map((s, i) => {
    const m = lead.exec(s);
    const prev = i > 0 ? lead.exec(sentences[i - 1]) : null;
    if (!m || !prev || m[1] !== prev[1] || !definite(m[1])) return s;
    return `Ook ${m[2]} zij aan dat ${s.slice(m[0].length)}`;
  });
}

/** One line for "Wat kan beter?" about a failing condition, as a full sentence. */
export function conclusionLine(q: Question, approach: Approach, res: ConditionResult): string {
  const votes = votesFor(q, approach);
  if (q.rule === "consensus" || q.rule === "gemeente") {
    const neg = groupOf(votes, (v) => score(v) === 0);
    if (!empty(neg)) return said(neg, q.negation);
    return `Uit de antwoorden blijkt niet dat ${q.statement}.`;
  }
  return `Uit de antwoorden blijkt dat ${q.negation}${res.missing.length ? ` (ontbreekt: ${joinList(res.missing.map((m) => m.replace("/", " of ")))})` : ""}.`;
}

const score = (v: Vote) => (v.answer.kind === "janee" ? janeeScore(v.answer.value) : null);

export interface Described {
  /** Sentences describing the answers, the side that decided first. */
  sentences: string[];
  /** Sentences about a minority on the passing side (used as LET OP notes). */
  dissent: string[];
}

/** Describes a ja/nee condition's answers. */
function describeJaNee(q: Question, votes: Vote[], passed: boolean, main: boolean): Described {
  const pos = groupOf(votes, (v) => score(v) === 1);
  const part = groupOf(votes, (v) => score(v) === 0.5);
  const neg = groupOf(votes, (v) => score(v) === 0);
  const dk = groupOf(votes, (v) => v.answer.kind === "weetniet");
  const sentences: string[] = [];
  const dissent: string[] = [];
  const win = passed ? pos : neg;
  const lose = passed ? neg : pos;
  const winClause = passed ? q.statement : q.negation;
  const loseClause = passed ? q.negation : q.statement;
  if (main && !passed && !empty(pos) && !empty(neg)) sentences.push("De ondervraagden zijn hierover verdeeld.");
  if (!empty(win)) sentences.push(said(win, winClause));
  if (!empty(lose)) (passed ? dissent : sentences).push(said(lose, loseClause));
  if (!empty(part)) {
    // After a sentence on the same question "dit" is clear; on its own the statement is spelled out.
    const what = empty(win) && empty(lose) ? `${q.statement}, maar slechts gedeeltelijk` : "dit deels zo is";
    (passed ? dissent : sentences).push(said(part, what));
  }
  if (!empty(dk)) sentences.push(`${capitalize(subject(dk))} ${verb(dk, "weet", "weten")} dit niet.`);
  for (const d of votes.filter((v) => v.respondent.role === "document" && v.answer.kind === "janee")) {
    const s = score(d)!;
    const line = s === 0.5 ? "Uit de documentatie blijkt dit deels." : `Uit de documentatie blijkt dat ${s === 1 ? q.statement : q.negation}.`;
    // A document that goes against the outcome is a note on a pass, context on a fail.
    if (passed && s < 1) dissent.push(line);
    else sentences.push(line);
  }
  return { sentences, dissent };
}

function describeChoice(votes: Vote[]): Described {
  const byOption = new Map<string, Vote[]>();
  for (const v of votes) if (v.answer.kind === "keuze") byOption.set(v.answer.value, [...(byOption.get(v.answer.value) ?? []), v]);
  const groups = [...byOption.entries()].sort((a, b) => b[1].length - a[1].length);
  const sentences = groups.map(([option, vs]) => {
    const g = groupOf(votes, (v) => vs.includes(v));
    return `${capitalize(subject(g))} ${verb(g, "geeft", "geven")} als doelgroep aan: ${option}.`;
  });
  const dk = groupOf(votes, (v) => v.answer.kind === "weetniet");
  if (!empty(dk)) sentences.push(`${capitalize(subject(dk))} ${verb(dk, "weet", "weten")} dit niet.`);
  return { sentences, dissent: [] };
}

function describeCoverage(q: Question, votes: Vote[], res: ConditionResult): Described {
  const real = votes.filter((v) => v.answer.kind === "meerkeuze");
  // Group options by exactly who named them, largest group first.
  const namers = new Map<string, { vs: Vote[]; options: string[] }>();
  for (const option of q.options) {
    const vs = real.filter((v) => v.answer.kind === "meerkeuze" && v.answer.values.includes(option));
    if (vs.length === 0) continue;
    const key = vs.map((v) => v.respondent.name).join("\u0000");
    const entry = namers.get(key) ?? { vs, options: [] };
    entry.options.push(option);
    namers.set(key, entry);
  }
  const groups = [...namers.values()].sort((a, b) => b.vs.length - a.vs.length);
  const sentences = groups.map(({ vs, options }, i) => {
    const g = groupOf(votes, (v) => vs.includes(v));
    return `${capitalize(subject(g))} ${verb(g, "noemt", "noemen")}${i > 0 ? " daarnaast" : ""} ${joinList(options)}.`;
  });
  if (res.missing.length > 0) sentences.push(`Niet of door te weinig ondervraagden genoemd: ${joinList(res.missing.map((m) => m.replace("/", " of ")))}.`);
  return { sentences, dissent: [] };
}

/** Sentences for one evaluated condition. */
export function describe(q: Question, approach: Approach, res: ConditionResult, main = true): Described {
  const votes = votesFor(q, approach);
  if (res.passed === null) return { sentences: [], dissent: [] };
  switch (q.rule) {
    case "consensus":
    case "gemeente":
      return describeJaNee(q, votes, res.passed, main);
    case "gelijk": {
      const d = describeChoice(votes);
      if (!res.passed) d.sentences.unshift(`Uit de antwoorden blijkt dat ${q.negation}.`);
      return d;
    }
    case "dekking":
      return describeCoverage(q, votes, res);
    case "geen":
      return { sentences: [], dissent: [] };
  }
}

/** A LET OP note for a failing letop condition: who says the negation. */
export function noteForFailed(q: Question, approach: Approach, res: ConditionResult): string {
  const votes = votesFor(q, approach);
  if (q.rule === "consensus" || q.rule === "gemeente") {
    const neg = groupOf(votes, (v) => score(v) !== null && score(v)! < 1);
    if (!empty(neg)) return said(neg, q.negation);
    return `Uit de documentatie blijkt dat ${q.negation}.`;
  }
  return conclusionLine(q, approach, res);
}
