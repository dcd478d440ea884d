/**
 * STJ.ANSWERS: the answers range read once, into a key that the other functions take instead of the
 * range. Called as Excel calls custom functions: the range as a fresh 2-D array, the key cell as a
 * fresh 1×1 array. Every value is compared with the scoring core or with the same call over the range.
 */
import * as engine from "../../src/functions/engine";
import { frameworkFromSheet, frameworkToSheet, ggsr2013, indicators, KEY_COLUMNS } from "../../src/scoring";
import type { CellValue } from "../../src/scoring";
import { approachName, asExcelRange, coreResults, EXAMPLE_ROWS, label } from "./helpers";

const results = coreResults();
const codes = indicators(ggsr2013).map((i) => i.code);
const fresh = () => asExcelRange(EXAMPLE_ROWS);
const cell = (key: unknown) => asExcelRange([[key as CellValue]]);
const isError = (x: unknown, code?: engine.EngineErrorCode) => engine.isEngineError(x) && (code === undefined || x.error === code);
const keyOf = (rows: unknown[][]) => {
  const k = engine.answerSet(rows);
  if (typeof k !== "string") throw new Error(`expected a key, got ${JSON.stringify(k)}`);
  return k;
};
const edited = (row: number, code: string, value: string) => {
  const rows = EXAMPLE_ROWS.map((r) => r.slice());
  rows[row][rows[0].indexOf(code)] = value;
  return rows;
};
const oosterhoutGemeente = EXAMPLE_ROWS.findIndex((r) => r[0] === "Oosterhout" && r[3] === "gemeente");

beforeEach(() => {
  engine.resetEngine();
  engine.answerSetTesting.hash = engine.contentHash;
});

