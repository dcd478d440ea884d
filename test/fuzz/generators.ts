/**
 * fast-check generators for malformed answer sheets ("Antwoorden") with valid approaches planted in
 * them: wrong and misspelt headers, unknown and duplicate columns, error values (as values and as
 * text), dates, huge text, numbers where text is expected, unknown roles, duplicate respondents,
 * empty rows, very wide rows and merged cells — and, among all that, one to three approaches whose
 * rows are valid, so the tests can check they are still read and scored as if alone.
 */
import fc from "fast-check";
import { allQuestions, cellAddress, ggsr2013, indicators, KEY_COLUMNS, labelKey } from "../../src/scoring";
import type { CellValue, Question, SheetData } from "../../src/scoring";

/**
 * The fuzz runs use a fixed seed by default so CI is reproducible; `FUZZ_SEED=random npm test` (or any
 * number) explores other cases. fast-check prints the seed and path of any counterexample it finds.
 */
if (process.env.FUZZ_SEED !== "random") fc.configureGlobal({ seed: Number(process.env.FUZZ_SEED ?? 20261123) });

export const FW = ggsr2013;
export const QUESTIONS = allQuestions(FW);
const CODES = QUESTIONS.map((q) => q.code);
const NOTE_COLUMNS = indicators(FW)
  .slice(0, 6)
  .map((i) => `${i.code}_toelichting`);
/** The columns every malformed sheet has (in some order), so planted rows can be read in full. */
export const REAL_COLUMNS: string[] = [...KEY_COLUMNS, ...CODES, ...NOTE_COLUMNS];
const KNOWN = new Set(REAL_COLUMNS.map(labelKey));

const HUGE = "x".repeat(100_000);
const HUGE_JA = `ja ${"ja ".repeat(33_000)}`;

/** Values nobody should type into an answers sheet, and some everyone types. */
export const nastyValue: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom<CellValue>("ja", "nee", "deels", "weet niet", "Ja.", "JA", "jaa", "neee", "x", "?", "", "  ", "\u00a0", "gemeente", "netwerkpartner", "document") },
  {
    weight: 3,
    arbitrary: fc.constantFrom<CellValue>(
      { error: "#N/A" },
      { error: "#REF!" },
      { error: "#DIV/0!" },
      { error: "#VALUE!" },
      { error: "#NAME?" },
      { error: "#FORMULA" },
      "#N/A",
      "#REF!",
      " #value! ",
      "#NAME?",
      "#SPILL!",
    ),
  },
  { weight: 2, arbitrary: fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: false }) },
  { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -0, 1, 72000, 1e21, Number.NaN, Infinity, -Infinity)) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>(null, undefined) },
  { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>("=1+1", "+31 6 1234", "-5", "@SUM(A1)", "\tx", "\r=2", "CJG; AMW; onbekend", "gezin,wonen,,", "meervoudige problemen", "1-2", "72.000") },
);

/** A header that is not a real column: misspelt, unknown, an error value, a date, a number, empty. */
const junkHeader: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...REAL_COLUMNS), fc.constantFrom("x", "_", " 2", "s", "")).map(([c, s]) => (s === "" ? c.slice(0, -1) : c + s)) },
  { weight: 2, arbitrary: fc.constantFrom<CellValue>("Gemeete", "Respondnet", "Rool", "Opmerking", "Naam invuller", "TL2_wijk", "AP99", "tl3 ", "Aanpak ", "GC2 toelichting", "XX9_toelichting") },
  { weight: 2, arbitrary: fc.constantFrom<CellValue>({ error: "#REF!" }, "#N/A", new Date(Date.UTC(2013, 0, 1)), 123, true, "", null) },
  { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
  { weight: 2, arbitrary: fc.constantFrom(...REAL_COLUMNS) }, // a duplicate of a real column
);

