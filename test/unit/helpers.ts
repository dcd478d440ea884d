/**
 * Small builders shared by the scoring-core unit tests: hand-made questions, frameworks, respondents
 * and approaches, and answers-sheet rows for the GGSR 2013 framework.
 */
import { KEY_COLUMNS } from "../../src/scoring/answers";
import { allQuestions } from "../../src/scoring/framework/walk";
import { parseAnswer } from "../../src/scoring/normalise";
import type { Answer, Approach, CellValue, Framework, Issue, Question, Respondent, Role } from "../../src/scoring/types";

/** A question with sensible defaults: ja/nee, asked of everyone, consensus by majority, vereist. */
export function question(code: string, o: Partial<Omit<Question, "code">> = {}): Question {
  return {
    code,
    text: `Vraag ${code}?`,
    roles: ["gemeente", "netwerkpartner", "document"],
    type: "janee",
    options: [],
    required: [],
    rule: "consensus",
    quorum: "meerderheid",
    weight: "vereist",
    statement: `stelling ${code} geldt`,
    negation: `stelling ${code} niet geldt`,
    ...o,
  };
}

/** A framework with one theme and one criterion; each entry of `indicators` is one indicator's questions. */
export function miniFramework(...indicators: Question[][]): Framework {
  return {
    name: "Mini",
    themes: [
      {
        name: "Thema",
        description: "omschrijving",
        criteria: [
          {
            name: "Criterium",
            indicators: indicators.map((questions, i) => ({ code: `XX${i + 1}`, text: `Indicator ${i + 1}`, questions })),
          },
        ],
      },
    ],
  };
}

export type Spec = [name: string, role: Role, answers: Record<string, CellValue>];

/**
 * An approach built directly (not via a sheet). Answers are cell values, normalised with the type of the
 * question of that code among `questions`; row numbers start at 2 and columns at E in question order.
 */
export function approachOf(questions: Question[], specs: Spec[], gemeente = "Gem", name = "Aanpak"): Approach {
  const columns: Record<string, string> = {};
  questions.forEach((q, i) => (columns[q.code] = String.fromCharCode(69 + i)));
  const respondents: Respondent[] = specs.map(([rname, role, answers], i) => {
    const parsed: Record<string, Answer> = {};
    for (const [code, v] of Object.entries(answers)) {
      const q = questions.find((x) => x.code === code);
      if (!q) throw new Error(`no question ${code}`);
      const p = parseAnswer(v, q.type, q.options);
      if (!p.ok) throw new Error(`bad test answer ${String(v)} for ${code}: ${p.problem}`);
      if (p.answer.kind !== "leeg") parsed[code] = p.answer;
    }
    return { name: rname, role, answers: parsed, notes: {}, source: { sheet: "Antwoorden", row: i + 2, columns } };
  });
  return { gemeente, name, respondents };
}

/** Header of an answers sheet with every question of `fw` (or only `codes`). */
export function answersHeader(fw: Framework, codes?: string[]): string[] {
  return [...KEY_COLUMNS, ...(codes ?? allQuestions(fw).map((q) => q.code))];
}

/** One answers-sheet row for `header`: key cells then the given answers (others empty). */
export function answersRow(header: readonly string[], gemeente: string, aanpak: string, name: string, role: string, answers: Record<string, CellValue> = {}): CellValue[] {
  return header.map((h, i) => (i === 0 ? gemeente : i === 1 ? aanpak : i === 2 ? name : i === 3 ? role : (answers[h] ?? "")));
}

export const errors = (issues: Issue[]) => issues.filter((i) => i.severity === "fout");
export const warnings = (issues: Issue[]) => issues.filter((i) => i.severity === "waarschuwing");
export const byCode = (issues: Issue[], code: string) => issues.filter((i) => i.code === code);

/** Deterministic shuffle (mulberry32) so a failing property shows a reproducible counterexample. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  let a = seed | 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
