/** The layout model: text measures, the factsheet after seed 002, the overview, sheet names. */
import {
  cbsSentence,
  charsToPoints,
  countLines,
  dutchMonthYear,
  factsheetLayout,
  factsheetSheetName,
  FACTSHEET_PAGE_HEIGHT,
  formatNumberNl,
  lineHeight,
  MAX_ROW_HEIGHT,
  overviewLayout,
  printableSize,
  sanitiseSheetName,
  splitFinding,
  splitToHeight,
  styleRectangles,
  textWidth,
  wrapLines,
} from "../../src/layout";
import type { SheetLayout } from "../../src/layout";
import { exampleStudy } from "../office/helpers";

const MONTH = "september 2013";

describe("sheet names", () => {
  it("removes characters Excel forbids and keeps names within 31 characters and unique", () => {
    expect(sanitiseSheetName("a[b]c:d*e?f/g\\h")).toBe("a-b-c-d-e-f-g-h");
    expect(sanitiseSheetName("'quoted'")).toBe("quoted");
    expect(factsheetSheetName("Emmen", [])).toBe("Factsheet Emmen");
    expect(factsheetSheetName("Emmen", ["factsheet emmen"])).toBe("Factsheet Emmen (2)");
    const long = "Súdwest-Fryslân en Noardeast-Fryslân samen";
    const a = factsheetSheetName(long, []);
    const b = factsheetSheetName(long, [a]);
    expect(a.length).toBeLessThanOrEqual(31);
    expect(b.length).toBeLessThanOrEqual(31);
    expect(b.endsWith(" (2)")).toBe(true);
    expect(factsheetSheetName("'s-Hertogenbosch", [])).toBe("Factsheet 's-Hertogenbosch");
  });
});

describe("text measures", () => {
  it("measures Arial widths and wraps greedily at spaces", () => {
    expect(textWidth("0", 10)).toBeCloseTo(5.56, 2);
    expect(textWidth("WWW", 10, true)).toBeGreaterThan(textWidth("iii", 10, true) * 3);
    expect(textWidth("é", 10)).toBe(textWidth("e", 10));
    expect(wrapLines("kort", 100, 10)).toEqual(["kort"]);
    expect(wrapLines("a\nb\nc", 100, 10)).toEqual(["a", "b", "c"]);
    const lines = wrapLines("woord ".repeat(60).trim(), 100, 10);
    expect(lines.length).toBeGreaterThan(10);
    for (const l of lines) expect(textWidth(l, 10) * 1.04).toBeLessThanOrEqual(100 + 1e-9);
    expect(lines.join(" ")).toBe("woord ".repeat(60).trim());
    // A word longer than the line is broken between characters.
    expect(wrapLines("x".repeat(100), 50, 10).every((l) => textWidth(l, 10) * 1.04 <= 50)).toBe(true);
  });

  it("uses Excel's line pitch in whole pixels and never asks for more than Excel's largest row", () => {
    expect(lineHeight(10)).toBe(11.25); // 15 px
    expect(lineHeight(11)).toBe(12.75);
    expect(countLines("", 20, { size: 10 })).toBe(1);
    expect(countLines("een\ntwee", 20, { size: 10 })).toBe(2);
    const long = "Een lange bevinding die veel regels nodig heeft. ".repeat(80);
    const pieces = splitToHeight(long, 45, { size: 10 });
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) expect(countLines(p, 45, { size: 10 }) * lineHeight(10) + 3).toBeLessThanOrEqual(MAX_ROW_HEIGHT);
    expect(pieces.join(" ").replace(/\s+/g, " ")).toBe(long.trim().replace(/\s+/g, " "));
  });

  it("formats Dutch numbers, months and the CBS sentence", () => {
    expect(formatNumberNl(72000)).toBe("72.000");
    expect(formatNumberNl(1234567)).toBe("1.234.567");
    expect(dutchMonthYear(new Date(2026, 10, 23))).toBe("november 2026");
    expect(cbsSentence("Spijkenisse", { inwoners: 72000, meerpersoonshuishoudens: 12000, peildatum: "januari 2012" })).toBe(
      "Uit de gegevens van het CBS van januari 2012 blijkt dat de gemeente Spijkenisse ruim 72.000 inwoners telt, waarvan bijna 12.000 meerpersoonshuishoudens (dat zijn gezinnen met één of twee volwassenen en ten minste één kind).",
    );
    expect(cbsSentence("Emmen", {})).toBeNull();
    expect(cbsSentence("Emmen", { inwoners: 108000 })).toBe("Uit de gegevens van het CBS blijkt dat de gemeente Emmen ruim 108.000 inwoners telt.");
  });
});

