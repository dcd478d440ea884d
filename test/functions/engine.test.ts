/**
 * The engine behind =STJ.VERDICT and friends, called exactly as Excel calls a custom function:
 * ranges as fresh 2-D arrays (empty cells "", numbers as numbers), a single cell as [[x]], omitted
 * optional arguments as null. Every value is compared with the scoring core, never hard-coded.
 */
import * as engine from "../../src/functions/engine";
import { frameworkFromSheet, frameworkToSheet, ggsr2013, indicators, KEY_COLUMNS } from "../../src/scoring";
import type { CellValue } from "../../src/scoring";
import { approachName, asExcelRange, coreResults, EXAMPLE_ROWS, label } from "./helpers";

const results = coreResults();
const codes = indicators(ggsr2013).map((i) => i.code);
const fresh = () => asExcelRange(EXAMPLE_ROWS);
const isError = (x: unknown, code?: engine.EngineErrorCode) => engine.isEngineError(x) && (code === undefined || x.error === code);

beforeEach(() => engine.resetEngine());

describe("every function against the example study (compared with the scoring core)", () => {
  it("has the three seed approaches", () => {
    expect(results.map(approachName)).toEqual(["Emmen — CJG-aanpak", "Oosterhout — Gezinsmanager", "Spijkenisse — Brede zorgcoördinatie jeugd en gezin"]);
  });

  const cases = results.flatMap((r) => r.indicators.map((i) => [approachName(r), i.code] as const));
  it.each(cases)("%s %s: VERDICT, FINDING and DIVERGENCE equal the core", (name, code) => {
    const r = results.find((x) => approachName(x) === name)!.indicators.find((i) => i.code === code)!;
    expect(engine.verdict(code, fresh(), name, null)).toBe(label(r.verdict));
    expect(engine.finding(code, fresh(), name, null)).toBe(r.finding);
    const d = engine.divergence(code, fresh(), name, null);
    if (r.divergence.score === null) expect(isError(d, "notAvailable")).toBe(true);
    else expect(d).toBe(r.divergence.score);
  });

  it("covers 90 indicator verdicts, with all three outcomes where the study has them", () => {
    expect(cases).toHaveLength(90);
    const seen = new Set(cases.map(([name, code]) => engine.verdict(code, fresh(), name)));
    expect(seen).toEqual(new Set(["✓ voldoet", "✗ verbeterpunt"]));
  });

  it("VERDICTS spills 31 rows × 6 columns: a header and one row per indicator, as the core", () => {
    for (const r of results) {
      const table = engine.verdicts(fresh(), approachName(r)) as engine.SpillValue[][];
      expect(Array.isArray(table)).toBe(true);
      expect(table).toHaveLength(31);
      for (const row of table) expect(row).toHaveLength(6);
      expect(table[0]).toEqual(["Code", "Indicator", "Oordeel", "LET OP", "Spreiding", "Bevinding"]);
      expect(table.slice(1)).toEqual(
        r.indicators.map((i) => [i.code, i.text, label(i.verdict), i.notes.join("\n"), i.divergence.score ?? "", i.finding]),
      );
      // Only strings and numbers: Excel shows "" as an empty cell.
      for (const row of table) for (const v of row) expect(["string", "number"]).toContain(typeof v);
    }
  });

  it("AGREEMENT spills a header and the core's figures", () => {
    for (const r of results) {
      const a = r.agreement;
      expect(engine.agreement(fresh(), approachName(r))).toEqual([
        ["Items", "Beoordelaars", "Overeenstemming", "AC1", "Alpha"],
        [a.items, a.raters, a.percent ?? "", a.ac1 ?? "", a.alpha ?? ""],
      ]);
    }
  });

  it("IMPROVEMENTS counts the ✗ of an approach, per theme and in total", () => {
    for (const r of results) {
      expect(engine.improvements(fresh(), approachName(r))).toBe(r.counts.verbeterpunt);
      let sum = 0;
      for (const theme of ggsr2013.themes) {
        const n = engine.improvements(fresh(), approachName(r), theme.name) as number;
        expect(n).toBe(r.indicators.filter((i) => i.theme === theme.name && i.verdict === "verbeterpunt").length);
        sum += n;
      }
      expect(sum).toBe(r.counts.verbeterpunt);
    }
    expect(engine.improvements(fresh(), "Emmen", "  samenwerking ")).toBe(engine.improvements(fresh(), "Emmen", "Samenwerking"));
  });
});

