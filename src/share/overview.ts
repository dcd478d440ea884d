/**
 * The overview: one row per approach with its counts, its verbeterpunten per theme and the verdict
 * symbol of every indicator. The national overview ("Landelijk overzicht") has a row for every
 * approach; a gemeente's share copy has its own row(s). Values only, names of respondents never.
 * Pure: no I/O, no ExcelJS.
 */
import { indicatorPlaces, SYMBOL, VERDICT_TEXT } from "../scoring";
import type { ApproachResult, CellValue, Framework, Verdict } from "../scoring";
import { xmlSafe } from "./names";

export interface OverviewLayout {
  header: string[];
  widths: number[];
  /** Zero-based index of the first indicator column. */
  firstIndicator: number;
  codes: string[];
}

const FIXED = ["Gemeente", "Aanpak", "Voldoet", "Waarvan met LET OP", "Verbeterpunten", "Onvoldoende informatie"];

export function overviewLayout(fw: Framework): OverviewLayout {
  const codes = indicatorPlaces(fw).map((p) => p.indicator.code);
  const themes = fw.themes.map((t) => `Verbeterpunten ${t.name}`);
  const header = [...FIXED, ...themes, ...codes];
  const widths = [18, 28, 9, 10, 13, 13, ...themes.map(() => 14), ...codes.map((c) => Math.max(5, c.length + 2))];
  return { header, widths, firstIndicator: FIXED.length + themes.length, codes };
}

/** The overview row of one approach (values only). */
export function overviewRow(r: ApproachResult, fw: Framework, layout: OverviewLayout = overviewLayout(fw)): CellValue[] {
  const indicators = r.indicators; // built anew on each read: once here
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const perTheme = fw.themes.map((t) => indicators.filter((i) => i.theme === t.name && i.verdict === "verbeterpunt").length);
  return [
    xmlSafe(r.gemeente),
    xmlSafe(r.approach),
    r.counts.voldoet,
    r.counts.letOp,
    r.counts.verbeterpunt,
    r.counts.onvoldoende,
    ...perTheme,
    ...layout.codes.map((c) => {
      const i = byCode.get(c);
      return i ? SYMBOL[i.verdict] : "";
    }),
  ];
}

/** The legend under an overview: what the symbols mean, and every code with its indicator. */
export function overviewLegend(fw: Framework): CellValue[][] {
  const rows: CellValue[][] = [
    ["Legenda"],
    [SYMBOL.voldoet, VERDICT_TEXT.voldoet],
    [SYMBOL.verbeterpunt, VERDICT_TEXT.verbeterpunt],
    [SYMBOL.onvoldoende, VERDICT_TEXT.onvoldoende],
    [],
    ["Code", "Indicator", "Thema", "Criterium"],
  ];
  for (const p of indicatorPlaces(fw)) rows.push([p.indicator.code, xmlSafe(p.indicator.text), xmlSafe(p.theme.name), xmlSafe(p.criterion.name)]);
  return rows;
}

/** Per indicator, how many approaches got which verdict (the national "Per indicator" sheet). */
export class IndicatorTally {
  private readonly counts = new Map<string, Record<Verdict | "letOp", number>>();
  approaches = 0;
  constructor(private readonly fw: Framework) {
    for (const p of indicatorPlaces(fw)) this.counts.set(p.indicator.code, { voldoet: 0, verbeterpunt: 0, onvoldoende: 0, letOp: 0 });
  }

  add(r: ApproachResult): void {
    this.approaches++;
    for (const i of r.indicators) {
      const c = this.counts.get(i.code);
      if (!c) continue;
      c[i.verdict]++;
      if (i.verdict === "voldoet" && i.letOp) c.letOp++;
    }
  }

  static readonly HEADER = ["Code", "Indicator", "Thema", "Voldoet", "Waarvan met LET OP", "Verbeterpunt", "Onvoldoende informatie", "Aandeel verbeterpunt"];

  rows(): CellValue[][] {
    return indicatorPlaces(this.fw).map((p) => {
      const c = this.counts.get(p.indicator.code)!;
      const total = c.voldoet + c.verbeterpunt + c.onvoldoende;
      return [p.indicator.code, xmlSafe(p.indicator.text), xmlSafe(p.theme.name), c.voldoet, c.letOp, c.verbeterpunt, c.onvoldoende, total ? c.verbeterpunt / total : null];
    });
  }
}