describe("the key", () => {
  it("says what was read and carries a hash of the content", () => {
    const respondents = results.reduce((n, r) => n + r.respondents.length, 0);
    expect(respondents).toBeGreaterThan(3);
    expect(keyOf(fresh())).toMatch(new RegExp(`^STJ-antwoorden: 3 aanpakken, ${respondents} respondenten \\[[0-9a-f]{13}\\]$`));
    expect(keyOf(asExcelRange(EXAMPLE_ROWS.slice(0, 2)))).toMatch(/^STJ-antwoorden: 1 aanpak, 1 respondent \[/);
  });

  it("is the same for equal content in fresh arrays, and after the add-in is reloaded", () => {
    const k = keyOf(fresh());
    expect(keyOf(fresh())).toBe(k);
    expect(engine.engineStats()).toMatchObject({ answersParses: 1, answerSets: 1 });
    engine.resetEngine(); // a reloaded runtime has no sets
    expect(keyOf(fresh())).toBe(k);
  });

  it("changes with any cell: an answer, a name, a blank that became text, a number that became text", () => {
    const k = keyOf(fresh());
    const variants = [
      edited(oosterhoutGemeente, "AP8", "nee"),
      edited(1, "Respondent", `${EXAMPLE_ROWS[1][2]} `),
      edited(1, "AP1", String(EXAMPLE_ROWS[1][EXAMPLE_ROWS[0].indexOf("AP1")]).toUpperCase()),
      [...EXAMPLE_ROWS, [""]],
    ];
    const keys = variants.map((rows) => keyOf(asExcelRange(rows)));
    expect(new Set([k, ...keys]).size).toBe(variants.length + 1);
    // 1 and "1" are different cells.
    const n = EXAMPLE_ROWS.map((r) => r.slice());
    n[1].push(1);
    const s = EXAMPLE_ROWS.map((r) => r.slice());
    s[1].push("1");
    expect(keyOf(asExcelRange(n))).not.toBe(keyOf(asExcelRange(s)));
    // …and the hash alone tells them apart (a shared hash would only be caught by the comparison).
    const hashes = [[[1]], [["1"]], [[true]], [["true"]], [[""]], [[null]], [["", ""]], [[""], [""]], [[{ error: "#N/A" }]], [["#N/A"]]] as CellValue[][][];
    expect(new Set(hashes.map(engine.contentHash)).size).toBe(hashes.length);
  });

  it("a key given to STJ.ANSWERS is itself", () => {
    const k = keyOf(fresh());
    expect(engine.answerSet(cell(k))).toBe(k);
  });

  it("two contents with the same hash still get two keys, each naming its own content", () => {
    engine.answerSetTesting.hash = () => "0000000000000";
    const changed = edited(oosterhoutGemeente, "AP8", "nee");
    const a = keyOf(fresh());
    const b = keyOf(asExcelRange(changed));
    expect(a).toMatch(/\[0000000000000\]$/);
    expect(b).toMatch(/\[0000000000000-2\]$/);
    expect(keyOf(fresh())).toBe(a);
    expect(keyOf(asExcelRange(changed))).toBe(b);
    expect(engine.verdict("AP8", cell(a), "Oosterhout")).toBe("✓ voldoet");
    expect(engine.verdict("AP8", cell(b), "Oosterhout")).toBe(label(coreResults(changed)[1].indicators.find((i) => i.code === "AP8")!.verdict));
    expect(engine.verdict("AP8", cell(b), "Oosterhout")).toBe("✗ verbeterpunt");
  });
});

describe("every function with a key answers as with the range", () => {
  it("for every indicator of every seed approach, without reading the range again", () => {
    const key = keyOf(fresh());
    const before = engine.engineStats();
    for (const r of results) {
      const name = approachName(r);
      for (const i of r.indicators) {
        expect(engine.verdict(i.code, cell(key), name)).toBe(label(i.verdict));
        expect(engine.finding(i.code, cell(key), r.gemeente)).toBe(i.finding);
        const d = engine.divergence(i.code, cell(key), r.approach);
        if (i.divergence.score === null) expect(isError(d, "notAvailable")).toBe(true);
        else expect(d).toBe(i.divergence.score);
      }
      expect(engine.verdicts(cell(key), name)).toEqual(engine.verdicts(fresh(), name));
      expect(engine.agreement(cell(key), name)).toEqual(engine.agreement(fresh(), name));
      expect(engine.improvements(cell(key), name, "Samenwerking")).toBe(engine.improvements(fresh(), name, "Samenwerking"));
    }
    const after = engine.engineStats();
    // Only the range calls above were checked against the cache; the key calls parsed nothing.
    expect(after.answersParses - before.answersParses).toBe(1); // the first range call (other array than the key's parse)
    expect(after.approachScores).toBe(3); // once per approach: the range parse reused the key's results
  });

  it("a key as a plain string (not a 1×1 array) works too", () => {
    const key = keyOf(fresh());
    expect(engine.verdict("AP9", key, "Emmen")).toBe(engine.verdict("AP9", fresh(), "Emmen"));
  });

  it("gives the range's errors: an unknown or ambiguous approach, an unknown code, no approach named", () => {
    const key = keyOf(fresh());
    for (const [code, name] of [["AP9", "Assen"], ["XX1", "Emmen"], ["AP9", undefined], ["AP9", ""]] as const) {
      const got = engine.verdict(code, cell(key), name);
      expect(isError(got, "invalidValue")).toBe(true);
      expect(got).toEqual(engine.verdict(code, fresh(), name));
    }
  });

  it("with an edited framework scores as the core scores with it", () => {
    const sheet = frameworkToSheet(ggsr2013);
    const q = sheet.findIndex((row) => row[5] === "AP9");
    sheet[q][12] = "een";
    const fw = frameworkFromSheet({ name: "Toetsingskader", values: sheet }).framework!;
    const key = keyOf(fresh());
    let differs = 0;
    coreResults(EXAMPLE_ROWS, fw).forEach((r, n) =>
      r.indicators.forEach((i, k) => {
        expect(engine.verdict(i.code, cell(key), approachName(r), asExcelRange(sheet))).toBe(label(i.verdict));
        if (i.verdict !== results[n].indicators[k].verdict) differs++;
      }),
    );
    expect(differs).toBeGreaterThan(0);
    // The built-in framework's results are still there.
    expect(engine.verdict("AP9", cell(key), "Emmen")).toBe(label(results[0].indicators.find((i) => i.code === "AP9")!.verdict));
  });
});

describe("after an edit", () => {
  it("the new key gives the new verdict, only the edited approach is scored again, the old key its old content", () => {
    const old = keyOf(fresh());
    for (const r of results) engine.verdicts(cell(old), approachName(r));
    expect(engine.engineStats()).toMatchObject({ answersParses: 1, approachScores: 3 });
    const rows = edited(oosterhoutGemeente, "AP8", "nee");
    const key = keyOf(asExcelRange(rows));
    expect(key).not.toBe(old);
    const core = coreResults(rows);
    for (const r of core) for (const i of r.indicators) expect(engine.verdict(i.code, cell(key), approachName(r))).toBe(label(i.verdict));
    expect(engine.engineStats()).toMatchObject({ answersParses: 2, approachScores: 4 });
    expect(engine.verdict("AP8", cell(key), "Oosterhout")).toBe("✗ verbeterpunt");
    expect(engine.verdict("AP8", cell(old), "Oosterhout")).toBe("✓ voldoet");
  });
});

describe("keys the engine does not hold, and ranges it cannot read", () => {
  it("a key from before a reload is #N/A with a message that says what to do", () => {
    const key = keyOf(fresh());
    engine.resetEngine();
    const got = engine.verdict("AP9", cell(key), "Emmen");
    expect(isError(got, "notAvailable")).toBe(true);
    expect((got as engine.EngineError).message).toMatch(/^Antwoordenset 'STJ-antwoorden: 3 aanpakken.*' is niet geladen .*=STJ\.ANSWERS\(…\) opnieuw: Ctrl\+Alt\+F9/);
    expect((got as engine.EngineError).message.length).toBeLessThanOrEqual(engine.MAX_MESSAGE);
    // Recalculating the key cell brings it back under the same key.
    expect(keyOf(fresh())).toBe(key);
    expect(engine.verdict("AP9", cell(key), "Emmen")).toBe(engine.verdict("AP9", fresh(), "Emmen"));
  });

  it("keeps the last ANSWER_SETS_SIZE sets in use; the least recently used goes first", () => {
    const keys = Array.from({ length: engine.ANSWER_SETS_SIZE }, (_, n) => keyOf(asExcelRange(edited(1, "Respondent", `Respondent ${n}`))));
    expect(new Set(keys).size).toBe(engine.ANSWER_SETS_SIZE);
    expect(typeof engine.verdict("AP9", cell(keys[0]), "Emmen")).toBe("string"); // keys[0] used: now the newest
    keyOf(fresh()); // one more set: keys[1] is evicted
    expect(isError(engine.verdict("AP9", cell(keys[1]), "Emmen"), "notAvailable")).toBe(true);
    for (const k of [keys[0], ...keys.slice(2)]) expect(typeof engine.verdict("AP9", cell(k), "Emmen")).toBe("string");
  });

  it("an empty range or one without the key columns: the same error at the STJ.ANSWERS cell", () => {
    for (const rows of [[[""]], [["Gemeente", "Aanpak", "Respondent", "TL1"], ["Emmen", "CJG", "X", "ja"]]] as CellValue[][][]) {
      const got = engine.answerSet(asExcelRange(rows));
      expect(isError(got, "invalidValue")).toBe(true);
      expect(got).toEqual(engine.verdict("AP9", asExcelRange(rows), "Emmen"));
    }
  });

  it("a header without respondents gives a key; the functions then say there are no respondents", () => {
    const key = keyOf(asExcelRange([[...KEY_COLUMNS, "TL1"]]));
    expect(key).toMatch(/^STJ-antwoorden: 0 aanpakken, 0 respondenten \[/);
    const got = engine.verdict("TL1", cell(key));
    expect(isError(got, "notAvailable")).toBe(true);
    expect(got).toEqual(engine.verdict("TL1", asExcelRange([[...KEY_COLUMNS, "TL1"]])));
  });
});

it("30 cells with keys in fresh 1×1 arrays: one parse, one score per approach", () => {
  const key = keyOf(fresh());
  for (const code of codes) engine.verdict(code, cell(key), "Spijkenisse");
  expect(engine.engineStats()).toMatchObject({ answersParses: 1, approachScores: 1, answerSets: 1 });
});

it("docs/functions.md and the handleiding show the key of the example answers that the engine gives", () => {
  const read = (f: string) => require("fs").readFileSync(require("path").resolve(__dirname, "../../docs", f), "utf8") as string;
  const key = keyOf(fresh());
  expect(read("functions.md")).toContain(`=STJ.ANSWERS(Antwoorden!$A$1:$AV$15)\` in B1 | \`${key}\``);
  expect(read("handleiding.md")).toContain(`B1 toont dan bijvoorbeeld \`${key}\``);
  expect(EXAMPLE_ROWS).toHaveLength(15);
  expect(Math.max(...EXAMPLE_ROWS.map((r) => r.length))).toBe(48); // A…AV
});
