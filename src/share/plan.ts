/**
 * What goes into the share copy ("Deel met gemeente") for one gemeente, as data: its factsheet(s),
 * laid out by the factsheet layout from name-free results (see redact.ts), its row(s) of the overview,
 * and — only when the analyst asks for it — the free-text explanations. Plus the file name and the
 * document properties. Pure: no I/O, no ExcelJS; `writeShare` (workbook.ts) renders a plan.
 */
import { factsheetLayout } from "../layout/factsheet";
import { OVERVIEW_SHEET } from "../layout/sheets";
import { indicatorPlaces, labelKey, NOTE_SUFFIX } from "../scoring";
import type { Approach, ApproachResult, CellValue, Framework, GemeenteContext } from "../scoring";
import { shareFileName, shareTitle, xmlSafe } from "./names";
import { overviewLayout, overviewLegend, overviewRow } from "./overview";
import { redactResult, respondentAliases, resultsOf } from "./redact";

export interface ShareOptions {
  /**
   * Keep the netwerkpartners' organisation names in the factsheet ("Ondervraagd: … (CJG, Icare)"),
   * as the published STJ factsheets do. Default false: "partner A", "partner B". The name of the
   * gemeente's own respondent and of the documents row never appear.
   */
  keepPartnerNames?: boolean;
  /** Add a sheet "Toelichting" with the respondents' free-text explanations and text answers. Default false. */
  includeNotes?: boolean;
  /** The share date: the month in the file name, the workbook's created/modified. Default now. */
  date?: Date;
}

export interface ShareInput {
  /** The gemeente to share with (matched without regard to case and spacing). */
  gemeente: string;
  framework: Framework;
  /** Scoring results; only those of `gemeente` are used. */
  results: readonly ApproachResult[];
  /** Context per gemeente (the Context sheet); only that of `gemeente` is used. */
  contexts?: readonly GemeenteContext[];
  /** The answers as read; only needed with `includeNotes`. */
  approaches?: readonly Approach[];
}

/** A plain table sheet: values only, bold rows, column widths. */
export interface TableSheet {
  kind: "table";
  name: string;
  rows: CellValue[][];
  widths: number[];
  /** Zero-based rows shown bold (headers). */
  boldRows: number[];
  /** Zero-based columns with wrapped text. */
  wrapColumns: number[];
  /** Rows and columns (zero-based, inclusive) whose ✓ / ✗ / ? cells get the verdict's fill colour. */
  symbols?: { top: number; bottom: number; left: number; right: number };
}

/** The factsheet layout model, whatever its details (src/layout). */
export type FactsheetLayout = ReturnType<typeof factsheetLayout>;

export interface FactsheetSheet {
  kind: "factsheet";
  layout: FactsheetLayout;
}

export type ShareSheet = FactsheetSheet | TableSheet;

export interface ShareProperties {
  title: string;
  subject: string;
  creator: string;
  lastModifiedBy: string;
  company: string;
  manager: string;
  keywords: string;
  description: string;
  category: string;
  created: Date;
  modified: Date;
}

export interface SharePlan {
  /** The gemeente as written in the answers. */
  gemeente: string;
  title: string;
  fileName: string;
  date: Date;
  sheets: ShareSheet[];
  properties: ShareProperties;
  /** Organisation names of netwerkpartners that are in the copy (only with keepPartnerNames). */
  partnerNames: string[];
  /** Number of approaches shared. */
  approaches: number;
}

/** The gemeente has no approach in the results. */
export class ShareError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ShareError";
  }
}

export { OVERVIEW_SHEET };
export const NOTES_SHEET = "Toelichting";

const MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

/** "maart 2024". */
export function dutchMonth(date: Date): string {
  return `${MONTHS[date.getMonth()]} ${date.getFullYear()}`;
}

function contextOf(contexts: readonly GemeenteContext[] | undefined, gemeente: string): GemeenteContext | undefined {
  const c = contexts?.find((x) => labelKey(x.gemeente) === labelKey(gemeente));
  if (!c) return undefined;
  const approaches: GemeenteContext["approaches"] = {};
  for (const [name, a] of Object.entries(c.approaches)) {
    approaches[xmlSafe(name)] = { ...(a.beschrijving !== undefined ? { beschrijving: xmlSafe(a.beschrijving) } : {}), ...(a.aantalGezinnen !== undefined ? { aantalGezinnen: a.aantalGezinnen } : {}) };
  }
  const out: GemeenteContext = { gemeente: xmlSafe(c.gemeente), approaches };
  if (c.inwoners !== undefined) out.inwoners = c.inwoners;
  if (c.meerpersoonshuishoudens !== undefined) out.meerpersoonshuishoudens = c.meerpersoonshuishoudens;
  if (c.peildatum !== undefined) out.peildatum = xmlSafe(c.peildatum);
  if (c.beschrijving !== undefined) out.beschrijving = xmlSafe(c.beschrijving);
  return out;
}

