/**
 * bench/batch: `stj batch` on generated national data — 40 and 400 gemeenten × 2 approaches ×
 * 4 respondents — each in a fresh child process, in one run. Prints the time, peak RSS and peak
 * heapUsed of both, and their ratios (linear would be 10×). Target: 400 gemeenten in ≤ 20 s.
 *
 *   npm run bench:batch                 # 40 and 400
 *   npm run bench:batch -- --check      # also checks every written share copy (inspectShareBytes)
 *   node dist-cli/bench/batch.js --sizes 10,100
 *
 * The data is bench/score.ts's generateAnswers (gemeente "Gemeente N", approaches A and B) with
 * planted markers: respondents are "PERSOON-<row>Z" (gemeente role) and "NWPARTNER-<row>Z", and every
 * row has a toelichting "LEAK-MARKER-<row>Z"; written as a CSV file, as an analyst would export it.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { CellValue } from "../src/scoring";
import { generateAnswers } from "./score";

export interface NationalData {
  rows: CellValue[][];
  /** Names that must never be in a share copy (gemeente respondents). */
  persons: string[];
  /** Netwerkpartner names (only with --met-namen, only in their own gemeente's copy). */
  partners: string[];
  /** Toelichting markers (only with --met-toelichting). */
  markers: string[];
}

/** The national answers for `gemeenten` gemeenten (2 approaches × 4 respondents each), with markers. */
export function nationalAnswers(gemeenten: number, seed = 1): NationalData {
  const rows = generateAnswers(gemeenten * 2, seed);
  const header = [...rows[0], "AP9_toelichting"];
  const persons: string[] = [];
  const partners: string[] = [];
  const markers: string[] = [];
  const out: CellValue[][] = [header];
  rows.slice(1).forEach((r, i) => {
    const row = [...r, `Toelichting LEAK-MARKER-${i + 2}Z`];
    markers.push(`LEAK-MARKER-${i + 2}Z`);
    if (row[3] === "gemeente") {
      row[2] = `PERSOON-${i + 2}Z`;
      persons.push(row[2] as string);
    } else {
      row[2] = `NWPARTNER-${i + 2}Z`;
      partners.push(row[2] as string);
    }
    out.push(row);
  });
  return { rows: out, persons, partners, markers };
}

/** CSV text (";"-separated, quoted where needed, UTF-8 with BOM as Excel writes "CSV UTF-8"). */
export function toCsv(rows: readonly CellValue[][]): string {
  const q = (v: CellValue) => {
    const s = v === null || v === undefined ? "" : String(v);
    return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return "\ufeff" + rows.map((r) => r.map(q).join(";")).join("\r\n") + "\r\n";
}

interface Measure {
  /** heapUsed (MB) after a full GC at every 10% of the gemeenten (only with --trace). */
  retained?: number[];
  gemeenten: number;
  ms: number;
  maxRssMB: number;
  peakHeapMB: number;
  files: number;
  checkMs?: number;
  problems?: number;
}

/** Child: runs `stj batch` in-process and reports time and memory as one JSON line on stdout. */
async function child(csv: string, out: string, check: boolean, trace: boolean): Promise<void> {
  const { run } = await import("../src/cli");
  const gc = (globalThis as { gc?: () => void }).gc;
  const retained: number[] = [];
  let peakHeap = process.memoryUsage().heapUsed;
  const sample = setInterval(() => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }, 10);
  const t0 = performance.now();
  let err = "";
  const code = await run(["batch", csv, "--out", out, "--datum", "2024-03-05"], {
    stdout: () => undefined,
    stderr: (s) => {
      err += s;
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      // Without a terminal the progress bar writes a line at every 10%: measure what is still alive.
      if (trace && gc) {
        gc();
        retained.push(process.memoryUsage().heapUsed / 2 ** 20);
      }
    },
  });
  const ms = performance.now() - t0;
  clearInterval(sample);
  if (code !== 0) throw new Error(`stj batch exited ${code}: ${err.slice(-500)}`);
  const files = readdirSync(out).filter((f) => f.endsWith(".xlsx"));
  const m: Measure = { gemeenten: files.length - 1, ms, maxRssMB: process.resourceUsage().maxRSS / 1024, peakHeapMB: peakHeap / 2 ** 20, files: files.length };
  if (trace) m.retained = retained;
  if (check) {
    const { inspectShareBytes } = await import("../src/share");
    const t1 = performance.now();
    let problems = 0;
    for (const f of files) {
      if (f === "Landelijk overzicht.xlsx") continue;
      const r = await inspectShareBytes(readFileSync(join(out, f)), { title: f.replace(/ \d{4}-\d{2}\.xlsx$/, "") });
      problems += r.problems.length;
      // Respondent names and toelichting: the planted markers never appear in any part.
      for (const text of r.parts.values()) if (/PERSOON-|NWPARTNER-|LEAK-MARKER-/.test(text)) problems++;
    }
    m.checkMs = performance.now() - t1;
    m.problems = problems;
  }
  process.stdout.write(`${JSON.stringify(m)}\n`);
}

