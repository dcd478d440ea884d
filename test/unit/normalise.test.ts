import fc from "fast-check";
import { DOELGROEPEN, LEEFGEBIEDEN, PARTIJEN } from "../../src/scoring/framework/ggsr2013";
import {
  answerText,
  cellErrorCode,
  cellText,
  closest,
  isBlank,
  labelKey,
  parseAnswer,
  parseChoice,
  parseJaNee,
  parseMulti,
  parseRole,
  parseText,
  parseWholeNumber,
  type Parsed,
} from "../../src/scoring/normalise";
import type { Answer, AnswerType, CellValue } from "../../src/scoring/types";

const answerOf = (p: Parsed): Answer => {
  if (!p.ok) throw new Error(`expected ok, got problem: ${p.problem}`);
  return p.answer;
};
const problemOf = (p: Parsed | { ok: boolean; problem?: string }): string => {
  if (p.ok) throw new Error(`expected a problem, got ${JSON.stringify(p)}`);
  return (p as { problem: string }).problem;
};

describe("parseJaNee", () => {
  it.each<[CellValue]>([["ja"], ["Ja"], ["JA"], [" j "], ["x"], ["X"], ["yes"], ["WAAR"], ["true"], ["1"], [1], [true], ["Ja."], ["ja!"], ["\u00a0ja\u00a0"], ["jazeker"]])(
    "%p → ja",
    (v) => {
      expect(answerOf(parseJaNee(v))).toEqual({ kind: "janee", value: "ja" });
    },
  );

  it.each<[CellValue]>([["nee"], ["Nee"], ["NEE"], ["n"], ["no"], ["ONWAAR"], ["false"], ["0"], [0], [false], ["neen"], ["  nee  "]])("%p → nee", (v) => {
    expect(answerOf(parseJaNee(v))).toEqual({ kind: "janee", value: "nee" });
  });

  it.each<[CellValue]>([["deels"], ["Deels"], ["DEELS"], ["gedeeltelijk"], ["Gedeeltelijk"], ["ten  dele"], ["soms"]])("%p → deels", (v) => {
    expect(answerOf(parseJaNee(v))).toEqual({ kind: "janee", value: "deels" });
  });

  it.each<[CellValue]>([["weet niet"], ["Weet niet"], ["WEET NIET"], ["weet\u00a0niet"], ["weet  niet"], ["weet_niet"], ["wn"], ["WN"], ["?"], ["onbekend"], ["weetniet"]])(
    "%p → weet niet",
    (v) => {
      expect(answerOf(parseJaNee(v))).toEqual({ kind: "weetniet" });
    },
  );

  it.each<[CellValue]>([[""], ["   "], ["\u00a0"], ["\u00a0 \u00a0"], ["\t"], ["\n"], [null], [undefined]])("%p → leeg", (v) => {
    expect(answerOf(parseJaNee(v))).toEqual({ kind: "leeg" });
  });

  it("rejects a misspelt 'jaa' without guessing, and suggests 'ja'", () => {
    const problem = problemOf(parseJaNee("jaa"));
    expect(problem).toContain("'jaa'");
    expect(problem).toContain("ja, nee, deels of weet niet");
    expect(problem).toContain("Bedoelt u 'ja'?");
  });

  it("suggests the nearest answer for other typos and nothing for gibberish", () => {
    expect(problemOf(parseJaNee("neee"))).toContain("Bedoelt u 'nee'?");
    expect(problemOf(parseJaNee("deel s"))).toContain("Bedoelt u 'deels'?");
    const gibberish = problemOf(parseJaNee("qwertyuiop"));
    expect(gibberish).toContain("ja, nee, deels of weet niet");
    expect(gibberish).not.toContain("Bedoelt u");
  });

  it("rejects numbers other than 0 and 1", () => {
    expect(problemOf(parseJaNee(2))).toContain("'2'");
    expect(problemOf(parseJaNee(0.5))).toContain("ja, nee, deels of weet niet");
  });

  it("reports #N/A both as an error value and as its text", () => {
    for (const v of [{ error: "#N/A" }, "#N/A", " #n/a "] as CellValue[]) {
      const problem = problemOf(parseJaNee(v));
      expect(problem).toContain("foutwaarde #N/A");
      expect(problem).toContain("ja, nee, deels of weet niet");
    }
    expect(problemOf(parseJaNee({ error: "#DIV/0!" }))).toContain("#DIV/0!");
  });

  it("reports a date (Excel read '1-3' as a date) and mentions the date", () => {
    const problem = problemOf(parseJaNee(new Date(Date.UTC(2013, 2, 1))));
    expect(problem).toContain("datum");
    expect(problem).toContain("2013-03-01");
  });
});