describe("splitFinding", () => {
  it("separates the symbol, the text and each LET OP note", () => {
    expect(splitFinding({ verdict: "voldoet", finding: "✓ Alle ondervraagden geven aan dat x. LET OP: Eén zegt y. LET OP: Twee zeggen z." })).toEqual({
      symbol: "✓",
      text: "Alle ondervraagden geven aan dat x.",
      notes: ["LET OP: Eén zegt y.", "LET OP: Twee zeggen z."],
    });
    expect(splitFinding({ verdict: "verbeterpunt", finding: "✗ =1+1" })).toEqual({ symbol: "✗", text: "=1+1", notes: [] });
  });
});

/** The text of every cell, and cells by style name prefix. */
const texts = (l: SheetLayout) => l.cells.map((c) => String(c.value));
const styled = (l: SheetLayout, prefix: string) => l.cells.filter((c) => c.style === prefix || c.style.startsWith(`${prefix}-`));

describe("factsheetLayout (seed 002)", () => {
  const study = exampleStudy({ overrides: [["Spijkenisse", "Brede zorgcoördinatie jeugd en gezin", "AP9", "verbeterpunt", "De analist schreef deze tekst.", "Navraag.", "", ""]] });
  const sp = study.results.filter((r) => r.gemeente === "Spijkenisse");
  const ctx = study.contexts.find((c) => c.gemeente === "Spijkenisse");
  const layout = factsheetLayout(sp, { framework: study.framework, context: ctx, month: MONTH });
  const all = texts(layout);

  it("has the title page of the seed: title, subtitle, month, definition box and introduction", () => {
    expect(layout.name).toBe("Factsheet Spijkenisse");
    expect(all).toContain("Uitkomsten toezichtonderzoek Spijkenisse");
    expect(all).toContain("Toezichtonderzoek op beleidsniveau naar de verantwoorde zorg en ondersteuning van gezinnen met geringe sociale redzaamheid");
    expect(all).toContain("September 2013");
    expect(all.find((t) => t.startsWith("Samenwerkend Toezicht Jeugd (STJ) verstaat onder een gezin met geringe sociale redzaamheid"))).toBeDefined();
    expect(all).toContain("•  Leefgebieden: gezin, wonen, werk, inkomen, gezondheid, onderwijs en veiligheid.");
    expect(styled(layout, "definition").every((c) => layout.styles[c.style].italic)).toBe(true);
    expect(all).toContain("Meer informatie over het toezichtonderzoek en het toetsingskader vindt u op www.toezichtggsr.nl.");
    expect(factsheetLayout(sp, { framework: study.framework }).cells.some((c) => c.value === dutchMonthYear(new Date()).replace(/^./, (m) => m.toUpperCase()))).toBe(true);
  });

  it("has the context with the CBS sentence, the approach with its netwerkpartners, and the description", () => {
    expect(all).toContain("Context Spijkenisse");
    expect(all).toContain(cbsSentence("Spijkenisse", ctx!)!);
    expect(all).toContain("Aanpak: Brede zorgcoördinatie jeugd en gezin");
    expect(all).toContain("De gemeente heeft de vragenlijst betreffende deze aanpak ingevuld en relevante documentatie toegestuurd. Een – beperktere – vragenlijst over deze aanpak is ingevuld door:");
    for (const p of ["Bureau Jeugdzorg Rotterdam", "Careyn", "CJG Rijnmond"]) expect(all).toContain(`•  ${p}`);
    expect(all).toContain("Beschrijving");
    expect(all.find((t) => t.startsWith("In de notitie"))).toBeDefined();
    expect(all).toContain("Bevindingen toezichtonderzoek");
    expect(all).toContain("Toeleiding:");
    // Emmen has no CBS figures: no CBS sentence.
    const emmen = factsheetLayout(
      study.results.filter((r) => r.gemeente === "Emmen"),
      { framework: study.framework, context: study.contexts.find((c) => c.gemeente === "Emmen"), month: MONTH },
    );
    expect(texts(emmen).some((t) => t.startsWith("Uit de gegevens van het CBS"))).toBe(false);
  });

  it("has one table per theme: criteria merged over their indicators, coloured symbols, LET OP in bold on its own row", () => {
    for (const t of study.framework.themes) expect(styled(layout, "tableTitle").map((c) => String(c.value).replace(/ \(vervolg\)$/, ""))).toContain(t.name);
    const indicators = styled(layout, "indicator").map((c) => c.value);
    expect(indicators).toEqual(sp[0].indicators.map((i) => i.text));
    for (const ind of sp[0].indicators) {
      const cell = layout.cells.find((c) => c.style === "indicator" && c.value === ind.text)!;
      const sym = layout.cells.find((c) => c.row === cell.row && c.col === 2)!;
      expect(sym.value).toBe({ voldoet: "✓", verbeterpunt: "✗", onvoldoende: "?" }[ind.verdict]);
      expect(layout.styles[sym.style].color).toBe(ind.verdict === "voldoet" ? "00843D" : "C00000");
      const f = splitFinding(ind);
      const rows = layout.cells.filter((c) => c.col === 3 && c.row >= cell.row && c.row < cell.row + 1 + (f.notes.length ? 1 : 0));
      expect(rows.map((c) => c.value)).toEqual([...(f.text ? [f.text] : []), ...(f.notes.length ? [f.notes.join("\n")] : [])]);
      if (f.notes.length) expect(layout.styles[rows[rows.length - 1].style].bold).toBe(true);
    }
    expect(styled(layout, "letOp").length).toBeGreaterThan(0);
    // The analyst's override shows.
    expect(all).toContain("De analist schreef deze tekst.");
    // Criteria span their indicators (in one piece per page).
    const crit = styled(layout, "criterion").filter((c) => c.value === "Planmatig");
    const spanned = crit.reduce((n, c) => {
      const m = layout.merges.find((x) => x.top === c.row && x.left === 0);
      return n + (m ? styled(layout, "indicator").filter((i) => i.row >= m.top && i.row <= m.bottom).length : 1);
    }, 0);
    expect(spanned).toBe(7); // AP1…AP7
  });

  it("starts a new page with 'Vervolg …' and the repeated table header where a table continues", () => {
    expect(layout.pageBreaks.length).toBeGreaterThanOrEqual(3);
    const firstTable = styled(layout, "tableTitle")[0].row;
    const conclusion = layout.cells.find((c) => c.value === "Conclusie")!.row;
    let continued = 0;
    for (const b of layout.pageBreaks) {
      const first = layout.cells.filter((c) => c.row === b).map((c) => c.value);
      if (b > firstTable && b < conclusion) {
        expect(first).toEqual(["Vervolg bevindingen toezichtonderzoek"]);
        const header = layout.cells.filter((c) => c.row > b && c.row < b + 5 && c.style === "tableHeader").map((c) => c.value);
        expect(header).toEqual(["Criteria", "Indicatoren", "Bevindingen"]);
        continued++;
      }
      if (b > conclusion) expect(first).toEqual(["Vervolg conclusie"]);
    }
    expect(continued).toBeGreaterThanOrEqual(2);
    expect(all.filter((t) => t.endsWith("(vervolg)")).length).toBeGreaterThan(0);
  });

  it("has the conclusion per theme with 'Wat gaat goed?' and 'Wat kan beter?'", () => {
    expect(all).toContain("Conclusie");
    expect(all.filter((t) => t === "Wat gaat goed?")).toHaveLength(5);
    expect(all.filter((t) => t === "Wat kan beter?")).toHaveLength(5);
    const joined = all.join("\n");
    for (const c of sp[0].conclusions) for (const b of [...c.good, ...c.better]) expect(joined).toContain(`•  ${b}`);
  });

  it("fits A4 portrait: columns within the page width, pages within the page height, rows within Excel's limit", () => {
    const width = printableSize(layout.print).width;
    expect(layout.columnWidths.reduce((a, w) => a + charsToPoints(w), 0)).toBeLessThanOrEqual(width);
    expect(layout.columnWidths.reduce((a, w) => a + w * 5.55, 0)).toBeLessThanOrEqual(width); // LibreOffice's wider character unit
    const starts = [0, ...layout.pageBreaks, layout.rowHeights.length];
    for (let i = 0; i + 1 < starts.length; i++) {
      const h = layout.rowHeights.slice(starts[i], starts[i + 1]).reduce((a, b) => a + b, 0);
      expect(h).toBeLessThanOrEqual(FACTSHEET_PAGE_HEIGHT + 0.01);
    }
    expect(Math.max(...layout.rowHeights)).toBeLessThanOrEqual(MAX_ROW_HEIGHT);
    expect(layout.print).toMatchObject({ orientation: "portrait", paper: "A4", fitToWidth: 1, fitToHeight: 0 });
    expect(layout.print.header.right).toBe('&"Arial,Regular"&8Uitkomsten toezichtonderzoek Spijkenisse');
    expect(layout.print.footer.right).toBe('&"Arial,Regular"&8Pagina &P van &N');
    // Every text cell is Text ("@") so nothing becomes a formula.
    for (const c of layout.cells) if (typeof c.value === "string") expect(layout.styles[c.style].numberFormat).toBe("@");
  });

  it("groups equal styles into few rectangles for the Office.js writer", () => {
    const rects = styleRectangles(layout);
    const styledCells = rects.reduce((n, r) => n + (r.range.bottom - r.range.top + 1) * (r.range.right - r.range.left + 1), 0);
    expect(rects.length).toBeLessThan(styledCells / 2);
  });

  it("puts several approaches of one gemeente in one factsheet, each with its own sections", () => {
    const two = [sp[0], { ...sp[0], approach: "Tweede aanpak", indicators: sp[0].indicators, conclusions: sp[0].conclusions }];
    const l = factsheetLayout(two, { framework: study.framework, context: ctx, month: MONTH });
    expect(texts(l).filter((t) => t.startsWith("Aanpak: "))).toEqual(["Aanpak: Brede zorgcoördinatie jeugd en gezin", "Aanpak: Tweede aanpak"]);
    expect(texts(l).filter((t) => t === "Context Spijkenisse")).toHaveLength(1);
    expect(texts(l)).toContain("Conclusie: Tweede aanpak");
  });
});