function parent(sizes: number[], check: boolean): void {
  const dir = mkdtempSync(join(tmpdir(), "stj-bench-batch-"));
  try {
    const results: Measure[] = [];
    for (const n of sizes) {
      const csv = join(dir, `landelijk-${n}.csv`);
      writeFileSync(csv, toCsv(nationalAnswers(n).rows));
      const out = join(dir, `uit-${n}`);
      const line = execFileSync(process.execPath, [__filename, "--child", csv, out, ...(check ? ["--check"] : [])], { encoding: "utf8", maxBuffer: 1 << 24 });
      results.push(JSON.parse(line.trim().split("\n").pop()!) as Measure);
      rmSync(out, { recursive: true, force: true });
    }
    // The largest size once more, with a full GC at every 10%: the heap that stays alive while the
    // gemeenten are written (the input shrinks as each gemeente is released; nothing accumulates).
    const n = sizes[sizes.length - 1];
    const out = join(dir, `trace-${n}`);
    const line = execFileSync(process.execPath, ["--expose-gc", __filename, "--child", join(dir, `landelijk-${n}.csv`), out, "--trace"], { encoding: "utf8", maxBuffer: 1 << 24 });
    const traced = JSON.parse(line.trim().split("\n").pop()!) as Measure;
    rmSync(out, { recursive: true, force: true });
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    console.log(`bench/batch — stj batch, ${sizes.join(" and ")} gemeenten × 2 aanpakken × 4 respondenten (CSV in, share copies + Landelijk overzicht out; fresh process each)`);
    for (const m of results) {
      console.log(
        `  ${String(m.gemeenten).padStart(4)} gemeenten: ${s(m.ms).padStart(7)}  (${(m.ms / m.gemeenten).toFixed(1)} ms per gemeente)  peak RSS ${m.maxRssMB.toFixed(0)} MB  peak heapUsed ${m.peakHeapMB.toFixed(0)} MB  ${m.files} files` +
          (m.checkMs !== undefined ? `  checked in ${s(m.checkMs)}: ${m.problems} problems` : ""),
      );
    }
    if (results.length >= 2) {
      const [a, b] = [results[0], results[results.length - 1]];
      const k = b.gemeenten / a.gemeenten;
      console.log(`  ratio ${b.gemeenten}/${a.gemeenten} (${k}× the gemeenten): time ${(b.ms / a.ms).toFixed(1)}×, peak RSS ${(b.maxRssMB / a.maxRssMB).toFixed(2)}×, peak heapUsed ${(b.peakHeapMB / a.peakHeapMB).toFixed(2)}×  (linear would be ${k}×)`);
      console.log(`  memory per extra gemeente: RSS ${(((b.maxRssMB - a.maxRssMB) * 1024) / (b.gemeenten - a.gemeenten)).toFixed(0)} KB, heapUsed ${(((b.peakHeapMB - a.peakHeapMB) * 1024) / (b.gemeenten - a.gemeenten)).toFixed(0)} KB`);
      console.log(`  heapUsed after a full GC at each 10% of ${traced.gemeenten} gemeenten: ${(traced.retained ?? []).map((x) => x.toFixed(0)).join(", ")} MB`);
      const big = results.find((m) => m.gemeenten === 400);
      if (big) console.log(`  400 gemeenten: ${s(big.ms)} (target ≤ 20 s: ${big.ms <= 20_000 ? "met" : "NOT met"})`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const args = process.argv.slice(2);
  if (args[0] === "--child") {
    child(args[1], args[2], args.includes("--check"), args.includes("--trace")).catch((e: unknown) => {
      process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
      process.exitCode = 1;
    });
  } else {
    const i = args.indexOf("--sizes");
    const sizes = i >= 0 ? args[i + 1].split(",").map(Number) : [40, 400];
    parent(sizes, args.includes("--check"));
  }
}
