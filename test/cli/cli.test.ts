import ExcelJS from "exceljs";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { run } from "../../src/cli";
import { approachSummary, issueLine } from "../../src/cli/commands";
import { parseArgs } from "../../src/cli/args";
import { readStudy, scoreStudy } from "../../src/cli/study";
import { exampleAnswerRows, exampleContextRows } from "../../src/examples/seeds";
import { ggsr2013, KEY_COLUMNS, SYMBOL } from "../../src/scoring";
import type { ApproachResult } from "../../src/scoring";
import { readInputFile } from "../../src/xlsx/read";
import { RESULT_COLUMNS, verdictLabel } from "../../src/xlsx/write";
import { bufferOf, loadWorkbook, memoryIO, rowsOf, tempDir, workbookOf } from "../xlsx/helpers";

const tmp = tempDir("stj-cli-");
afterAll(() => tmp.cleanup());

/** The example scored in-process, without any file: the oracle for the CLI's output. */
function scoredInProcess(): ApproachResult[] {
  return scoreStudy(readStudy({ answers: { name: "Antwoorden", values: exampleAnswerRows(ggsr2013) }, context: { name: "Context", values: exampleContextRows() } }));
}

describe("help and usage", () => {
  it("prints Dutch usage with an English line for --help, -h and <cmd> --help", async () => {
    for (const argv of [["--help"], ["-h"], ["help"]]) {
      const io = memoryIO();
      expect(await run(argv, io)).toBe(0);
      expect(io.out).toContain("Gebruik: stj <opdracht>");
      expect(io.out).toContain("(Scores the STJ framework");
    }
    for (const cmd of ["template", "validate", "score", "example", "demo"]) {
      const io = memoryIO();
      expect(await run([cmd, "--help"], io)).toBe(0);
      expect(io.out).toContain(`Gebruik: stj ${cmd}`);
    }
  });

  it("exits 2 with a Dutch message on usage errors", async () => {
    const cases: [string[], RegExp][] = [
      [[], /Gebruik: stj/],
      [["frobnicate"], /Onbekende opdracht 'frobnicate'/],
      [["score", "a.xlsx"], /heeft een uitvoerbestand nodig: -o/],
      [["score", "-o", "uit.xlsx"], /geef het invoerbestand op/],
      [["validate", "a.xlsx", "b.xlsx"], /te veel argumenten: 'b\.xlsx'/],
      [["template", "-o"], /optie -o verwacht een waarde/],
      [["template", "-o", "x.xlsx", "--force"], /onbekende optie '--force'/],
      [["template", "-o", "x.csv"], /moet een \.xlsx-bestand zijn/],
    ];
    for (const [argv, message] of cases) {
      const io = memoryIO(tmp.dir);
      expect(await run(argv, io)).toBe(2);
      expect(io.err).toMatch(message);
    }
  });

  it("parses -o value, --output=value and flags", () => {
    const spec = { values: { "-o": "output", "--output": "output" }, flags: { "--overwrite": "overwrite" } };
    const a = parseArgs(["in.xlsx", "--output=uit.xlsx", "--overwrite"], spec);
    expect(a.ok && a.args.values.output).toBe("uit.xlsx");
    expect(a.ok && a.args.flags.has("overwrite")).toBe(true);
    expect(a.ok && a.args.positionals).toEqual(["in.xlsx"]);
    const b = parseArgs(["-o", "x.xlsx", "-o", "y.xlsx"], spec);
    expect(b.ok).toBe(false);
  });
});

describe("template", () => {
  it("writes a template that validates without errors", async () => {
    const io = memoryIO(tmp.dir);
    expect(await run(["template", "-o", "sjabloon.xlsx"], io)).toBe(0);
    expect(io.out).toContain(tmp.path("sjabloon.xlsx"));
    const v = memoryIO(tmp.dir);
    expect(await run(["validate", "sjabloon.xlsx"], v)).toBe(0);
    expect(v.out).toContain("0 aanpakken met 0 respondenten gelezen");
    expect(v.out).toContain("uit het blad Toetsingskader");
  });
});

