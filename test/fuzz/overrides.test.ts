/**
 * Re-scoring never loses an override (property): random overrides are written with overridesToSheet,
 * read with readOverrides and scored; the scored workbook (writeScored, with its Aanpassingen sheet)
 * is written, read back and scored again — twice — and every override is still there and applied.
 */
import fc from "fast-check";
import { exampleAnswerRows, exampleContextRows } from "../../src/examples/seeds";
import { readStudy, scoreStudy } from "../../src/cli/study";
import { ggsr2013, indicatorPlaces, overridesToSheet, readAnswers, readOverrides, scoreAll } from "../../src/scoring";
import type { ApproachResult, Override, SheetData } from "../../src/scoring";
import { readWorkbookBuffer } from "../../src/xlsx/read";
import type { WorkbookInput } from "../../src/xlsx/read";
import { workbookBuffer, writeScored } from "../../src/xlsx/write";

const answers: SheetData = { name: "Antwoorden", values: exampleAnswerRows(ggsr2013) };
const context: SheetData = { name: "Context", values: exampleContextRows() };
const approaches = readAnswers(answers, ggsr2013).approaches;
const codes = indicatorPlaces(ggsr2013).map((p) => p.indicator.code);

/** Text an analyst types: ASCII, accents and emoji, formula-like starts, line breaks (no control characters). */
const text = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.constantFrom("=1+1", "+31 6 1234", "-5", "@SUM(A1)", "\tingesprongen", "regel 1\nregel 2", "  spaties  ", "Überzeugend: ‘ja’ — “nee”", "'s-Hertogenbosch", "#N/A", "✓ voldoet"),
);

const overrideArb: fc.Arbitrary<Override> = fc
  .record({
    approach: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...approaches) }, { weight: 1, arbitrary: fc.constant({ gemeente: "Utrecht", name: "Onbekend" }) }),
    indicator: fc.constantFrom(...codes).chain((c) => fc.constantFrom(c, c.toLowerCase(), ` ${c} `)),
    verdict: fc.option(fc.constantFrom("voldoet" as const, "verbeterpunt" as const, "onvoldoende" as const), { nil: undefined }),
    text: fc.option(text, { nil: undefined }),
    reason: text,
    author: fc.option(fc.constantFrom("Analist A", "J. de Vries", "=HACK()"), { nil: undefined }),
    date: fc.option(fc.date({ min: new Date(Date.UTC(2010, 0, 1)), max: new Date(Date.UTC(2030, 0, 1)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), { nil: undefined }),
  })
  .map((o) => {
    const out: Override = { gemeente: o.approach.gemeente, approach: o.approach.name, indicator: o.indicator, reason: o.reason };
    if (o.verdict) out.verdict = o.verdict;
    if (o.text !== undefined) out.text = o.text;
    if (o.author) out.author = o.author;
    if (o.date) out.date = o.date;
    return out;
  });

/** What an override does to the results: per approach and indicator, the verdict, the finding and the override. */
function applied(results: readonly ApproachResult[]): unknown[] {
  return results.flatMap((r) => r.indicators.filter((i) => i.override).map((i) => ({ a: `${r.gemeente}/${r.approach}`, code: i.code, verdict: i.verdict, finding: i.finding, override: i.override })));
}

async function rescore(input: WorkbookInput | { answers: SheetData; context: SheetData; overrides: SheetData }): Promise<{ input: WorkbookInput; overrides: Override[]; results: ApproachResult[] }> {
  const study = readStudy(input);
  const results = scoreStudy(study);
  const wb = writeScored({
    framework: study.framework,
    sheets: { answers: input.answers, context: input.context, framework: (input as WorkbookInput).framework, overrides: input.overrides },
    results,
    issues: study.issues,
    contexts: study.contexts,
    factsheets: false,
  });
  const back = await readWorkbookBuffer(await workbookBuffer(wb), "gescoord.xlsx");
  const again = readStudy(back);
  return { input: back, overrides: again.overrides, results: scoreStudy(again) };
}

describe("property: re-scoring never loses an override", () => {
  it("overrides survive overridesToSheet → readOverrides → score → scored workbook → re-read → re-score, twice", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(overrideArb, { maxLength: 8 }), async (list) => {
        const sheet: SheetData = { name: "Aanpassingen", values: overridesToSheet(list) };
        const first = readOverrides(sheet, { framework: ggsr2013, approaches });
        const results = scoreAll(approaches, ggsr2013, first.overrides);
        // Every override that was read and names a real approach is applied.
        const known = first.overrides.filter((o) => approaches.some((a) => a.gemeente === o.gemeente && a.name === o.approach));
        expect(applied(results)).toHaveLength(known.length);

        const once = await rescore({ answers, context, overrides: sheet });
        expect(once.overrides).toEqual(first.overrides);
        expect(applied(once.results)).toEqual(applied(results));
        const twice = await rescore(once.input);
        expect(twice.overrides).toEqual(first.overrides);
        expect(applied(twice.results)).toEqual(applied(results));
      }),
      { numRuns: 25 },
    );
  });
});
