/**
 * The seed oracle: the example study reconstructed from the published STJ findings must score to the
 * published verdicts — every ✓ and ✗, every ✓ with LET OP, and no LET OP where the published ✓ has none.
 */
import { EXAMPLE_APPROACHES, exampleAnswerRows } from "../../src/examples/seeds";
import { readAnswers } from "../../src/scoring/answers";
import { ggsr2013 } from "../../src/scoring/framework/ggsr2013";
import { indicators } from "../../src/scoring/framework/walk";
import { scoreAll } from "../../src/scoring/score";
import type { ApproachResult, IndicatorResult } from "../../src/scoring/types";
import { PUBLISHED, type Published } from "../seeds/published";

const read = readAnswers({ name: "Antwoorden", values: exampleAnswerRows(ggsr2013) }, ggsr2013);
const results = scoreAll(read.approaches, ggsr2013);
const byGemeente = new Map<string, ApproachResult>(results.map((r) => [r.gemeente, r]));
const ind = (gemeente: string, code: string): IndicatorResult => byGemeente.get(gemeente)!.indicators.find((i) => i.code === code)!;

const rows: [string, string, Published][] = Object.entries(PUBLISHED).flatMap(([gemeente, p]) =>
  Object.entries(p.verdicts).map(([code, v]): [string, string, Published] => [gemeente, code, v]),
);

describe("the example study", () => {
  it("reads without any issue", () => {
    expect(read.issues).toEqual([]);
    expect(read.missingQuestions).toEqual([]);
  });

  it("has the three seed approaches, and the published table covers all 30 indicators of each", () => {
    expect(results.map((r) => [r.gemeente, r.approach])).toEqual(EXAMPLE_APPROACHES.map((a) => [a.gemeente, a.aanpak]));
    const codes = indicators(ggsr2013).map((i) => i.code);
    for (const p of Object.values(PUBLISHED)) expect(Object.keys(p.verdicts)).toEqual(codes);
    expect(rows).toHaveLength(90);
  });
});

describe("every published verdict is reproduced", () => {
  it.each(rows)("%s %s: %s", (gemeente, code, published) => {
    const r = ind(gemeente, code);
    expect(r.override).toBeUndefined();
    if (published === "✗") {
      expect(r.verdict).toBe("verbeterpunt");
      expect(r.finding.startsWith("✗ ")).toBe(true);
    } else {
      expect(r.verdict).toBe("voldoet");
      expect(r.finding.startsWith("✓ ")).toBe(true);
      if (published === "✓L") {
        expect(r.notes.length).toBeGreaterThan(0);
        expect(r.finding).toContain("LET OP: ");
      } else {
        expect(r.notes).toEqual([]);
        expect(r.finding).not.toContain("LET OP");
      }
    }
  });

  it("counts per approach match the published table", () => {
    for (const [gemeente, p] of Object.entries(PUBLISHED)) {
      const v = Object.values(p.verdicts);
      expect(byGemeente.get(gemeente)!.counts).toEqual({
        voldoet: v.filter((x) => x !== "✗").length,
        verbeterpunt: v.filter((x) => x === "✗").length,
        onvoldoende: 0,
        letOp: v.filter((x) => x === "✓L").length,
      });
    }
  });
});