describe("example → score → Resultaten", () => {
  const example = tmp.path("voorbeeld.xlsx");
  const scored = tmp.path("resultaten.xlsx");
  let rows: unknown[][];
  const expected = scoredInProcess();

  beforeAll(async () => {
    expect(await run(["example", "-o", example], memoryIO())).toBe(0);
    const io = memoryIO();
    expect(await run(["score", example, "-o", scored], io)).toBe(0);
    expect(io.out).toContain(`Resultaten geschreven naar ${scored}`);
    for (const r of expected) expect(io.out).toContain(approachSummary(r));
    rows = rowsOf((await loadWorkbook(scored)).getWorksheet("Resultaten")!);
  });

  const col = (name: (typeof RESULT_COLUMNS)[number]) => RESULT_COLUMNS.indexOf(name);
  const find = (gemeente: string, code: string) => rows.find((r) => r[col("Gemeente")] === gemeente && r[col("Code")] === code)!;

  it("has every verdict, finding and LET OP note of the in-process scoring", () => {
    const got = rows.slice(1).map((r) => [r[col("Gemeente")], r[col("Aanpak")], r[col("Code")], r[col("Oordeel")], r[col("Bevinding")], r[col("LET OP")] ?? ""]);
    const want = expected.flatMap((a) => a.indicators.map((i) => [a.gemeente, a.approach, i.code, verdictLabel(i.verdict), i.finding, i.notes.join("\n")]));
    expect(got).toEqual(want);
  });

  it("shows the published verdicts: Emmen AP9 ✗, Oosterhout AP8 ✓ with LET OP, Spijkenisse TL1 ✗", () => {
    const inProcess = (g: string, code: string) => expected.find((a) => a.gemeente === g)!.indicators.find((i) => i.code === code)!;
    expect(inProcess("Emmen", "AP9").verdict).toBe("verbeterpunt");
    expect(String(find("Emmen", "AP9")[col("Oordeel")])).toBe(`${SYMBOL.verbeterpunt} verbeterpunt`);

    expect(inProcess("Oosterhout", "AP8").verdict).toBe("voldoet");
    expect(inProcess("Oosterhout", "AP8").notes.length).toBeGreaterThan(0);
    const ap8 = find("Oosterhout", "AP8");
    expect(String(ap8[col("Oordeel")])).toBe(`${SYMBOL.voldoet} voldoet`);
    expect(String(ap8[col("LET OP")])).toBe(inProcess("Oosterhout", "AP8").notes.join("\n"));
    expect(String(ap8[col("Bevinding")])).toContain("LET OP:");

    expect(inProcess("Spijkenisse", "TL1").verdict).toBe("verbeterpunt");
    expect(String(find("Spijkenisse", "TL1")[col("Oordeel")])).toMatch(/^✗/);
  });

  it("scoring the scored workbook again gives the same results (it keeps the input sheets)", async () => {
    const again = tmp.path("opnieuw.xlsx");
    expect(await run(["score", scored, "-o", again], memoryIO())).toBe(0);
    const rows2 = rowsOf((await loadWorkbook(again)).getWorksheet("Resultaten")!);
    expect(rows2).toEqual(rows);
  });

  it("refuses to overwrite an existing output without --overwrite, and overwrites with it", async () => {
    const before = readFileSync(scored);
    const io = memoryIO();
    expect(await run(["score", example, "-o", scored], io)).toBe(2);
    expect(io.err).toContain("bestaat al");
    expect(io.err).toContain("--overwrite");
    expect(readFileSync(scored).equals(before)).toBe(true);
    const io2 = memoryIO();
    expect(await run(["score", example, "-o", scored, "--overwrite"], io2)).toBe(0);
    expect(existsSync(`${scored}.${process.pid}.tmp`)).toBe(false);
  });

  it("refuses to write over its own input", async () => {
    const io = memoryIO();
    expect(await run(["score", example, "-o", example, "--overwrite"], io)).toBe(2);
    expect(io.err).toContain("ook het invoerbestand");
  });

  it("example also refuses to overwrite without --overwrite", async () => {
    const io = memoryIO();
    expect(await run(["example", "-o", example], io)).toBe(2);
    expect(io.err).toContain("--overwrite");
  });
});

