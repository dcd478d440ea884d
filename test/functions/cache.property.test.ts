/**
 * Property: the answers cache is exact. After any sequence of cell edits, every function answers
 * exactly what a fresh engine answers (one that parses the range from scratch on every call), for
 * every way of naming the approach. Edits hit the key columns (Gemeente, Aanpak, Respondent, Rol)
 * and answer cells, so rows join and leave approaches, approaches appear and vanish, names become
 * ambiguous, and rows become invalid and valid again.
 */
import fc from "fast-check";
import * as engine from "../../src/functions/engine";
import type { CellValue } from "../../src/scoring";
import { asExcelRange, EXAMPLE_ROWS } from "./helpers";

type Engine = typeof engine;
let fresh!: Engine;
jest.isolateModules(() => {
  fresh = require("../../src/functions/engine") as Engine;
});

/** The oracle: a second copy of the engine whose cache is emptied before every call. */
function oracle<T>(f: (e: Engine) => T): T {
  fresh.resetEngine();
  return f(fresh);
}

const header = EXAMPLE_ROWS[0];
// A small study, so that random edits often hit the rows that matter: Emmen, two Oosterhout rows,
// and two rows that start out outside any approach.
const base: CellValue[][] = [
  header,
  ...EXAMPLE_ROWS.filter((r) => r[0] === "Emmen"),
  ...EXAMPLE_ROWS.filter((r) => r[0] === "Oosterhout").slice(0, 2),
  ["", "CJG-aanpak", "Partner Y", "netwerkpartner", ...header.slice(4).map(() => "")],
  ["Assen", "Gezinsmanager", "Gemeente Assen", "gemeentee", ...header.slice(4).map(() => "nee")],
];
const KEY_VALUES: Record<string, string[]> = {
  Gemeente: ["Emmen", "Oosterhout", "Assen", "", "emmen "],
  Aanpak: ["CJG-aanpak", "Gezinsmanager", "Tweede aanpak", "", "cjg aanpak"],
  Respondent: ["CJG", "Icare", "Partner Y", "Gemeente Emmen", ""],
  Rol: ["gemeente", "netwerkpartner", "document", "gemeentee"],
};
const ANSWERS = ["ja", "nee", "deels", "weet niet", "", "jaa"];
const NAMES = [undefined, "Emmen", "Oosterhout", "Assen", "CJG-aanpak", "Gezinsmanager", "Emmen — CJG-aanpak", "Oosterhout - Gezinsmanager", "Assen — Gezinsmanager", "Emmen — Tweede aanpak", "Tweede aanpak"];
const CODES = ["AP8", "AP9", "TL1", "SW3", "CO2"];
const answerCols = ["AP8", "AP9", "TL1", "SW3", "CO2", "AP12"].map((c) => header.indexOf(c));

const edit = fc.oneof(
  { weight: 3, arbitrary: fc.record({
    row: fc.integer({ min: 1, max: base.length - 1 }),
    key: fc.constantFrom(...Object.keys(KEY_VALUES)),
    pick: fc.nat(),
  }).map(({ row, key, pick }) => ({ row, col: header.indexOf(key), value: KEY_VALUES[key][pick % KEY_VALUES[key].length] })) },
  { weight: 1, arbitrary: fc.record({
    row: fc.integer({ min: 1, max: base.length - 1 }),
    col: fc.constantFrom(...answerCols),
    value: fc.constantFrom(...ANSWERS),
  }) },
);

const query = fc.record({ name: fc.constantFrom(...NAMES), code: fc.constantFrom(...CODES), fn: fc.constantFrom("verdict", "finding", "divergence", "verdicts", "agreement", "improvements") });

function ask(e: Engine, fn: string, code: string, range: unknown[][], name: string | undefined): unknown {
  switch (fn) {
    case "verdict":
      return e.verdict(code, range, name);
    case "finding":
      return e.finding(code, range, name);
    case "divergence":
      return e.divergence(code, range, name);
    case "verdicts":
      return e.verdicts(range, name);
    case "agreement":
      return e.agreement(range, name);
    default:
      return e.improvements(range, name);
  }
}

it("after any edits, cached answers equal a fresh parse, for every way of naming the approach", () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(edit, fc.array(query, { minLength: 1, maxLength: 4 })), { minLength: 1, maxLength: 12 }), (steps) => {
      engine.resetEngine();
      const rows = base.map((r) => r.slice());
      // Warm the cache on the starting content.
      for (const name of NAMES) engine.verdict("AP9", asExcelRange(rows), name);
      for (const [e, queries] of steps) {
        rows[e.row][e.col] = e.value;
        for (const q of queries) {
          const got = ask(engine, q.fn, q.code, asExcelRange(rows), q.name);
          const want = oracle((o) => ask(o, q.fn, q.code, asExcelRange(rows), q.name));
          expect(got).toEqual(want);
        }
      }
    }),
    { numRuns: 120 },
  );
});

it("an STJ.ANSWERS key answers as the range it was made from, and names exactly one content", () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(edit, fc.array(query, { minLength: 1, maxLength: 4 })), { minLength: 1, maxLength: 12 }), (steps) => {
      engine.resetEngine();
      const rows = base.map((r) => r.slice());
      const keyOf = new Map<string, string>(); // content → key
      const contentOf = new Map<string, string>(); // key → content
      for (const [e, queries] of steps) {
        rows[e.row][e.col] = e.value;
        const key = engine.answerSet(asExcelRange(rows));
        if (typeof key !== "string") throw new Error(`no key: ${JSON.stringify(key)}`);
        const content = JSON.stringify(rows);
        expect(keyOf.get(content) ?? key).toBe(key);
        expect(contentOf.get(key) ?? content).toBe(content);
        keyOf.set(content, key);
        contentOf.set(key, content);
        for (const q of queries) {
          // Excel passes a reference to the key cell as a fresh 1×1 array.
          const got = ask(engine, q.fn, q.code, asExcelRange([[key]]), q.name);
          const want = oracle((o) => ask(o, q.fn, q.code, asExcelRange(rows), q.name));
          expect(got).toEqual(want);
        }
      }
    }),
    { numRuns: 120 },
  );
});
