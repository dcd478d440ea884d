/**
 * An in-memory {@link StudyWorkbook} for component tests: sheets are value grids (plus what the specs
 * said about formats, validations and fills), selections and settings are recorded. It mimics what
 * matters of Excel: names compare case-insensitively, empty cells read as null, a written sheet keeps
 * its place.
 */
import type { CellValue, SheetData } from "../../src/scoring";
import type { FactsheetOutcome, FactsheetRequest, OverviewRequest, Progress, SheetSpec, StudyWorkbook, WorkbookSummary } from "../../src/taskpane/port";

export interface FakeSheet {
  name: string;
  values: CellValue[][];
  spec?: SheetSpec;
}

const lower = (s: string) => s.toLocaleLowerCase("nl");

export class FakeWorkbook implements StudyWorkbook {
  sheets: FakeSheet[] = [];
  selections: { sheet: string; address: string }[] = [];
  settings = new Map<string, string>();
  writes: string[][] = [];
  factsheetRequests: FactsheetRequest[] = [];
  overviewRequests: OverviewRequest[] = [];
  /** Delay per write, to observe progress. */
  delay = 0;
  writeFactsheets: ((request: FactsheetRequest, progress?: Progress) => Promise<FactsheetOutcome>) | null = async (request, progress) => {
    this.factsheetRequests.push(request);
    const names: string[] = [];
    request.groups.forEach((g, i) => {
      const base = `Factsheet ${g.gemeente}`;
      const existing = this.sheet(base);
      if (existing && request.replace.some((r) => lower(r) === lower(base))) existing.name = `${existing.name} (oud)`;
      let name = base;
      for (let n = 2; this.sheet(name); n++) name = `${base} (${n})`;
      this.sheets.push({ name, values: [[`Uitkomsten toezichtonderzoek ${g.gemeente}`]] });
      names.push(name);
      progress?.(i + 1, request.groups.length);
    });
    return { sheets: names };
  };
  writeOverview: ((request: OverviewRequest, progress?: Progress) => Promise<FactsheetOutcome>) | null = async (request) => {
    this.overviewRequests.push(request);
    const existing = this.sheet("Overzicht");
    if (existing) existing.name = "Overzicht (oud)";
    this.sheets.push({ name: "Overzicht", values: [["Overzicht"]] });
    return { sheets: ["Overzicht"] };
  };

  constructor(sheets: Record<string, CellValue[][]> = {}) {
    for (const [name, values] of Object.entries(sheets)) this.sheets.push({ name, values });
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => lower(s.name) === lower(name));
  }

  async summary(headersOf: readonly string[] = []): Promise<WorkbookSummary> {
    const wanted = new Set(headersOf.map(lower));
    return {
      sheets: this.sheets.map((s) => {
        let rows = 0;
        let columns = 0;
        s.values.forEach((r, i) => {
          const last = lastFilled(r);
          if (last >= 0) {
            rows = i + 1;
            columns = Math.max(columns, last + 1);
          }
        });
        return { name: s.name, rows, columns, ...(wanted.has(lower(s.name)) ? { header: (s.values[0] ?? []).slice(0, lastFilled(s.values[0] ?? []) + 1) } : {}) };
      }),
      answersTable: false,
    };
  }

  async readSheets(names: readonly string[], progress?: Progress): Promise<Record<string, SheetData | null>> {
    const out: Record<string, SheetData | null> = {};
    names.forEach((n, i) => {
      const s = this.sheet(n);
      out[n] = s ? { name: s.name, values: trim(s.values), merges: [], origin: { row: 0, col: 0 } } : null;
      progress?.(i + 1, names.length);
    });
    return out;
  }

  async writeSheets(specs: readonly SheetSpec[], progress?: Progress): Promise<void> {
    this.writes.push(specs.map((s) => s.name));
    let i = 0;
    for (const spec of specs) {
      if (this.delay) await new Promise((r) => setTimeout(r, this.delay));
      const values = spec.values.map((r) => r.map((v) => (v === "" || v === undefined ? null : v)));
      const existing = this.sheet(spec.name);
      if (existing) {
        existing.values = values;
        existing.spec = spec;
      } else this.sheets.push({ name: spec.name, values, spec });
      progress?.(++i, specs.length);
    }
  }

  async select(sheet: string, address: string): Promise<void> {
    this.selections.push({ sheet, address });
  }

  getSetting(key: string): string | undefined {
    return this.settings.get(key);
  }

  async setSetting(key: string, value: string): Promise<void> {
    this.settings.set(key, value);
  }
}

function lastFilled(row: CellValue[]): number {
  for (let c = row.length - 1; c >= 0; c--) if (row[c] !== null && row[c] !== undefined && row[c] !== "") return c;
  return -1;
}

function trim(values: CellValue[][]): CellValue[][] {
  const out = values.map((r) => r.map((v) => (v === "" || v === undefined ? null : v)));
  while (out.length > 0 && lastFilled(out[out.length - 1]) < 0) out.pop();
  return out;
}