describe("parseChoice", () => {
  it("matches an option regardless of case, spacing, accents and a full stop", () => {
    expect(answerOf(parseChoice("  MEERVOUDIGE  problemen op meerdere leefgebieden. ", DOELGROEPEN))).toEqual({ kind: "keuze", value: DOELGROEPEN[0] });
    expect(answerOf(parseChoice("Opvoedproblemen", DOELGROEPEN))).toEqual({ kind: "keuze", value: "opvoedproblemen" });
    expect(answerOf(parseChoice("Coördinatie", ["coordinatie"]))).toEqual({ kind: "keuze", value: "coordinatie" });
  });
  it("takes 'weet niet' as weet niet and blank as leeg", () => {
    expect(answerOf(parseChoice("Weet niet", DOELGROEPEN))).toEqual({ kind: "weetniet" });
    expect(answerOf(parseChoice(" ", DOELGROEPEN))).toEqual({ kind: "leeg" });
  });
  it("rejects an unknown option with the allowed list and a suggestion", () => {
    const problem = problemOf(parseChoice("opvoedprobleem", DOELGROEPEN));
    expect(problem).toContain("geen van de keuzes");
    expect(problem).toContain("Bedoelt u 'opvoedproblemen'?");
    expect(problem).toContain(DOELGROEPEN.join("; "));
  });
});

