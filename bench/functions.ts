/**
 * bench/functions: the custom functions' engine driven as Excel drives it, on a 1,000-approach answers
 * range (4,000 respondent rows, generated as in bench/score.ts).
 *
 * Excel hands every formula cell its own deserialised copy of the range, so the realistic worst case
 * for the cache is a fresh array of equal content on every call. Each call here gets one: the range
 * is round-tripped through JSON (as Excel's messages are) into a pool of copies, and consecutive calls
 * take different copies, so no call sees the arrays or the strings of the call before it; the copy
 * the cache was parsed from is not handed out again, so no call finds its own strings in the cache.
 *
 * Measured, each as wall-clock time and as this process's CPU time (the machine may be shared):
 * - the first call (parse + score one approach) against cached calls;
 * - 30,000 STJ.VERDICT calls (1,000 approaches × 30 indicators) in one run, from an empty cache
 *   (opening the workbook) and with every approach scored (a recalculation) — target ≤ 1 s;
 * - the same 30,000 verdicts through 1,000 STJ.VERDICTS spills;
 * - the same 30,000 STJ.VERDICT cells taking the key of one =STJ.ANSWERS cell instead of the range
 *   (each call gets the key as Excel passes a reference to one cell: a fresh 1×1 array holding a
 *   fresh copy of the text): opening the workbook, a recalculation, and an edit — target ≤ 1 s;
 * - one answer edited, then all 30,000 cells again;
 * - for scale: deserialising the range once, which Excel's runtime does for every call;
 * - the floor: the bare loop comparing one key column of each call's copy with a kept column.
 * Run: `npm run bench:functions`.
 */
import { performance } from "node:perf_hooks";
import { answerSet, engineStats, resetEngine, verdict, verdicts } from "../src/functions/engine";
import { ggsr2013, indicators, readAnswers, scoreAll, type CellValue } from "../src/scoring";
import { generateAnswers } from "./score";

const APPROACHES = 1000;
const POOL = 4;

/** As Excel passes a range: empty cells as "", values through a JSON round trip. */
function asExcelPasses(rows: CellValue[][]): unknown[][] {
  return JSON.parse(JSON.stringify(rows.map((r) => r.map((v) => (v === null || v === undefined ? "" : v)))));
}

interface Timing {
  wall: number;
  cpu: number;
}