describe("arguments as Excel passes them", () => {
  const emmen = results[0];
  const ap9 = label(emmen.indicators.find((i) => i.code === "AP9")!.verdict);

  it("names an approach as 'Gemeente — Aanpak', by a unique Aanpak or Gemeente, in any case and with any dash", () => {
    for (const name of ["Emmen — CJG-aanpak", "emmen - cjg-aanpak", "EMMEN – CJG-aanpak", "  Emmen —CJG-aanpak ", "CJG-aanpak", "Emmen", "emmen"]) {
      expect(engine.verdict("AP9", fresh(), name)).toBe(ap9);
    }
    expect(engine.verdict("ap9", fresh(), "Emmen")).toBe(ap9);
    expect(engine.verdict(" AP9 ", fresh(), "Emmen")).toBe(ap9);
  });

  it("treats null, undefined, \"\" and a 1×1 empty cell as an omitted argument", () => {
    const one = asExcelRange(EXAMPLE_ROWS.filter((r, i) => i === 0 || r[0] === "Emmen"));
    for (const omitted of [null, undefined, "", "  ", [[""]]]) {
      expect(engine.verdict("AP9", one, omitted, omitted)).toBe(ap9);
    }
    expect(engine.verdict("AP9", one)).toBe(ap9);
  });

  it("reads a range larger than the data (empty rows below, empty columns to the right)", () => {
    const width = EXAMPLE_ROWS[0].length + 5;
    const big = asExcelRange(EXAMPLE_ROWS, width, EXAMPLE_ROWS.length + 200);
    expect(big[big.length - 1]).toEqual(Array(width).fill(""));
    for (const r of results) for (const i of r.indicators) expect(engine.verdict(i.code, big, approachName(r))).toBe(label(i.verdict));
  });

  it("accepts numbers as numbers and booleans in answer cells, and an indicator code from a 1×1 array", () => {
    // ja/nee questions accept 1/0 and TRUE/FALSE (see docs/answer-sheet.md).
    const rows = EXAMPLE_ROWS.map((r) => r.map((v) => (v === "ja" ? 1 : v === "nee" ? false : v)));
    const core = coreResults(rows);
    for (const r of core) {
      for (const i of r.indicators) expect(engine.verdict([[i.code]], asExcelRange(rows), [[approachName(r)]])).toBe(label(i.verdict));
    }
    // … and they give the same verdicts as the words.
    expect(core.map((r) => r.indicators.map((i) => i.verdict))).toEqual(results.map((r) => r.indicators.map((i) => i.verdict)));
  });

  it("reads error values in answer cells as the core does", () => {
    const rows = EXAMPLE_ROWS.map((r) => r.slice());
    const col = rows[0].indexOf("AP9");
    rows[1][col] = { error: "#N/A" };
    const excel = asExcelRange(rows);
    const core = coreResults(rows);
    expect(engine.verdict("AP9", excel, "Emmen")).toBe(label(core[0].indicators.find((i) => i.code === "AP9")!.verdict));
    // A rich error value as Excel may pass it, and an error as text, read the same.
    (excel[1] as unknown[])[col] = { type: "Error", basicValue: "#N/A", errorType: "NotAvailable" };
    expect(engine.verdict("AP9", excel, "Emmen")).toBe(label(core[0].indicators.find((i) => i.code === "AP9")!.verdict));
    (excel[1] as unknown[])[col] = "#N/A";
    expect(engine.verdict("AP9", excel, "Emmen")).toBe(label(core[0].indicators.find((i) => i.code === "AP9")!.verdict));
  });

  it("passes a single cell as [[x]]: a clear error, not a crash", () => {
    const r = engine.verdict("AP9", [["Emmen"]]);
    expect(isError(r, "invalidValue")).toBe(true);
    expect((r as engine.EngineError).message).toMatch(/mist de kolom/);
    expect(isError(engine.verdict("AP9", "Antwoorden"), "invalidValue")).toBe(true);
    expect(isError(engine.verdicts(null), "invalidValue")).toBe(true);
  });
});