describe("parseMulti", () => {
  it("splits on ; , and line breaks, trims, removes duplicates and orders by the options", () => {
    const a = answerOf(parseMulti("onderwijs; cjg,AMW\nJGZ\r\n CJG ;; onderwijs", PARTIJEN));
    expect(a).toEqual({ kind: "meerkeuze", values: ["CJG", "JGZ", "AMW", "onderwijs"] });
  });
  it("reads 'werk en inkomen' as one item and NBSP as space", () => {
    expect(answerOf(parseMulti("werk\u00a0en inkomen; Politie", PARTIJEN))).toEqual({ kind: "meerkeuze", values: ["politie", "werk en inkomen"] });
  });
  it("gives leeg for only separators, weet niet for 'weet niet'", () => {
    expect(answerOf(parseMulti(" ; ,\n", PARTIJEN))).toEqual({ kind: "leeg" });
    expect(answerOf(parseMulti("weet niet", PARTIJEN))).toEqual({ kind: "weetniet" });
  });
  it("rejects unknown items, naming each and suggesting the close one", () => {
    const problem = problemOf(parseMulti("CJG; Poltie; Kerk", PARTIJEN));
    expect(problem).toContain("onbekende keuzes");
    expect(problem).toContain("'Poltie' (bedoelt u 'politie'?)");
    expect(problem).toMatch(/'Kerk'(?! \()/);
    expect(problemOf(parseMulti("wonen; gezinn", LEEFGEBIEDEN))).toMatch(/^onbekende keuze 'gezinn' \(bedoelt u 'gezin'\?\)/);
  });
});

describe("parseMulti against a plain reading of the list", () => {
  /** The list read the plain way: split on separators, fold each item, look its key up among the options. */
  function reference(raw: string, options: readonly string[]): Parsed {
    const named = new Set<number>();
    const unknown: string[] = [];
    for (const part of raw.split(/[;,\n\r]+/)) {
      const it = cellText(part);
      if (it === "") continue;
      const i = options.findIndex((o) => labelKey(o) === labelKey(it));
      if (i < 0) unknown.push(it);
      else named.add(i);
    }
    if (unknown.length) return { ok: false, problem: unknown.join("|") };
    const values = options.filter((_, i) => named.has(i));
    return values.length ? { ok: true, answer: { kind: "meerkeuze", values } } : { ok: true, answer: { kind: "leeg" } };
  }
  const spelling = (o: string) => fc.constantFrom(o, o.toUpperCase(), ` ${o} `, o.replace(/ /g, "\u00a0"), `${o}\t`);
  const item = (options: readonly string[]) => fc.oneof(fc.constantFrom(...options).chain(spelling), fc.constantFrom("Kerk", "gezinn", "", " "));
  const list = (options: readonly string[]) =>
    fc.tuple(fc.array(item(options), { maxLength: 12 }), fc.array(fc.constantFrom(";", "; ", ",", "\n", "\r\n", ";;"), { minLength: 12, maxLength: 12 }))
      .map(([items, seps]) => items.map((x, i) => x + (i < items.length - 1 ? seps[i] : "")).join(""))
      .filter((raw) => /[;,]/.test(raw) || raw.trim() === "");

  it("names the same options, or rejects the same lists, whatever the spelling and separators (items remembered across calls)", () => {
    for (const options of [PARTIJEN, LEEFGEBIEDEN]) {
      fc.assert(
        fc.property(list(options), (raw) => {
          const got = parseMulti(raw, options);
          const want = reference(raw, options);
          expect(got.ok).toBe(want.ok);
          if (got.ok && want.ok) expect(got.answer).toEqual(want.answer);
          if (!got.ok && !want.ok) for (const u of want.problem.split("|")) expect(got.problem).toContain(`'${u}'`);
        }),
        { numRuns: 400 },
      );
    }
  });
});

describe("parseWholeNumber", () => {
  it.each<[CellValue, number]>([
    [72000, 72000],
    ["72000", 72000],
    ["72.000", 72000],
    ["72 000", 72000],
    ["72\u00a0000", 72000],
    ["1.234.567", 1234567],
    [" 0 ", 0],
  ])("%p → %p", (v, n) => {
    expect(parseWholeNumber(v)).toEqual({ ok: true, value: n });
  });
  it.each<[CellValue]>([["1,5"], [1.5], [-3], ["-3"], ["72.00"], ["7.2000"], ["abc"], ["72k"], [1e21], ["99999999999999999999"], [Number.NaN]])("%p is rejected", (v) => {
    const p = parseWholeNumber(v);
    expect(p.ok).toBe(false);
  });
  it("explains how to write the number", () => {
    expect(problemOf(parseWholeNumber("1,5"))).toContain("72000 of 72.000");
  });
  it("blank is no value; errors and dates are reported", () => {
    expect(parseWholeNumber("")).toEqual({ ok: true, value: null });
    expect(problemOf(parseWholeNumber({ error: "#VALUE!" }))).toContain("#VALUE!");
    expect(problemOf(parseWholeNumber(new Date(Date.UTC(2012, 0, 1))))).toContain("datum");
  });
  it("parseAnswer getal uses the same rules", () => {
    expect(answerOf(parseAnswer("72.000", "getal", []))).toEqual({ kind: "getal", value: 72000 });
    expect(answerOf(parseAnswer("", "getal", []))).toEqual({ kind: "leeg" });
    expect(parseAnswer("1,5", "getal", []).ok).toBe(false);
  });
});

describe("parseText", () => {
  it("keeps text, trims it, and reads dates as ISO dates", () => {
    expect(answerOf(parseText("  Zie  notitie  "))).toEqual({ kind: "tekst", value: "Zie  notitie" });
    expect(answerOf(parseText(new Date(Date.UTC(2012, 0, 31))))).toEqual({ kind: "tekst", value: "2012-01-31" });
    expect(answerOf(parseText(12))).toEqual({ kind: "tekst", value: "12" });
    expect(answerOf(parseText("\u00a0"))).toEqual({ kind: "leeg" });
    expect(problemOf(parseText({ error: "#REF!" }))).toContain("#REF!");
  });
});

describe("parseRole", () => {
  it.each<[string, string]>([
    ["gemeente", "gemeente"],
    ["Gemeente", "gemeente"],
    ["GEM", "gemeente"],
    ["netwerkpartner", "netwerkpartner"],
    ["Netwerk partner", "netwerkpartner"],
    ["netwerkpartij", "netwerkpartner"],
    ["partner", "netwerkpartner"],
    ["NP", "netwerkpartner"],
    ["document", "document"],
    ["Documenten", "document"],
    ["documentatie", "document"],
    ["doc", "document"],
  ])("%p → %p", (v, role) => {
    expect(parseRole(v)).toEqual({ ok: true, role });
  });
  it("reports empty, unknown (with a suggestion) and error values", () => {
    expect(problemOf(parseRole(""))).toContain("is leeg");
    expect(problemOf(parseRole("gemeentee"))).toContain("Bedoelt u 'gemeente'?");
    expect(problemOf(parseRole("inspecteur"))).toContain("gemeente, netwerkpartner of document");
    expect(problemOf(parseRole({ error: "#N/A" }))).toContain("#N/A");
  });
});

describe("cell helpers", () => {
  it("cellText folds white space and shows booleans the Dutch Excel way", () => {
    expect(cellText(" a\u00a0\u00a0b\t\nc ")).toBe("a b c");
    expect(cellText(true)).toBe("WAAR");
    expect(cellText(false)).toBe("ONWAAR");
    expect(cellText(3)).toBe("3");
    expect(cellText(Number.POSITIVE_INFINITY)).toBe("");
    expect(cellText(new Date())).toBe("");
    expect(cellText({ error: "#N/A" })).toBe("");
  });
  it("labelKey ignores case, accents, underscores, quotes and full stops", () => {
    expect(labelKey("  Coördinatie_Jeugd. ")).toBe("coordinatie jeugd");
    expect(labelKey("TL2_wijken")).toBe(labelKey("tl2 WIJKEN"));
  });
  it("cellErrorCode reads error objects and error texts, nothing else", () => {
    expect(cellErrorCode({ error: "#REF!" })).toBe("#REF!");
    expect(cellErrorCode("#value!")).toBe("#VALUE!");
    expect(cellErrorCode("#hashtag")).toBeNull();
    expect(cellErrorCode("ja")).toBeNull();
  });
  it("isBlank treats NBSP-only text as blank but not 0 or false", () => {
    expect(isBlank("\u00a0")).toBe(true);
    expect(isBlank(0)).toBe(false);
    expect(isBlank(false)).toBe(false);
  });
  it("closest only suggests when within a third of the length", () => {
    expect(closest("TL2_wijk", ["TL2_wijken", "TL2_aanpak"])).toBe("TL2_wijken");
    expect(closest("xyz", ["ja", "nee"])).toBeNull();
  });
});

// ------------------------------------------------------------------------------------------------
// Property: normalisation is idempotent. Whatever parses, written back with answerText, parses to the
// same answer again, for every answer type.
// ------------------------------------------------------------------------------------------------

/** Case and spacing variants of a valid token. */
function variant(token: string): fc.Arbitrary<string> {
  const pad = fc.constantFrom("", " ", "  ", "\u00a0", "\t", " \u00a0 ");
  const casing = fc.constantFrom<(s: string) => string>(
    (s) => s,
    (s) => s.toUpperCase(),
    (s) => s.charAt(0).toUpperCase() + s.slice(1),
    (s) => [...s].map((c, i) => (i % 2 ? c.toUpperCase() : c)).join(""),
  );
  const inner = fc.constantFrom<(s: string) => string>(
    (s) => s,
    (s) => s.replace(/ /g, "  "),
    (s) => s.replace(/ /g, "\u00a0"),
    (s) => s.replace(/ /g, "_"),
  );
  const stop = fc.constantFrom("", ".");
  return fc.tuple(pad, casing, inner, stop, pad).map(([a, c, i, s, b]) => `${a}${i(c(token))}${s}${b}`);
}

const JANEE_TOKENS = ["ja", "nee", "deels", "weet niet", "j", "n", "x", "yes", "no", "waar", "onwaar", "true", "false", "1", "0", "gedeeltelijk", "wn", "?", "onbekend", "jaa", "neen"];

function cellArb(tokens: readonly string[], listOf?: readonly string[]): fc.Arbitrary<CellValue> {
  const list = listOf
    ? fc
        .array(fc.constantFrom(...listOf, "Poltie", "weet niet"), { minLength: 1, maxLength: 6 })
        .chain((items) => fc.tuple(fc.constant(items), fc.array(fc.constantFrom(";", ",", "\n", "; ", " ,\r\n"), { minLength: items.length, maxLength: items.length })))
        .chain(([items, seps]) => fc.tuple(...items.map(variant)).map((vs) => vs.map((v, i) => (i ? seps[i] : "") + v).join("")))
    : fc.constant("");
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...tokens).chain(variant) },
    { weight: 3, arbitrary: list },
    { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
    { weight: 1, arbitrary: fc.constantFrom<CellValue>(null, undefined, "", "\u00a0", true, false, { error: "#N/A" }, "#N/A", new Date(Date.UTC(2013, 0, 5)), 1e21, -1) },
    { weight: 2, arbitrary: fc.oneof(fc.integer({ min: -5, max: 10_000_000 }), fc.double({ noNaN: true })) },
    { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 999 })).map(([a, b]) => `${a}.${String(b).padStart(3, "0")}`) },
  );
}

