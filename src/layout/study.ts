/**
 * All sheets of a study as layouts: the overview "Overzicht" and one factsheet per gemeente (with
 * every approach of that gemeente). Pure; both writers take this list.
 */
import { labelKey } from "../scoring";
import type { ApproachResult, Framework, GemeenteContext } from "../scoring";
import { factsheetLayout } from "./factsheet";
import type { SheetLayout } from "./model";
import { overviewLayout } from "./overview";

export interface StudyLayoutOptions {
  framework?: Framework;
  contexts?: readonly GemeenteContext[];
  /** Month and year on the title pages, e.g. "november 2026"; default the current month. */
  month?: string;
  /** Sheet names already in the workbook; the new names are made unique among them. */
  takenNames?: Iterable<string>;
  /** Include the overview sheet (default true). */
  overview?: boolean;
  /** Include the factsheets (default true). */
  factsheets?: boolean;
}

/** The results grouped per gemeente, in order of first appearance. */
export function byGemeente(results: readonly ApproachResult[]): ApproachResult[][] {
  const groups = new Map<string, ApproachResult[]>();
  for (const r of results) {
    const k = labelKey(r.gemeente);
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  return [...groups.values()];
}

export function studyLayouts(results: readonly ApproachResult[], options: StudyLayoutOptions = {}): SheetLayout[] {
  const taken = [...(options.takenNames ?? [])];
  const out: SheetLayout[] = [];
  if (options.overview !== false) {
    const o = overviewLayout(results, { framework: options.framework, month: options.month, takenNames: taken });
    taken.push(o.name);
    out.push(o);
  }
  if (options.factsheets !== false) {
    for (const group of byGemeente(results)) {
      const context = options.contexts?.find((c) => labelKey(c.gemeente) === labelKey(group[0].gemeente));
      const f = factsheetLayout(group, { framework: options.framework, context, month: options.month, takenNames: taken });
      taken.push(f.name);
      out.push(f);
    }
  }
  return out;
}