function overviewSheet(results: readonly ApproachResult[], fw: Framework): TableSheet {
  const layout = overviewLayout(fw);
  const rows: CellValue[][] = [layout.header, ...results.map((r) => overviewRow(r, fw, layout)), []];
  const symbols = { top: 1, bottom: results.length, left: layout.firstIndicator, right: layout.header.length - 1 };
  const legendStart = rows.length;
  rows.push(...overviewLegend(fw));
  const widths = layout.widths.slice();
  // The legend's indicator texts sit in column B (Aanpak): wide enough for both.
  widths[1] = Math.max(widths[1], 60);
  return { kind: "table", name: OVERVIEW_SHEET, rows, widths, boldRows: [0, legendStart, legendStart + 5], wrapColumns: [1], symbols };
}

/** The free-text explanations and text answers (only with includeNotes), aliased like the factsheet. */
function notesSheet(approaches: readonly Approach[], fw: Framework, options: ShareOptions): TableSheet {
  const rows: CellValue[][] = [["Aanpak", "Indicator", "Vraag", "Respondent", "Rol", "Toelichting"]];
  const order = new Map(indicatorPlaces(fw).map((p, i) => [p.indicator.code, i]));
  const indicatorOfQuestion = new Map<string, string>();
  for (const p of indicatorPlaces(fw)) for (const q of p.indicator.questions) indicatorOfQuestion.set(q.code, p.indicator.code);
  for (const a of approaches) {
    const aliases = respondentAliases(a.respondents, options);
    const lines: { key: number; row: CellValue[] }[] = [];
    for (const r of a.respondents) {
      const who = aliases.get(r.name) ?? "";
      for (const [code, text] of Object.entries(r.notes)) {
        lines.push({ key: order.get(code) ?? 1e9, row: [xmlSafe(a.name), code, `${code}${NOTE_SUFFIX}`, who, r.role, xmlSafe(text)] });
      }
      for (const [q, answer] of Object.entries(r.answers)) {
        if (answer?.kind !== "tekst") continue;
        const code = indicatorOfQuestion.get(q) ?? "";
        lines.push({ key: order.get(code) ?? 1e9, row: [xmlSafe(a.name), code, q, who, r.role, xmlSafe(answer.value)] });
      }
    }
    lines.sort((x, y) => x.key - y.key);
    rows.push(...lines.map((l) => l.row));
  }
  if (rows.length === 1) rows.push(["", "", "", "", "", "Er zijn geen toelichtingen."]);
  return { kind: "table", name: NOTES_SHEET, rows, widths: [28, 10, 18, 22, 15, 90], boldRows: [0], wrapColumns: [0, 5] };
}

/** The share copy of `input.gemeente`. Throws {@link ShareError} when the gemeente has no approach. */
export function planShare(input: ShareInput, options: ShareOptions = {}): SharePlan {
  const date = options.date ?? new Date();
  const mine = resultsOf(input.results, input.gemeente);
  if (mine.length === 0) throw new ShareError(`gemeente '${input.gemeente}' heeft geen aanpak in de resultaten.`);
  const redacted = mine.map((r) => redactResult(r, options));
  const gemeente = redacted[0].gemeente;
  const title = shareTitle(gemeente);
  const context = contextOf(input.contexts, gemeente);
  // One factsheet for the gemeente, with a section per approach (the factsheet layout's choice).
  const layout = factsheetLayout(redacted, { framework: input.framework, context, takenNames: [OVERVIEW_SHEET, NOTES_SHEET], month: dutchMonth(date) });
  const sheets: ShareSheet[] = [{ kind: "factsheet", layout }];
  sheets.push(overviewSheet(redacted, input.framework));
  if (options.includeNotes) {
    const key = labelKey(gemeente);
    const approaches = (input.approaches ?? []).filter((a) => labelKey(a.gemeente) === key);
    sheets.push(notesSheet(approaches, input.framework, options));
  }
  const partnerNames = options.keepPartnerNames
    ? [...new Set(redacted.flatMap((r) => r.respondents.filter((x) => x.role === "netwerkpartner").map((x) => x.name)))]
    : [];
  return {
    gemeente,
    title,
    fileName: shareFileName(gemeente, date),
    date,
    sheets,
    partnerNames,
    approaches: redacted.length,
    properties: {
      title,
      subject: "Toezichtonderzoek gezinnen met geringe sociale redzaamheid (GGSR)",
      creator: "STJ Toets",
      lastModifiedBy: "STJ Toets",
      company: "",
      manager: "",
      keywords: "",
      description: "",
      category: "",
      created: date,
      modified: date,
    },
  };
}