const CASES: [AnswerType, readonly string[], fc.Arbitrary<CellValue>][] = [
  ["janee", [], cellArb(JANEE_TOKENS)],
  ["keuze", DOELGROEPEN, cellArb([...DOELGROEPEN, "weet niet", "opvoedprobleem"])],
  ["meerkeuze", PARTIJEN, cellArb([...PARTIJEN, "weet niet"], PARTIJEN)],
  ["meerkeuze", LEEFGEBIEDEN, cellArb(LEEFGEBIEDEN, LEEFGEBIEDEN)],
  ["tekst", [], cellArb(["vrije tekst", "Zie notitie"])],
  ["getal", [], cellArb(["72.000", "72 000", "1,5", "18"])],
];

describe("property: normalisation is idempotent", () => {
  it.each(CASES.map(([type, options, arb]) => [`${type}${options.length ? ` (${options.length} opties)` : ""}`, type, options, arb] as const))(
    "%s: parseAnswer(answerText(parse(x))) equals parse(x)",
    (_label, type, options, arb) => {
      let parsedSome = 0;
      fc.assert(
        fc.property(arb, (x) => {
          const first = parseAnswer(x, type, options);
          if (!first.ok) return;
          parsedSome++;
          const again = parseAnswer(answerText(first.answer), type, options);
          expect(again).toEqual({ ok: true, answer: first.answer });
        }),
        { numRuns: 600 },
      );
      // The generator must actually exercise valid answers, or the property says nothing.
      expect(parsedSome).toBeGreaterThan(100);
    },
  );

  it("every spacing/case variant of a valid ja/nee token parses to the same answer as the token", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("ja", "nee", "deels", "weet niet", "gedeeltelijk", "waar", "onwaar").chain((t) => fc.tuple(fc.constant(t), variant(t))),
        ([token, v]) => {
          expect(parseJaNee(v)).toEqual(parseJaNee(token));
        },
      ),
    );
  });
});