function validAnswer(q: Question): fc.Arbitrary<string> {
  switch (q.type) {
    case "janee":
      return fc.constantFrom("ja", "nee", "deels", "weet niet", "", "Ja", "NEE", "gedeeltelijk");
    case "keuze":
      return fc.oneof(fc.constantFrom(...q.options), fc.constant(""), fc.constant("weet niet"));
    case "meerkeuze":
      return fc.oneof({ weight: 4, arbitrary: fc.subarray(q.options, { minLength: 1 }).map((xs) => xs.join("; ")) }, { weight: 1, arbitrary: fc.constant("") });
    default:
      return fc.constant("");
  }
}

export interface PlantedRespondent {
  name: string;
  role: "gemeente" | "netwerkpartner" | "document";
  answers: Record<string, string>;
  notes: Record<string, string>;
}

export interface PlantedApproach {
  gemeente: string;
  aanpak: string;
  respondents: PlantedRespondent[];
}

const respondentArb = (name: string, role: PlantedRespondent["role"]): fc.Arbitrary<PlantedRespondent> =>
  fc
    .tuple(
      fc.tuple(...QUESTIONS.map((q) => (q.roles.includes(role) ? validAnswer(q) : fc.constant("")))),
      fc.subarray(NOTE_COLUMNS, { maxLength: 2 }),
    )
    .map(([answers, notes]) => ({
      name,
      role,
      answers: Object.fromEntries(QUESTIONS.map((q, i) => [q.code, answers[i]])),
      notes: Object.fromEntries(notes.map((n) => [n, `toelichting ${name}`])),
    }));

/** A valid approach: a gemeente row, zero to three netwerkpartners, maybe a documents row. */
export const plantedApproachArb = (i: number): fc.Arbitrary<PlantedApproach> =>
  fc
    .tuple(fc.nat({ max: 3 }), fc.boolean())
    .chain(([partners, documents]) =>
      fc.tuple(
        respondentArb(`Gemeente Geplant ${i}`, "gemeente"),
        fc.tuple(...Array.from({ length: partners }, (_, p) => respondentArb(`Partner ${p + 1}`, "netwerkpartner"))),
        documents ? respondentArb("Documenten", "document").map((d) => [d]) : fc.constant([] as PlantedRespondent[]),
      ),
    )
    .map(([g, ps, docs]) => ({ gemeente: `Geplant ${i}`, aanpak: `Aanpak ${i}`, respondents: [g, ...ps, ...docs] }));

/** A junk row: any value anywhere, sometimes with a plausible key, never a planted approach's gemeente. */
const junkRow = (width: number): fc.Arbitrary<CellValue[]> =>
  fc
    .tuple(
      fc.oneof(nastyValue, fc.constantFrom<CellValue>("Kapot", "Emmen", "Gemeente 1", 42, "")),
      fc.oneof(nastyValue, fc.constantFrom<CellValue>("Aanpak", "CJG-aanpak")),
      fc.oneof(nastyValue, fc.constantFrom<CellValue>("CJG", "Gemeente", "Partner 1")),
      fc.oneof(nastyValue, fc.constantFrom<CellValue>("gemeente", "netwerkpartner", "document", "partnr", "gemeenten", "Netwerkpartner", "klant", 3)),
      fc.array(nastyValue, { minLength: 0, maxLength: width + 6 }),
    )
    .map(([g, a, r, role, rest]) => {
      // Never the gemeente of a planted approach: the planted rows must stay the only ones there.
      const safe = typeof g === "string" && labelKey(g).includes("geplant") ? `x${g}` : g;
      return [safe, a, r, role, ...rest];
    });

export interface MalformedSheet {
  sheet: SheetData;
  planted: PlantedApproach[];
  /** The planted approaches alone, in a clean sheet (the oracle). */
  clean: SheetData;
  /** Indexes (in sheet.values) of the planted rows. */
  plantedRows: number[];
  /** Index (in sheet.values) of the header row. */
  headerRow: number;
}

interface Insert {
  at: number;
  row: CellValue[];
}

/**
 * A malformed sheet: the real columns (shuffled) with junk columns among them, the planted rows with
 * junk rows, empty rows and duplicates of planted rows (always after their original) mixed in,
 * merged cells, an origin offset and empty rows above the header.
 */