describe("errors: Dutch messages an analyst understands, at most 255 characters", () => {
  const message = (x: unknown) => {
    expect(engine.isEngineError(x)).toBe(true);
    const m = (x as engine.EngineError).message;
    expect(m.length).toBeLessThanOrEqual(255);
    return m;
  };

  it("an unknown indicator lists the valid codes", () => {
    const r = engine.verdict("AP99", fresh(), "Emmen");
    expect((r as engine.EngineError).error).toBe("invalidValue");
    expect(message(r)).toBe(`Onbekende indicator 'AP99'. Geldige codes: ${codes.join(", ")}.`);
    expect(message(engine.finding("", fresh(), "Emmen"))).toMatch(/^Geef een indicatorcode op, bijvoorbeeld TL1\. Geldige codes: TL1, TL2/);
  });

  it("an answers range without a required column names the column", () => {
    for (const key of KEY_COLUMNS) {
      const c = EXAMPLE_ROWS[0].indexOf(key);
      const rows = EXAMPLE_ROWS.map((r) => r.filter((_, i) => i !== c));
      const m = message(engine.verdict("AP9", asExcelRange(rows), "Emmen"));
      expect(m).toContain(`mist de kolom '${key}'`);
    }
    const noHeader = message(engine.verdicts(asExcelRange(EXAMPLE_ROWS.slice(1)), "Emmen"));
    expect(noHeader).toMatch(/^Het antwoordenbereik mist de kolommen .*kopregel/);
    expect(message(engine.verdict("AP9", asExcelRange([["", ""], ["", ""]])))).toMatch(/^Het antwoordenbereik is leeg/);
  });

  it("a header without respondents is #N/A", () => {
    const r = engine.verdict("AP9", asExcelRange([EXAMPLE_ROWS[0], []], EXAMPLE_ROWS[0].length));
    expect((r as engine.EngineError).error).toBe("notAvailable");
    expect(message(r)).toMatch(/geen respondenten/);
  });

  it("an unknown approach lists the approaches", () => {
    expect(message(engine.verdict("AP9", fresh(), "Assen"))).toBe(
      "Onbekende aanpak 'Assen'. Aanpakken in het bereik: Emmen — CJG-aanpak, Oosterhout — Gezinsmanager, Spijkenisse — Brede zorgcoördinatie jeugd en gezin.",
    );
  });

  it("several approaches and none given asks for one", () => {
    for (const f of [() => engine.verdict("AP9", fresh()), () => engine.verdicts(fresh(), null), () => engine.agreement(fresh(), "")]) {
      const m = message(f());
      expect(m).toMatch(/^Het bereik bevat 3 aanpakken; geef de aanpak op als 'Gemeente — Aanpak', bijvoorbeeld 'Emmen — CJG-aanpak'\./);
    }
  });

  it("an Aanpak name used by two gemeenten is ambiguous; a gemeente with two approaches too", () => {
    const rows = [...EXAMPLE_ROWS, ...EXAMPLE_ROWS.slice(1).filter((r) => r[0] === "Emmen").map((r) => ["Assen", ...r.slice(1)])];
    expect(message(engine.verdict("AP9", asExcelRange(rows), "CJG-aanpak"))).toMatch(/^Aanpak 'CJG-aanpak' komt bij 2 gemeenten voor; schrijf 'Gemeente — Aanpak'.*Gemeenten: Emmen, Assen\.$/);
    expect(engine.verdict("AP9", asExcelRange(rows), "Assen — CJG-aanpak")).toBe(engine.verdict("AP9", fresh(), "Emmen"));
    const two = [...EXAMPLE_ROWS, ...EXAMPLE_ROWS.slice(1).filter((r) => r[0] === "Emmen").map((r) => [r[0], "Tweede aanpak", ...r.slice(2)])];
    expect(message(engine.verdict("AP9", asExcelRange(two), "Emmen"))).toMatch(/^Gemeente 'Emmen' heeft 2 aanpakken/);
  });

  it("long lists are cut to fit: 1,000 approaches still give a message of at most 255 characters", () => {
    const header = EXAMPLE_ROWS[0];
    const emmen = EXAMPLE_ROWS.slice(1).filter((r) => r[0] === "Emmen");
    const rows: CellValue[][] = [header];
    for (let i = 0; i < 1000; i++) for (const r of emmen) rows.push([`Gemeente ${i}`, ...r.slice(1)]);
    const m = message(engine.verdict("AP9", asExcelRange(rows), "Nergens"));
    expect(m).toMatch(/^Onbekende aanpak 'Nergens'\. Aanpakken in het bereik: Gemeente 0 — CJG-aanpak, .* … \(en nog \d+\)\.$/);
  });

  it("a broken framework range is #VALUE! with the problem", () => {
    const sheet = frameworkToSheet(ggsr2013);
    sheet[1][3] = "Indicatorcode";
    const m = message(engine.verdict("AP9", fresh(), "Emmen", asExcelRange(sheet)));
    expect(m).toMatch(/^Het toetsingskader-bereik is ongeldig: .*D2 moet 'Indicator' zijn/);
  });

  it("an unknown theme lists the themes", () => {
    expect(message(engine.improvements(fresh(), "Emmen", "Toezicht"))).toBe("Onbekend thema 'Toezicht'. Thema's: Toeleiding, Gezin centraal, Aanpak, Samenwerking, Continu.");
  });

  it("a divergence without two real answers is #N/A that says why", () => {
    const m = message(engine.divergence("TL2", fresh(), "Emmen"));
    expect(engine.divergence("TL2", fresh(), "Emmen")).toMatchObject({ error: "notAvailable" });
    expect(m).toMatch(/^Geen spreiding voor TL2: minder dan twee echte antwoorden/);
  });
});

