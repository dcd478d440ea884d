/**
 * bench/score: reading and scoring 1 versus 1,000 approaches × 4 respondents, in one run.
 * Prints both times, their ratio and the cost per approach. Run: `npm run bench:score`.
 */
import { performance } from "node:perf_hooks";
import { allQuestions, ggsr2013, readAnswers, scoreAll, KEY_COLUMNS } from "../src/scoring";
import type { CellValue } from "../src/scoring";

/** Deterministic pseudo-random numbers (mulberry32) so every run scores the same data. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateAnswers(approaches: number, seed = 1): CellValue[][] {
  const rand = rng(seed);
  const questions = allQuestions(ggsr2013);
  const rows: CellValue[][] = [[...KEY_COLUMNS, ...questions.map((q) => q.code)]];
  const roles = ["gemeente", "netwerkpartner", "netwerkpartner", "netwerkpartner"] as const;
  for (let a = 0; a < approaches; a++) {
    roles.forEach((role, i) => {
      rows.push([
        `Gemeente ${Math.floor(a / 2) + 1}`,
        `Aanpak ${a % 2 === 0 ? "A" : "B"}`,
        i === 0 ? "Gemeente" : `Partner ${i}`,
        role,
        ...questions.map((q) => {
          if (!q.roles.includes(role)) return "";
          const r = rand();
          if (q.type === "janee") return r < 0.7 ? "ja" : r < 0.8 ? "deels" : r < 0.95 ? "nee" : "weet niet";
          if (q.type === "keuze") return q.options[Math.floor(r * 2)];
          if (q.type === "meerkeuze") return q.options.filter(() => rand() < 0.7).join("; ");
          return "";
        }),
      ]);
    });
  }
  return rows;
}

interface Timing {
  /** Median time of reading the sheet (readAnswers). */
  read: number;
  /** Median time of scoring what was read (scoreAll), with every verdict and divergence read back. */
  score: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Reads and scores `approaches` approaches `repeats` times after a warm-up, and reports the median
 * of each phase. Every verdict, LET OP flag, divergence score and agreement is read back and summed,
 * so nothing the results sheet shows can be left undone; texts (findings, reasons) are built when
 * first read, for a factsheet, and are not part of this figure.
 */
function time(label: string, approaches: number, repeats: number, warmup: number): Timing {
  const values = generateAnswers(approaches);
  const reads: number[] = [];
  const scores: number[] = [];
  let check = 0;
  for (let i = 0; i < warmup + repeats; i++) {
    const t0 = performance.now();
    const read = readAnswers({ name: "Antwoorden", values }, ggsr2013);
    const t1 = performance.now();
    const results = scoreAll(read.approaches, ggsr2013);
    for (const r of results) {
      check += r.counts.voldoet + (r.agreement.percent ?? 0);
      for (const ind of r.indicators) check += (ind.verdict === "voldoet" ? 1 : 0) + (ind.letOp ? 1 : 0) + (ind.divergence.score ?? 0);
    }
    const t2 = performance.now();
    if (results.length !== approaches) throw new Error(`${label}: expected ${approaches} results, got ${results.length}`);
    if (i >= warmup) {
      reads.push(t1 - t0);
      scores.push(t2 - t1);
    }
  }
  if (!Number.isFinite(check)) throw new Error(`${label}: results are not numbers`);
  return { read: median(reads), score: median(scores) };
}

function main(): void {
  const one = time("1 approach", 1, 400, 400);
  const many = time("1,000 approaches", 1000, 15, 5);
  const fmt = (ms: number) => `${ms.toFixed(ms < 1 ? 3 : 1)} ms`;
  const total = (t: Timing) => t.read + t.score;
  console.log("bench/score — 4 respondents per approach; median of repeated runs after a warm-up");
  console.log("                     read        score       read + score");
  console.log(`  1 approach:        ${fmt(one.read).padEnd(12)}${fmt(one.score).padEnd(12)}${fmt(total(one))}`);
  console.log(`  1,000 approaches:  ${fmt(many.read).padEnd(12)}${fmt(many.score).padEnd(12)}${fmt(total(many))}`);
  console.log(`  ratio 1,000 / 1:   ${(many.read / one.read).toFixed(0)}×`.padEnd(33) + `${(many.score / one.score).toFixed(0)}×`.padEnd(12) + `${(total(many) / total(one)).toFixed(0)}×  (linear would be 1000×)`);
  console.log(`  per approach:      ${fmt(total(many) / 1000)} at 1,000; ${fmt(total(one))} alone`);
  const verdict = (ms: number) => (ms <= 100 ? "met" : "MISSED");
  console.log(`  target, 1,000 approaches in ≤ 100 ms: scoring ${fmt(many.score)} ${verdict(many.score)}; reading + scoring ${fmt(total(many))} ${verdict(total(many))}`);
}

if (require.main === module) main();
