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

function time(label: string, approaches: number, repeats: number): number {
  const values = generateAnswers(approaches);
  // Warm up once so the JIT has compiled the hot paths before we measure.
  scoreAll(readAnswers({ name: "Antwoorden", values }, ggsr2013).approaches, ggsr2013);
  const t0 = performance.now();
  for (let i = 0; i < repeats; i++) {
    const read = readAnswers({ name: "Antwoorden", values }, ggsr2013);
    const results = scoreAll(read.approaches, ggsr2013);
    if (results.length !== approaches) throw new Error(`${label}: expected ${approaches} results, got ${results.length}`);
  }
  return (performance.now() - t0) / repeats;
}

function main(): void {
  const one = time("1 approach", 1, 200);
  const many = time("1,000 approaches", 1000, 5);
  const fmt = (ms: number) => `${ms.toFixed(ms < 1 ? 3 : 1)} ms`;
  console.log("bench/score — read + score, 4 respondents per approach (mean of repeated runs)");
  console.log(`  1 approach:        ${fmt(one)}`);
  console.log(`  1,000 approaches:  ${fmt(many)}  (target ≤ 100 ms)`);
  console.log(`  ratio 1,000 / 1:   ${(many / one).toFixed(0)}×  (linear would be 1000×)`);
  console.log(`  per approach:      ${fmt(many / 1000)} at 1,000; ${fmt(one)} alone`);
}

if (require.main === module) main();