export const malformedSheetArb: fc.Arbitrary<MalformedSheet> = fc
  .record({
    order: fc.shuffledSubarray(REAL_COLUMNS, { minLength: REAL_COLUMNS.length, maxLength: REAL_COLUMNS.length }),
    junkColumns: fc.array(fc.tuple(junkHeader, fc.nat({ max: 200 })), { maxLength: 5 }),
    planted: fc.integer({ min: 1, max: 3 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => plantedApproachArb(i + 1)))),
    junk: fc.array(fc.tuple(junkRow(REAL_COLUMNS.length + 5), fc.nat({ max: 1000 })), { maxLength: 10 }),
    empties: fc.array(fc.nat({ max: 1000 }), { maxLength: 3 }),
    duplicates: fc.array(fc.tuple(fc.nat({ max: 1000 }), fc.nat({ max: 1000 })), { maxLength: 3 }),
    trailing: fc.array(fc.tuple(fc.nat({ max: 1000 }), fc.array(nastyValue, { minLength: 1, maxLength: 6 })), { maxLength: 2 }),
    merges: fc.array(fc.tuple(fc.nat({ max: 30 }), fc.nat({ max: 60 }), fc.nat({ max: 3 }), fc.nat({ max: 2 })), { maxLength: 3 }),
    lead: fc.nat({ max: 2 }),
    origin: fc.record({ row: fc.nat({ max: 5 }), col: fc.nat({ max: 3 }) }),
    name: fc.constantFrom("Antwoorden", "Vragenlijst 2013", "Blad1"),
    // One sheet in ten gets a huge text (100,000 characters) in a junk cell or a junk header.
    huge: fc.option(fc.tuple(fc.constantFrom<CellValue>(HUGE, HUGE_JA), fc.nat({ max: 1000 }), fc.boolean()), { freq: 9 }),
  })
  .map((s) => {
    // Header: the real columns in random order; junk columns in between, except those that read as
    // a real column (a duplicate or a respelling that folds to the same name): those go last, so the
    // real column stays the first and is the one read.
    const header: CellValue[] = [...s.order];
    if (s.huge && s.huge[2]) header.splice(s.huge[1] % (header.length + 1), 0, s.huge[0]);
    const late: CellValue[] = [];
    for (const [h, at] of s.junkColumns) {
      const reads = typeof h === "string" && KNOWN.has(labelKey(h));
      if (reads) late.push(h);
      else header.splice(at % (header.length + 1), 0, h);
    }
    header.push(...late);
    const colOf = new Map<string, number>();
    header.forEach((h, c) => {
      if (typeof h === "string" && REAL_COLUMNS.includes(h) && !colOf.has(h)) colOf.set(h, c);
    });
    const rowFor = (a: PlantedApproach, r: PlantedRespondent, columns: Map<string, number>, width: number, filler: (c: number) => CellValue): CellValue[] => {
      const row: CellValue[] = Array.from({ length: width }, (_, c) => filler(c));
      const put = (col: string, v: CellValue) => {
        const c = columns.get(col);
        if (c !== undefined) row[c] = v;
      };
      put("Gemeente", a.gemeente);
      put("Aanpak", a.aanpak);
      put("Respondent", r.name);
      put("Rol", r.role);
      for (const [code, v] of Object.entries(r.answers)) put(code, v);
      for (const [col, v] of Object.entries(r.notes)) put(col, v);
      return row;
    };
    // Planted rows: junk columns among them get junk values (they are not read).
    let junkIndex = 0;
    const junkFiller = (c: number): CellValue => {
      const h = header[c];
      if (typeof h === "string" && colOf.get(h) === c) return null;
      junkIndex++;
      return junkIndex % 3 === 0 ? "junk" : junkIndex % 3 === 1 ? { error: "#N/A" } : null;
    };
    const rows: CellValue[][] = [];
    for (const a of s.planted) for (const r of a.respondents) rows.push(rowFor(a, r, colOf, header.length, junkFiller));
    const plantedRows = rows.length;
    const inserts: Insert[] = [];
    for (const [row, at] of s.junk) inserts.push({ at, row });
    if (s.huge && !s.huge[2]) inserts.push({ at: s.huge[1], row: ["Kapot", "Groot", "Tekst", "gemeente", s.huge[0], s.huge[0]] });
    for (const at of s.empties) inserts.push({ at, row: [] });
    // Copies of planted rows go after their original (position ≥ original + 1).
    const all: { row: CellValue[]; planted: number }[] = rows.map((row, i) => ({ row, planted: i }));
    for (const ins of inserts) all.splice(ins.at % (all.length + 1), 0, { row: ins.row, planted: -1 });
    for (const [which, after] of s.duplicates) {
      const original = which % plantedRows;
      const pos = all.findIndex((x) => x.planted === original);
      const at = pos + 1 + (after % (all.length - pos));
      all.splice(at, 0, { row: [...rows[original]], planted: -2 });
    }
    for (const [which, extra] of s.trailing) {
      // A very wide planted row: data beyond the header (no header there, not read).
      const original = which % plantedRows;
      const x = all.find((r) => r.planted === original)!;
      x.row = [...x.row, null, ...extra];
    }
    const values: CellValue[][] = [...Array.from({ length: s.lead }, () => [] as CellValue[]), header, ...all.map((x) => x.row)];
    // Merged areas: reported; where they cover only junk, the covered cells are empty (as Excel has them).
    const merges: string[] = [];
    const r0 = s.origin.row;
    const c0 = s.origin.col;
    for (const [r, c, h, w] of s.merges) {
      const top = r % values.length;
      const left = c % (header.length + 2);
      const bottom = Math.min(values.length - 1, top + h);
      const right = left + w;
      if (bottom === top && right === left) continue;
      merges.push(`${cellAddress(r0 + top, c0 + left)}:${cellAddress(r0 + bottom, c0 + right)}`);
      const coversPlanted = all.some((x, i) => x.planted >= 0 && i + s.lead + 1 >= top && i + s.lead + 1 <= bottom);
      if (!coversPlanted && top > s.lead) {
        for (let rr = top; rr <= bottom; rr++) for (let cc = left; cc <= right; cc++) if (rr !== top || cc !== left) if (values[rr] && cc < values[rr].length) values[rr][cc] = null;
      }
    }
    // The oracle: the planted approaches alone, standard column order, nothing else.
    const cleanCols = new Map(REAL_COLUMNS.map((c, i) => [c, i]));
    const cleanRows = s.planted.flatMap((a) => a.respondents.map((r) => rowFor(a, r, cleanCols, REAL_COLUMNS.length, () => null)));
    const plantedRowIndexes = all.flatMap((x, i) => (x.planted >= 0 ? [i + s.lead + 1] : []));
    const headerRow = s.lead;
    return {
      sheet: { name: s.name, values, merges, origin: s.origin },
      planted: s.planted,
      clean: { name: "Antwoorden", values: [[...REAL_COLUMNS], ...cleanRows] },
      plantedRows: plantedRowIndexes,
      headerRow,
    };
  });

/** A header that cannot be read: a key column missing or misspelt. */
export const brokenHeaderSheetArb: fc.Arbitrary<{ sheet: SheetData; missing: string[] }> = fc
  .record({
    drop: fc.subarray([...KEY_COLUMNS], { minLength: 1 }),
    respell: fc.constantFrom("Gemeete", "Aanpk", "Respondnet", "Rool", "Gemeente_", "Role"),
    // At least one question code, so the header row is never empty: an empty first row would make
    // the next (junk) row the header, and then other columns than `drop` may be missing.
    codes: fc.subarray(CODES, { minLength: 1, maxLength: 8 }),
    rows: fc.array(fc.array(nastyValue, { maxLength: 14 }), { maxLength: 6 }),
    extra: fc.array(junkHeader, { maxLength: 3 }),
  })
  .map((s) => {
    const header: CellValue[] = [...KEY_COLUMNS.filter((k) => !s.drop.includes(k)), s.respell, ...s.codes, ...s.extra].filter(
      (h) => !(typeof h === "string" && s.drop.some((d) => labelKey(d) === labelKey(h))),
    );
    return { sheet: { name: "Antwoorden", values: [header, ...s.rows] }, missing: s.drop };
  });