describe("findings read like the published ones", () => {
  it("Oosterhout AP8: the LET OP names one netwerkpartner who says the person is not there", () => {
    // Published: "LET OP: Eén van de netwerkpartijen geeft aan dat die persoon er niet is."
    const r = ind("Oosterhout", "AP8");
    expect(r.notes).toHaveLength(1);
    expect(r.notes[0]).toMatch(/^Eén van de netwerkpartners geeft aan dat er geen centrale persoon is/);
  });

  it("Emmen GC1: the LET OP is about the gemeente", () => {
    // Published: "LET OP: De gemeente noemt zelf niet dat de eigen kracht van het gezin een uitgangspunt … is van de aanpak."
    const r = ind("Emmen", "GC1");
    expect(r.notes).toHaveLength(1);
    expect(r.notes[0]).toMatch(/^De gemeente geeft aan dat de eigen kracht van het gezin geen uitgangspunt/);
  });

  it("Emmen GC2: the LET OP is about the gemeente and the social network", () => {
    const r = ind("Emmen", "GC2");
    expect(r.notes).toEqual([expect.stringMatching(/^De gemeente geeft aan dat het benutten van het sociale netwerk/)]);
  });

  it("Spijkenisse AP14: the LET OP is about drang en dwang", () => {
    // Published: "LET OP: Hiervoor zijn geen dwang of drangmiddelen beschikbaar."
    const r = ind("Spijkenisse", "AP14");
    expect(r.notes).toHaveLength(1);
    expect(r.notes[0]).toContain("drang en dwang geen onderdeel van de aanpak");
  });

  it("Oosterhout CO2 opens with the published sentences, verbatim", () => {
    const published = "De ondervraagden zijn hierover verdeeld. De gemeente en twee netwerkpartners geven aan dat er geen afspraken zijn gemaakt om te voorkomen dat deze gezinnen moeten wachten op de benodigde zorg.";
    const r = ind("Oosterhout", "CO2");
    expect(r.finding.startsWith("✗ De ondervraagden zijn hierover verdeeld.")).toBe(true);
    expect(r.finding.startsWith(`✗ ${published}`)).toBe(true);
  });

  it("Oosterhout AP2 is the published finding, verbatim", () => {
    expect(ind("Oosterhout", "AP2").finding).toBe("✗ De gemeente geeft aan dat er nog geen sprake is van een gezamenlijke visie op de aanpak voor GGSR.");
  });

  it("Oosterhout AP1: the LET OP says the policy is not specific for GGSR", () => {
    expect(ind("Oosterhout", "AP1").notes).toEqual([expect.stringContaining("niet specifiek is voor de groep GGSR")]);
  });

  it("Emmen TL2: the LET OP says there is no view of how many families the approach reaches", () => {
    expect(ind("Emmen", "TL2").notes).toEqual([expect.stringContaining("er geen zicht is op hoeveel gezinnen")]);
  });

  it("Emmen AP11 and SW6: everyone says so (published: 'De gemeente en de netwerkpartners' / 'Alle ondervraagden')", () => {
    expect(ind("Emmen", "AP11").notes).toEqual(["Alle ondervraagden geven aan dat niet geregeld is dat de netwerkpartners de doelen van het gezinsplan leidend laten zijn voor hun handelen."]);
    expect(ind("Emmen", "SW6").notes[0]).toMatch(/^Alle ondervraagden geven aan dat het delen van informatie in de praktijk stagneert/);
  });

  it("Spijkenisse SW6: one netwerkpartner says information sharing stagnates", () => {
    expect(ind("Spijkenisse", "SW6").notes).toEqual([expect.stringMatching(/^Eén van de netwerkpartners geeft aan dat het delen van informatie in de praktijk stagneert/)]);
  });

  it("Emmen AP14 chains the shared subject as the published text does ('Ook geven ze aan dat drang en dwang …')", () => {
    expect(ind("Emmen", "AP14").finding).toContain("Ook geven zij aan dat drang en dwang geen onderdeel van de aanpak zijn.");
  });

  it("Spijkenisse GC3 and AP10 do not merge two different netwerkpartners into one 'zij'", () => {
    for (const code of ["GC3", "AP10"]) expect(ind("Spijkenisse", code).finding).not.toContain("Ook geeft zij aan dat dit deels zo is");
  });

  it("Spijkenisse TL1: the netwerkpartners do not share one description; two of three name multiple problems", () => {
    const f = ind("Spijkenisse", "TL1").finding;
    expect(f).toContain("de netwerkpartners niet dezelfde omschrijving van GGSR hanteren");
    expect(f).toContain("Twee van de drie netwerkpartners geven als doelgroep aan: meervoudige problemen op meerdere leefgebieden.");
  });

  it("Spijkenisse AP12: wonen is the missing leefgebied", () => {
    const r = ind("Spijkenisse", "AP12");
    expect(r.conditions[0].missing).toEqual(["wonen"]);
    expect(r.finding).toContain("Alle ondervraagden noemen gezin, gezondheid, onderwijs en veiligheid.");
    // Published: "Niet iedere netwerkpartner geeft aan dat de aanpak voor alle gezinsleden geldt."
    expect(r.finding).toContain("Eén van de netwerkpartners geeft aan dat de aanpak niet voor alle gezinsleden geldt.");
  });
});