function measure(run: () => void): Timing {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  run();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

const ms = (x: number) => (x < 1 ? `${(x * 1000).toFixed(1)} µs` : x < 10 ? `${x.toFixed(2)} ms` : `${x.toFixed(0)} ms`);
const both = (t: Timing, per = 1) => `${ms(t.wall / per)} (CPU ${ms(t.cpu / per)})`;

function main(): void {
  const values = generateAnswers(APPROACHES);
  const pool = Array.from({ length: POOL }, () => asExcelPasses(values));
  const codes = indicators(ggsr2013).map((i) => i.code);
  const names = readAnswers({ name: "Antwoorden", values }, ggsr2013).approaches.map((a) => `${a.gemeente} — ${a.name}`);
  if (names.length !== APPROACHES) throw new Error(`expected ${APPROACHES} approaches, got ${names.length}`);
  const CALLS = APPROACHES * codes.length;
  const fail = (what: string, x: unknown) => {
    throw new Error(`${what}: ${JSON.stringify(x)}`);
  };

  // JIT warm-up on a separate range, then a clean cache.
  const small = asExcelPasses(generateAnswers(20, 7));
  for (let i = 0; i < 3000; i++) verdict(codes[i % 30], small, `Gemeente ${(i % 10) + 1} — Aanpak ${i % 2 ? "B" : "A"}`);
  resetEngine();

  // 1. First call against cached calls (same approach, a fresh array each time).
  let first: unknown;
  const firstT = measure(() => (first = verdict("AP9", pool[0], names[0])));
  if (typeof first !== "string") fail("first call", first);
  const REPEAT = 3000;
  const cachedT = measure(() => {
    for (let i = 0; i < REPEAT; i++) verdict(codes[i % 30], pool[(i % (POOL - 1)) + 1], names[0]);
  });

  // 2. 30,000 VERDICT cells, one per (approach, indicator): cold, then warm. The first call parses
  //    its copy; no later call gets that copy again, so none finds its own strings in the cache.
  const copyFor = (n: number) => (n === 0 ? 0 : 1 + ((n - 1) % (POOL - 1)));
  const allVerdicts = (grids: unknown[][][]) => {
    let n = 0;
    for (let a = 0; a < APPROACHES; a++) {
      for (const code of codes) {
        const v = verdict(code, grids[copyFor(n)], names[a]);
        if (typeof v !== "string") fail("verdict", v);
        n++;
      }
    }
  };
  resetEngine();
  const coldT = measure(() => allVerdicts(pool));
  const coldStats = engineStats();
  const warmT = measure(() => allVerdicts(pool));
  const warmStats = engineStats();

  // 3. The same 30,000 verdicts as 1,000 STJ.VERDICTS spills: cold, then warm.
  let rows = 0;
  const allSpills = () => {
    rows = 0;
    for (let a = 0; a < APPROACHES; a++) {
      const table = verdicts(pool[copyFor(a)], names[a]);
      if (!Array.isArray(table)) fail("verdicts", table);
      rows += (table as unknown[]).length - 1;
    }
  };
  resetEngine();
  const spillColdT = measure(allSpills);
  const spillStats = engineStats();
  const spillWarmT = measure(allSpills);

  // 4. An analyst edits one answer; every cell recalculates with the new content.
  const q = values[0].indexOf("AP9");
  const edited = pool.map((g) => {
    const copy = g.map((r) => r.slice());
    copy[1][q] = copy[1][q] === "nee" ? "ja" : "nee";
    return copy;
  });
  const before = engineStats();
  const editT = measure(() => allVerdicts(edited));
  const after = engineStats();

  // 4b. The same 30,000 cells with the key of one =STJ.ANSWERS cell. Excel evaluates the key cell
  //     first (the others depend on it), then each cell with a fresh [[key]].
  const keyCells = (key: string, n = POOL) => Array.from({ length: n }, () => JSON.parse(JSON.stringify([[key]])) as unknown[][]);
  // Excel passes every cell its own copy of the approach text too (the range route above reuses names[a]).
  const cellNames: string[] = JSON.parse(JSON.stringify(names.flatMap((nm) => codes.map(() => nm))));
  const allKeyed = (cells: unknown[][][]) => {
    let n = 0;
    for (let a = 0; a < APPROACHES; a++) {
      for (const code of codes) {
        const v = verdict(code, cells[n % cells.length], cellNames[n++]);
        if (typeof v !== "string") fail("verdict with key", v);
      }
    }
  };
  const keyOf = (range: unknown[][]) => {
    const k = answerSet(range);
    if (typeof k !== "string") fail("STJ.ANSWERS", k);
    return k as string;
  };
  resetEngine();
  const keyCold = keyCells(keyOf(pool[1])); // what the cells will hold; then the add-in starts afresh
  resetEngine();
  let key = "";
  // Opening the workbook: the key cell reads the range, then every cell scores its approach on first use.
  const keyColdT = measure(() => {
    key = keyOf(pool[1]);
    allKeyed(keyCold);
  });
  const keyColdStats = engineStats();
  const keyWarmT = measure(() => allKeyed(keyCells(key)));
  const keyWarmStats = engineStats();
  // The key cell on a fresh copy of unchanged content: hash, then a full comparison with the kept copy.
  const keyAgainT = measure(() => {
    if (keyOf(pool[2]) !== key) fail("key of equal content", key);
  });
  let editedKey = "";
  const keyEditT = measure(() => {
    editedKey = keyOf(edited[1]);
    allKeyed(keyCells(editedKey));
  });
  const keyEditStats = engineStats();
  if (editedKey === key) fail("edited key", editedKey);

  // 5. For scale: what Excel's runtime spends delivering the argument to ONE call, and the core alone.
  const json = JSON.stringify(pool[0]);
  const parseT = measure(() => {
    for (let i = 0; i < 10; i++) JSON.parse(json);
  });
  const coreT = measure(() => scoreAll(readAnswers({ name: "Antwoorden", values }, ggsr2013).approaches, ggsr2013));

  // 6. The floor of an exact check: one key column (Gemeente) of each call's copy compared with the
  //    column of the parsed copy, 30,000 times with the copies as above — a bare loop, no engine.
  const kept = pool[0].map((r) => r[0]);
  const sameKeys = (g: unknown[][]) => {
    for (let r = 1; r < kept.length; r++) if (g[r][0] !== kept[r]) return false;
    return true;
  };
  let equal = 0;
  const floorT = measure(() => {
    for (let n = 0; n < CALLS; n++) if (sameKeys(pool[copyFor(n)])) equal++;
  });
  if (equal !== CALLS) fail("floor", equal);

  const cells = values.length * values[0].length;
  const target = (t: Timing) => (t.cpu <= 1000 ? "met" : "MISSED");
  console.log(`bench/functions — ${APPROACHES.toLocaleString("en")} approaches: ${values.length.toLocaleString("en")} rows × ${values[0].length} columns = ${cells.toLocaleString("en")} cells`);
  console.log(`  every call gets a fresh array of equal content (JSON copies, pool of ${POOL}); times are wall clock (CPU time of this process)`);
  console.log("");
  console.log(`  first call, parse + score one approach:      ${both(firstT)}`);
  console.log(`  cached call, same approach:                  ${both(cachedT, REPEAT)}  (${(firstT.wall / (cachedT.wall / REPEAT)).toFixed(0)}× faster)`);
  console.log("");
  console.log(`  30,000 × STJ.VERDICT, empty cache:           ${both(coldT)} total, ${both(coldT, CALLS)} per call  (target ≤ 1 s: ${target(coldT)})`);
  console.log(`      parses ${coldStats.answersParses}, approaches scored ${coldStats.approachScores}, cache hits ${coldStats.cacheHits.toLocaleString("en")}`);
  console.log(`  30,000 × STJ.VERDICT, recalculation:         ${both(warmT)} total, ${both(warmT, CALLS)} per call  (target ≤ 1 s: ${target(warmT)})`);
  console.log(`      parses ${warmStats.answersParses - coldStats.answersParses}, approaches scored ${warmStats.approachScores - coldStats.approachScores}`);
  console.log(`  after editing one answer, 30,000 cells:      ${both(editT)} total; parses ${after.answersParses - before.answersParses}, approaches scored ${after.approachScores - before.approachScores}`);
  console.log("");
  console.log(`  1,000 × STJ.VERDICTS spill, empty cache:     ${both(spillColdT)} total, ${both(spillColdT, APPROACHES)} per spill; parses ${spillStats.answersParses}`);
  console.log(`  1,000 × STJ.VERDICTS spill, recalculation:   ${both(spillWarmT)} total, ${both(spillWarmT, APPROACHES)} per spill; ${rows.toLocaleString("en")} verdict rows spilled`);
  console.log("");
  console.log(`  with one =STJ.ANSWERS cell (key: "${key}"):`);
  console.log(`  the key cell again, unchanged content:       ${both(keyAgainT)} (hash + full comparison; no parse)`);
  console.log(`  key cell + 30,000 × STJ.VERDICT(…, key), empty cache: ${both(keyColdT)} total  (target ≤ 1 s: ${target(keyColdT)}); parses ${keyColdStats.answersParses}, approaches scored ${keyColdStats.approachScores}`);
  console.log(`  30,000 × STJ.VERDICT(…, key), recalculation:   ${both(keyWarmT)} total, ${both(keyWarmT, CALLS)} per call  (target ≤ 1 s: ${target(keyWarmT)}); parses ${keyWarmStats.answersParses - keyColdStats.answersParses}, approaches scored ${keyWarmStats.approachScores - keyColdStats.approachScores}`);
  console.log(`  after editing one answer, key cell + 30,000:   ${both(keyEditT)} total  (target ≤ 1 s: ${target(keyEditT)}); parses ${keyEditStats.answersParses - keyWarmStats.answersParses}, approaches scored ${keyEditStats.approachScores - keyWarmStats.approachScores}`);
  console.log(`  ratio, 30,000 cells on recalculation, range ÷ key: ${(warmT.cpu / keyWarmT.cpu).toFixed(0)}×`);
  console.log("");
  console.log(`  for scale: JSON.parse of the range, once:    ${both(parseT, 10)} — Excel's runtime pays about this to deliver the range to each call`);
  console.log(`  for scale: core read + score of all 1,000:   ${both(coreT)}`);
  console.log(`  floor: 30,000 bare comparisons of one key column with a kept copy: ${both(floorT)} (${both(floorT, CALLS)} each) — what any exact check of fresh copies pays here`);
}

if (require.main === module) main();