describe("overviewLayout", () => {
  const study = exampleStudy();
  const l = overviewLayout(study.results, { framework: study.framework, month: MONTH });

  it("has a row per approach with a verdict symbol per indicator, coloured by conditional formatting", () => {
    expect(l.name).toBe("Overzicht");
    const codes = study.framework.themes.flatMap((t) => t.criteria.flatMap((c) => c.indicators.map((i) => i.code)));
    for (const r of study.results) {
      const row = l.cells.find((c) => c.col === 1 && c.value === r.approach)!.row;
      const symbols = l.cells.filter((c) => c.row === row && c.col >= 2 && c.col < 2 + codes.length).map((c) => c.value);
      expect(symbols).toEqual(codes.map((code) => ({ voldoet: "✓", verbeterpunt: "✗", onvoldoende: "?" })[r.indicators.find((i) => i.code === code)!.verdict]));
      expect(l.cells.find((c) => c.row === row && c.col === 2 + codes.length)!.value).toBe(r.counts.verbeterpunt);
    }
    expect(l.conditionalFormats.filter((c) => c.kind === "beginsWith").map((c) => c.kind === "beginsWith" && c.text)).toEqual(["✓", "✗", "?"]);
    expect(l.conditionalFormats.some((c) => c.kind === "dataBar")).toBe(true);
  });

  it("counts verbeterpunten per theme, with a chart of them, and repeats its header rows when printed", () => {
    const total = (theme: string) => study.results.reduce((n, r) => n + r.indicators.filter((i) => i.theme === theme && i.verdict === "verbeterpunt").length, 0);
    for (const t of study.framework.themes) {
      const row = l.cells.find((c) => c.col === 0 && c.value === t.name)!.row;
      expect(l.cells.find((c) => c.row === row && c.col === 1)!.value).toBe(total(t.name));
    }
    expect(l.charts).toHaveLength(1);
    expect(l.charts[0]).toMatchObject({ kind: "barClustered", title: "Verbeterpunten per thema" });
    expect(l.print).toMatchObject({ orientation: "landscape", fitToWidth: 1, fitToHeight: 0, titleRows: { first: 4, last: 5 } });
    expect(l.freeze).toEqual({ rows: 6, columns: 2 });
  });
});