describe("validate", () => {
  async function broken(): Promise<string> {
    const header = [...KEY_COLUMNS, "TL3", "AP9", "Onbekend"];
    const wb = workbookOf({
      Antwoorden: [
        header,
        ["Emmen", "CJG-aanpak", "Gemeente Emmen", "gemeente", "ja", "jaa", null],
        ["Emmen", "CJG-aanpak", "CJG", "netwerkpartner", "ja", "nee", "x"],
        ["Emmen", "CJG-aanpak", "CJG", "netwerkpartner", "nee", "nee", null],
        ["Emmen", "CJG-aanpak", "Icare", "netwerkpartner", null, "ja", null],
        ["Emmen", "CJG-aanpak", "GGD", "netwerkpartner", "ja", "ja", null],
      ],
    });
    const ws = wb.getWorksheet("Antwoorden")!;
    ws.getCell("E5").value = { error: "#N/A" } as ExcelJS.CellValue;
    ws.mergeCells("F5:F6");
    const file = tmp.path("kapot.xlsx");
    writeFileSync(file, await bufferOf(wb));
    return file;
  }

  it("prints one line per issue with sheet and cell, a Dutch summary, and exits 1 on errors", async () => {
    const file = await broken();
    const io = memoryIO();
    expect(await run(["validate", file], io)).toBe(1);
    const lines = io.out.trim().split("\n");
    const issueLines = lines.filter((l) => l.split("\t").length === 3);
    const has = (severity: string, where: string, text: RegExp) =>
      expect(issueLines.some((l) => l.startsWith(`${severity}\t${where}\t`) && text.test(l))).toBe(true);
    has("fout", "Antwoorden!G1", /onbekende kolom 'Onbekend'/);
    has("fout", "Antwoorden!F2", /'jaa' is geen geldig antwoord.*Bedoelt u 'ja'\?/);
    has("fout", "Antwoorden!C4", /respondent 'CJG' staat al op rij 3/);
    has("fout", "Antwoorden!F5:F6", /samengevoegde cellen/);
    has("fout", "Antwoorden!E5", /foutwaarde #N\/A/);
    // Every line is "<ernst>\t<Blad!Cel>\t<melding>" and the message does not repeat the place.
    for (const l of issueLines) {
      const [severity, where, message] = l.split("\t");
      expect(["fout", "waarschuwing"]).toContain(severity);
      expect(where).toMatch(/^Antwoorden(!|$)/);
      expect(message.startsWith(where)).toBe(false);
    }
    expect(lines[lines.length - 1]).toMatch(/^Controle van .*kapot\.xlsx: \d+ fouten en \d+ waarschuwing/);
  });

  it("score still writes the results of a broken workbook and exits 1", async () => {
    const file = await broken();
    const out = tmp.path("kapot-resultaten.xlsx");
    const io = memoryIO();
    expect(await run(["score", file, "-o", out], io)).toBe(1);
    expect(statSync(out).size).toBeGreaterThan(0);
    expect(io.out).toMatch(/Controle: \d+ fouten/);
    const wb = await loadWorkbook(out);
    const check = rowsOf(wb.getWorksheet("Controle")!);
    expect(check[0]).toEqual(["Ernst", "Blad", "Cel", "Melding"]);
    expect(check.some((r) => r[0] === "fout" && r[2] !== undefined)).toBe(true);
    expect(check.some((r) => r[0] === "fout" && r[1] === "Antwoorden" && r[2] === "F2" && /'jaa'/.test(String(r[3])))).toBe(true);
    expect(rowsOf(wb.getWorksheet("Resultaten")!).length).toBe(31);
  });

  it("reports an empty answers sheet", async () => {
    const file = tmp.path("leeg.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Antwoorden");
    writeFileSync(file, await bufferOf(wb));
    const io = memoryIO();
    expect(await run(["validate", file], io)).toBe(1);
    expect(io.out).toMatch(/^fout\tAntwoorden\thet blad is leeg/m);
  });

  it("reports a workbook without Antwoorden", async () => {
    const file = tmp.path("anders.xlsx");
    writeFileSync(file, await bufferOf(workbookOf({ Blad1: [["Gemeente"]] })));
    const io = memoryIO();
    expect(await run(["validate", file], io)).toBe(1);
    expect(io.out).toContain("geen blad 'Antwoorden'");
  });

  it("exits 2 naming the file when it cannot be read", async () => {
    const garbage = tmp.path("geen-werkmap.xlsx");
    writeFileSync(garbage, "dit is geen zip");
    const cases: [string, RegExp][] = [
      [tmp.path("bestaat-niet.xlsx"), /bestaat-niet\.xlsx bestaat niet/],
      [garbage, /geen-werkmap\.xlsx kan niet worden gelezen als Excel-werkmap/],
      [tmp.dir, /is een map, geen bestand|onbekend bestandstype/],
    ];
    for (const [file, message] of cases) {
      const io = memoryIO();
      expect(await run(["validate", file], io)).toBe(2);
      expect(io.err).toMatch(message);
      expect(io.err).not.toMatch(/\n\s+at /); // no stack trace
    }
  });

  it("validates and scores CSV files with ; or , separators", async () => {
    const rows = exampleAnswerRows(ggsr2013) as (string | number | null)[][];
    const quote = (v: unknown, sep: string) => {
      const s = v === null || v === undefined ? "" : String(v);
      return s.includes(sep) || s.includes('"') || s.includes("\n") ? `"${s.replace(/"/g, '""')}"` : s;
    };
    const semi = tmp.path("antwoorden-puntkomma.csv");
    const comma = tmp.path("antwoorden-komma.csv");
    writeFileSync(semi, rows.map((r) => r.map((v) => quote(v, ";")).join(";")).join("\r\n"));
    writeFileSync(comma, "\ufeff" + rows.map((r) => r.map((v) => quote(v, ",")).join(",")).join("\n"));
    for (const file of [semi, comma]) {
      const io = memoryIO();
      expect(await run(["validate", file], io)).toBe(0);
      expect(io.out).toContain("3 aanpakken met 14 respondenten gelezen");
    }
    const out = tmp.path("csv-resultaten.xlsx");
    const io = memoryIO();
    expect(await run(["score", comma, "-o", out], io)).toBe(0);
    const expected = scoreStudy(readStudy({ answers: { name: "Antwoorden", values: exampleAnswerRows(ggsr2013) } }));
    for (const r of expected) expect(io.out).toContain(approachSummary(r));
  });

  it("issueLine strips the place from the message", () => {
    expect(issueLine({ severity: "fout", code: "x", sheet: "Antwoorden", cell: "D7", message: "Antwoorden!D7: kapot." })).toBe("fout\tAntwoorden!D7\tkapot.");
    expect(issueLine({ severity: "waarschuwing", code: "x", sheet: "Antwoorden", cell: "", message: "Antwoorden: leeg." })).toBe("waarschuwing\tAntwoorden\tleeg.");
  });
});

describe("demo", () => {
  it("writes both demo files in --out-dir, prints absolute paths and a line per approach, and may run twice", async () => {
    const dir = tmp.path("demo");
    for (let i = 0; i < 2; i++) {
      const io = memoryIO(tmp.dir);
      expect(await run(["demo", "--out-dir", "demo"], io)).toBe(0);
      expect(io.out).toContain(`Antwoorden: ${join(dir, "voorbeeld-antwoorden.xlsx")}`);
      expect(io.out).toContain(`Resultaten: ${join(dir, "voorbeeld-resultaten.xlsx")}`);
      expect(io.out).toContain("voorbeeld-resultaten.xlsx");
      for (const r of scoredInProcess()) expect(io.out).toContain(approachSummary(r));
      expect(io.out).toMatch(/Emmen — CJG-aanpak: \d+ voldoet \(\d+ met LET OP\), \d+ verbeterpunt/);
    }
    expect(existsSync(tmp.path("demo/voorbeeld-antwoorden.xlsx"))).toBe(true);
    expect(existsSync(tmp.path("demo/voorbeeld-resultaten.xlsx"))).toBe(true);
  });
});

describe("the workbook's own Toetsingskader and Aanpassingen", () => {
  async function exampleWith(edit: (wb: ExcelJS.Workbook) => void, name: string): Promise<string> {
    const file = tmp.path(name);
    const base = tmp.path(`basis-${name}`);
    expect(await run(["example", "-o", base], memoryIO())).toBe(0);
    const wb = await loadWorkbook(base);
    edit(wb);
    writeFileSync(file, await bufferOf(wb));
    return file;
  }
  const cellWith = (ws: ExcelJS.Worksheet, value: string): ExcelJS.Cell => {
    let found: ExcelJS.Cell | undefined;
    ws.eachRow((row) => row.eachCell((c) => {
      if (!found && c.value === value) found = c;
    }));
    if (!found) throw new Error(`no cell ${value}`);
    return found;
  };

  it("an edited Toetsingskader sheet replaces the built-in framework", async () => {
    const file = await exampleWith((wb) => {
      const ws = wb.getWorksheet("Toetsingskader")!;
      const code = cellWith(ws, "AP9");
      ws.getCell(Number(code.row), Number(code.col) + 1).value = "De regisseur heeft doorzettingsmacht (aangepast)";
    }, "eigen-kader.xlsx");
    const out = tmp.path("eigen-kader-resultaten.xlsx");
    expect(await run(["score", file, "-o", out], memoryIO())).toBe(0);
    const rows = rowsOf((await loadWorkbook(out)).getWorksheet("Resultaten")!);
    const ap9 = rows.find((r) => r[0] === "Emmen" && r[4] === "AP9")!;
    expect(ap9[5]).toBe("De regisseur heeft doorzettingsmacht (aangepast)");
  });

  it("a broken Toetsingskader sheet is reported, and the built-in framework is used", async () => {
    const file = await exampleWith((wb) => {
      const ws = wb.getWorksheet("Toetsingskader")!;
      const code = cellWith(ws, "AP9");
      ws.getCell(Number(code.row), Number(code.col) + 8).value = "consensuss"; // Regel column: 'Type' is +5, 'Regel' is +8
    }, "kapot-kader.xlsx");
    const io = memoryIO();
    expect(await run(["validate", file], io)).toBe(1);
    expect(io.out).toMatch(/^fout\tToetsingskader![A-Z]+\d+\tregel 'consensuss' is ongeldig/m);
    expect(io.out).toMatch(/^fout\tToetsingskader\thet toetsingskader op dit blad bevat fouten en is niet gebruikt; er is gescoord met het ingebouwde toetsingskader 'GGSR 2013'/m);
    expect(io.out).toContain("Toetsingskader: GGSR 2013 (ingebouwd)");
  });

  it("problems on the Aanpassingen sheet are reported with their cell", async () => {
    const file = await exampleWith((wb) => {
      const ws = wb.getWorksheet("Aanpassingen")!;
      ws.getRow(2).values = ["Emmen", "CJG-aanpak", "AP9", "voldoet", "", "", "Analist"];
      ws.getRow(3).values = ["Emmen", "CJG-aanpak", "AP10", "super", "", "Waarom niet"];
    }, "aanpassingen.xlsx");
    const io = memoryIO();
    expect(await run(["validate", file], io)).toBe(1);
    expect(io.out).toMatch(/^fout\tAanpassingen!F2\tReden is leeg; elke aanpassing moet een reden hebben/m);
    expect(io.out).toMatch(/^fout\tAanpassingen!D3\t'super' is geen oordeel/m);
  });
});

describe("example", () => {
  it("writes exampleAnswerRows and exampleContextRows as they are", async () => {
    const file = tmp.path("voorbeeld-inhoud.xlsx");
    expect(await run(["example", "-o", file], memoryIO())).toBe(0);
    const input = await readInputFile(file);
    const blank = (rows: unknown[][]) => rows.map((r) => r.map((v) => (v === "" ? null : v)));
    expect(input.answers!.values).toEqual(blank(exampleAnswerRows(ggsr2013)));
    expect(input.context!.values).toEqual(blank(exampleContextRows()));
    expect(input.overrides!.values).toEqual([["Gemeente", "Aanpak", "Indicator", "Oordeel", "Tekst", "Reden", "Door", "Datum"]]);
    expect(input.framework).toBeDefined();
    expect(input.issues).toEqual([]);
  });
});