describe("the framework argument", () => {
  it("the Toetsingskader sheet of the built-in framework gives the built-in verdicts, parsed once", () => {
    const sheet = frameworkToSheet(ggsr2013);
    for (const r of results) {
      for (const i of r.indicators) expect(engine.verdict(i.code, fresh(), approachName(r), asExcelRange(sheet))).toBe(label(i.verdict));
    }
    expect(engine.engineStats().frameworkParses).toBe(1);
  });

  it("an edited framework scores as the core scores with it", () => {
    const sheet = frameworkToSheet(ggsr2013);
    const q = sheet.findIndex((row) => row[5] === "AP9");
    sheet[q][12] = "een"; // Drempel of AP9: at least one positive answer is enough
    const fw = frameworkFromSheet({ name: "Toetsingskader", values: sheet }).framework!;
    const edited = coreResults(EXAMPLE_ROWS, fw);
    let differs = 0;
    edited.forEach((r, n) =>
      r.indicators.forEach((i, k) => {
        expect(engine.verdict(i.code, fresh(), approachName(r), asExcelRange(sheet))).toBe(label(i.verdict));
        if (i.verdict !== results[n].indicators[k].verdict) differs++;
      }),
    );
    expect(differs).toBeGreaterThan(0);
  });
});

describe("the cache: one parse per distinct content", () => {
  it("30 calls with distinct arrays of equal content parse the range once", () => {
    for (let i = 0; i < 30; i++) engine.verdict(codes[i], fresh(), "Oosterhout");
    expect(engine.engineStats()).toMatchObject({ answersParses: 1, approachScores: 1, cacheHits: 29 });
    for (const r of results) engine.verdicts(fresh(), approachName(r));
    expect(engine.engineStats()).toMatchObject({ answersParses: 1, approachScores: 3 });
  });

  it("a changed answer is parsed again and flips the verdict; the other approaches are not rescored", () => {
    const before = engine.verdict("AP8", fresh(), "Oosterhout");
    for (const r of results) engine.verdicts(fresh(), approachName(r));
    expect(engine.engineStats()).toMatchObject({ answersParses: 1, approachScores: 3 });

    const rows = EXAMPLE_ROWS.map((r) => r.slice());
    const row = rows.findIndex((r) => r[0] === "Oosterhout" && r[3] === "gemeente");
    rows[row][rows[0].indexOf("AP8")] = "nee";
    const expected = coreResults(rows)[1].indicators.find((i) => i.code === "AP8")!;
    expect(before).toBe("✓ voldoet");
    expect(expected.verdict).toBe("verbeterpunt");
    expect(engine.verdict("AP8", asExcelRange(rows), "Oosterhout")).toBe("✗ verbeterpunt");
    expect(engine.engineStats()).toMatchObject({ answersParses: 2, approachScores: 4 });
    // Emmen and Spijkenisse: same rows, so their results are reused, not rescored.
    for (const r of [results[0], results[2]]) expect(engine.verdicts(asExcelRange(rows), approachName(r))).toEqual(engine.verdicts(fresh(), approachName(r)));
    expect(engine.engineStats()).toMatchObject({ answersParses: 2, approachScores: 4 });
    // Undo: the original content is still cached.
    expect(engine.verdict("AP8", fresh(), "Oosterhout")).toBe(before);
    expect(engine.engineStats().answersParses).toBe(2);
  });

  it("notices a row elsewhere that joins the approach (a changed Gemeente/Aanpak cell)", () => {
    const rows = [...EXAMPLE_ROWS.map((r) => r.slice()), ["Elders", "Andere aanpak", "Netwerkpartner X", "netwerkpartner", ...EXAMPLE_ROWS[0].slice(4).map(() => "nee")]];
    const a = engine.verdicts(asExcelRange(rows), "Oosterhout — Gezinsmanager");
    rows[rows.length - 1][0] = "Oosterhout";
    rows[rows.length - 1][1] = "Gezinsmanager";
    const b = engine.verdicts(asExcelRange(rows), "Oosterhout — Gezinsmanager");
    expect(engine.engineStats().answersParses).toBe(2);
    expect(b).not.toEqual(a);
    const core = coreResults(rows).find((r) => r.gemeente === "Oosterhout")!;
    expect((b as engine.SpillValue[][]).slice(1).map((r) => r[2])).toEqual(core.indicators.map((i) => label(i.verdict)));
  });

  it("notices a changed Gemeente cell that joins the approach, or makes a short name ambiguous", () => {
    const extra = (g: string, a: string) => [g, a, "Partner Z", "netwerkpartner", ...EXAMPLE_ROWS[0].slice(4).map(() => "nee")];
    // The last row has Emmen's Aanpak under another gemeente; then its Gemeente cell becomes Emmen.
    const rows = [...EXAMPLE_ROWS.map((r) => r.slice()), extra("Borger-Odoorn", "CJG-aanpak"), extra("Coevorden", "Andere aanpak")];
    const last = rows.length - 2;
    expect(engine.verdicts(asExcelRange(rows), "Emmen — CJG-aanpak")).toEqual(engine.verdicts(fresh(), "Emmen"));
    expect(engine.verdict("AP9", asExcelRange(rows), "Emmen")).toBe(engine.verdict("AP9", fresh(), "Emmen"));
    expect(engine.verdict("AP9", asExcelRange(rows), "Coevorden")).toBe(engine.verdict("AP9", asExcelRange(rows), "Andere aanpak"));
    expect(isError(engine.verdict("AP9", asExcelRange(rows), "CJG-aanpak"))).toBe(true); // two gemeenten
    rows[last][0] = "Emmen";
    const core = coreResults(rows).find((r) => r.gemeente === "Emmen")!;
    expect(core.respondents.map((r) => r.name)).toContain("Partner Z");
    expect((engine.verdicts(asExcelRange(rows), "Emmen — CJG-aanpak") as engine.SpillValue[][]).slice(1).map((r) => r[2])).toEqual(
      core.indicators.map((i) => label(i.verdict)),
    );
    expect(engine.verdict("AP9", asExcelRange(rows), "CJG-aanpak")).toBe(label(core.indicators.find((i) => i.code === "AP9")!.verdict)); // unique again
    // A Gemeente cell in a row with another Aanpak: Emmen gets a second approach, so "Emmen" alone is ambiguous.
    expect(engine.verdict("AP9", asExcelRange(rows), "Emmen")).toBe(label(core.indicators.find((i) => i.code === "AP9")!.verdict));
    rows[rows.length - 1][0] = "Emmen";
    expect(engine.verdict("AP9", asExcelRange(rows), "Emmen")).toMatchObject({ message: expect.stringMatching(/^Gemeente 'Emmen' heeft 2 aanpakken/) });
  });

  describe("a changed key cell in a row outside the approach, for each way of naming it", () => {
    const emmen = EXAMPLE_ROWS.filter((r) => r[0] === "Emmen");
    const header = EXAMPLE_ROWS[0];
    const block = (g: string, a: string) => emmen.map((r) => [g, a, ...r.slice(2)]);
    const row = (g: string, a: string) => [g, a, "Partner Z", "netwerkpartner", ...header.slice(4).map(() => "nee")];
    const ap9 = (rows: CellValue[][], name?: string) => engine.verdict("AP9", asExcelRange(rows), name);
    const aanpakCol = header.indexOf("Aanpak");
    const gemeenteCol = header.indexOf("Gemeente");

    it("by Aanpak name: a row with that Aanpak and an empty Gemeente gets one", () => {
      const rows = [header, ...block("Emmen", "CJG-aanpak"), row("", "CJG-aanpak")];
      expect(ap9(rows, "CJG-aanpak")).toBe(ap9(EXAMPLE_ROWS, "Emmen"));
      rows[rows.length - 1][gemeenteCol] = "Assen";
      expect(ap9(rows, "CJG-aanpak")).toMatchObject({ message: expect.stringMatching(/^Aanpak 'CJG-aanpak' komt bij 2 gemeenten voor/) });
    });

    it("by Gemeente name: a row of that gemeente with an empty Aanpak gets one", () => {
      const rows = [header, ...block("Emmen", "CJG-aanpak"), row("Emmen", "")];
      expect(ap9(rows, "Emmen")).toBe(ap9(EXAMPLE_ROWS, "Emmen"));
      rows[rows.length - 1][aanpakCol] = "Tweede aanpak";
      expect(ap9(rows, "Emmen")).toMatchObject({ message: expect.stringMatching(/^Gemeente 'Emmen' heeft 2 aanpakken/) });
    });

    it("left out: a row with an empty Gemeente or Aanpak gets one", () => {
      for (const [empty, col] of [[row("", "Andere aanpak"), gemeenteCol], [row("Assen", ""), aanpakCol]] as const) {
        const rows = [header, ...block("Emmen", "CJG-aanpak"), [...empty]];
        expect(ap9(rows)).toBe(ap9(EXAMPLE_ROWS, "Emmen"));
        rows[rows.length - 1][col] = "Assen";
        expect(ap9(rows)).toMatchObject({ message: expect.stringMatching(/^Het bereik bevat 2 aanpakken/) });
      }
    });

    it("by full name, few rows share the Aanpak: another gemeente's row moves to this gemeente", () => {
      const rows = [header, ...block("Emmen", "CJG-aanpak"), ...block("Emmen", "Tweede aanpak"), row("Borger", "CJG-aanpak")];
      const before = engine.verdicts(asExcelRange(rows), "Emmen — CJG-aanpak");
      rows[rows.length - 1][gemeenteCol] = "Emmen";
      const after = engine.verdicts(asExcelRange(rows), "Emmen — CJG-aanpak") as engine.SpillValue[][];
      const core = coreResults(rows).find((r) => approachName(r) === "Emmen — CJG-aanpak")!;
      expect(core.respondents).toHaveLength(5);
      expect(after.slice(1).map((r) => r[5])).toEqual(core.indicators.map((i) => i.finding));
      expect(after).not.toEqual(before);
    });

    it("by full name, few rows share the Gemeente: this gemeente's other row moves to this Aanpak", () => {
      const rows = [header, ...block("Emmen", "CJG-aanpak"), ...block("Assen", "CJG-aanpak"), ...block("Coevorden", "CJG-aanpak"), row("Emmen", "Tweede aanpak")];
      const before = engine.verdicts(asExcelRange(rows), "Emmen — CJG-aanpak");
      rows[rows.length - 1][aanpakCol] = "CJG-aanpak";
      const after = engine.verdicts(asExcelRange(rows), "Emmen — CJG-aanpak") as engine.SpillValue[][];
      const core = coreResults(rows).find((r) => approachName(r) === "Emmen — CJG-aanpak")!;
      expect(core.respondents).toHaveLength(5);
      expect(after.slice(1).map((r) => r[5])).toEqual(core.indicators.map((i) => i.finding));
      expect(after).not.toEqual(before);
    });
  });

  it("notices a skipped row that becomes valid and makes an omitted approach ambiguous", () => {
    const emmen = EXAMPLE_ROWS.filter((r, i) => i === 0 || r[0] === "Emmen").map((r) => r.slice());
    const rows = [...emmen, ["Assen", "CJG-aanpak", "Gemeente Assen", "gemeentee", ...emmen[1].slice(4)]];
    expect(engine.verdict("AP9", asExcelRange(rows))).toBe(engine.verdict("AP9", fresh(), "Emmen"));
    rows[rows.length - 1][3] = "gemeente";
    expect(engine.verdict("AP9", asExcelRange(rows))).toMatchObject({ error: "invalidValue", message: expect.stringMatching(/^Het bereik bevat 2 aanpakken/) });
  });

  it("notices a caller that changes its own array in place", () => {
    const range = fresh();
    const col = (range[0] as string[]).indexOf("AP8");
    const row = range.findIndex((r) => r[0] === "Oosterhout" && r[3] === "gemeente");
    expect(engine.verdict("AP8", range, "Oosterhout")).toBe("✓ voldoet");
    range[row][col] = "nee";
    expect(engine.verdict("AP8", range, "Oosterhout")).toBe("✗ verbeterpunt");
  });

  it("keeps a few ranges at once (LRU), e.g. two answer sheets used side by side", () => {
    const other = EXAMPLE_ROWS.filter((r, i) => i === 0 || r[0] === "Spijkenisse");
    for (let i = 0; i < 10; i++) {
      engine.verdict("SW6", fresh(), "Spijkenisse");
      engine.verdict("SW6", asExcelRange(other));
    }
    expect(engine.engineStats().answersParses).toBe(2);
    expect(engine.ANSWERS_CACHE_SIZE).toBeGreaterThanOrEqual(2);
  });
});
