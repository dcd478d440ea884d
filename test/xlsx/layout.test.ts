import { estimateLines, factsheetLayout, factsheetSheetName, formatNumberNl, sanitiseSheetName } from "../../src/layout/factsheet";
import { readStudy, scoreStudy } from "../../src/cli/study";
import { exampleAnswerRows, exampleContextRows } from "../../src/examples/seeds";
import { ggsr2013 } from "../../src/scoring";

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
    expect(a).not.toBe(b);
    expect(factsheetSheetName("'s-Hertogenbosch", [])).toBe("Factsheet 's-Hertogenbosch");
  });
});

describe("factsheetLayout", () => {
  const study = readStudy({ answers: { name: "Antwoorden", values: exampleAnswerRows(ggsr2013) }, context: { name: "Context", values: exampleContextRows() } });
  const results = scoreStudy(study);
  const sp = results.find((r) => r.gemeente === "Spijkenisse")!;
  const layout = factsheetLayout(sp, { framework: ggsr2013, context: study.contexts.find((c) => c.gemeente === "Spijkenisse") });
  const text = (style: string) => layout.cells.filter((c) => c.style === style).map((c) => c.value);

  it("has title, approach, respondents, context and description", () => {
    expect(layout.name).toBe("Factsheet Spijkenisse");
    expect(text("title")).toEqual(["Uitkomsten toezichtonderzoek Spijkenisse"]);
    expect(text("subtitle")).toEqual(["Aanpak: Brede zorgcoördinatie jeugd en gezin"]);
    expect(text("meta")[0]).toContain("Bureau Jeugdzorg Rotterdam, Careyn, CJG Rijnmond");
    expect(text("meta")).toContain("Aantal gezinnen in de aanpak: 60.");
    expect(text("text")).toContain("Spijkenisse heeft 72.000 inwoners en 12.000 meerpersoonshuishoudens (januari 2012).");
    expect(text("heading")).toEqual(["Context Spijkenisse", "Beschrijving", "Bevindingen toezichtonderzoek", "Conclusie"]);
  });

  it("has one table per theme with criteria merged over their indicators", () => {
    expect(text("themeHeading")).toHaveLength(ggsr2013.themes.length);
    expect(text("tableHeader")).toHaveLength(3 * ggsr2013.themes.length);
    expect(text("indicator")).toHaveLength(30);
    expect(text("finding")).toEqual(sp.indicators.map((i) => i.finding));
    const planmatig = layout.cells.find((c) => c.style === "criterion" && c.value === "Planmatig")!;
    const merge = layout.merges.find((m) => m.top === planmatig.row && m.left === 0)!;
    expect(merge.bottom - merge.top + 1).toBe(7); // AP1…AP7
    expect(layout.rowHeights).toHaveLength(Math.max(...layout.cells.map((c) => c.row)) + 1);
    expect(layout.rowHeights.every((h) => h > 0)).toBe(true);
  });

  it("has per theme 'Wat gaat goed?' and 'Wat kan beter?'", () => {
    expect(text("conclusionTheme")).toEqual(ggsr2013.themes.map((t) => t.name));
    expect(text("conclusionLabel").filter((v) => v === "Wat gaat goed?")).toHaveLength(5);
    expect(text("conclusionLabel").filter((v) => v === "Wat kan beter?")).toHaveLength(5);
    const bullets = text("bullet");
    for (const c of sp.conclusions) for (const b of c.better) expect(bullets).toContain(`•  ${b}`);
  });
});

describe("text measures", () => {
  it("estimates wrapped lines and formats Dutch numbers", () => {
    expect(estimateLines("kort", 40)).toBe(1);
    expect(estimateLines("a\nb\nc", 40)).toBe(3);
    expect(estimateLines("woord ".repeat(60), 20)).toBeGreaterThan(10);
    expect(formatNumberNl(72000)).toBe("72.000");
    expect(formatNumberNl(1234567)).toBe("1.234.567");
    expect(formatNumberNl(999)).toBe("999");
  });
});
