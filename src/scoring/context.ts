/**
 * Reads the optional "Context" sheet: one row per gemeente (Aanpak empty) with CBS facts and a context
 * text, and one row per approach (Aanpak filled) with its description and number of families.
 */
import { sheetFrame } from "./answers";
import { cellErrorCode, cellText, closest, isBlank, labelKey, parseWholeNumber } from "./normalise";
import type { CellValue, GemeenteContext, Issue, SheetData } from "./types";

/** The optional sheet with facts per gemeente. */
export const CONTEXT_SHEET = "Context";
export const CONTEXT_COLUMNS = ["Gemeente", "Aanpak", "Inwoners", "Meerpersoonshuishoudens", "Peildatum", "Beschrijving", "Aantal gezinnen"] as const;
type ContextColumn = (typeof CONTEXT_COLUMNS)[number];

/** The context of an approach, matched without regard to case and spacing. */
export function approachContext(ctx: GemeenteContext | undefined, aanpak: string): { beschrijving?: string; aantalGezinnen?: number } | undefined {
  if (!ctx) return undefined;
  const k = labelKey(aanpak);
  const name = Object.keys(ctx.approaches).find((a) => labelKey(a) === k);
  return name === undefined ? undefined : ctx.approaches[name];
}

export function readContext(sheet: SheetData): { contexts: GemeenteContext[]; issues: Issue[] } {
  const { issues, r0, at, values: v, headerRow: h } = sheetFrame(sheet);
  const contexts = new Map<string, GemeenteContext>();
  if (h < 0) return { contexts: [], issues: [] };
  const idx = new Map<ContextColumn, number>();
  v[h].forEach((cell, c) => {
    const t = cellText(cell);
    if (!t) return;
    const col = CONTEXT_COLUMNS.find((k) => labelKey(k) === labelKey(t));
    if (col && !idx.has(col)) idx.set(col, c);
    else {
      const hint = closest(t, CONTEXT_COLUMNS);
      issues.add("fout", "unknown-column", at(h, c), `onbekende of dubbele kolom '${t}'.${hint ? ` Bedoelt u '${hint}'?` : ""} Toegestaan: ${CONTEXT_COLUMNS.join(", ")}. De kolom wordt niet gelezen.`);
    }
  });
  if (!idx.has("Gemeente")) {
    issues.add("fout", "missing-column", at(h, 0), "de kolom 'Gemeente' ontbreekt; de context kan niet worden gelezen.");
    return { contexts: [], issues: issues.items };
  }
  const rowsSeen = new Map<string, number>();
  const get = (row: CellValue[], col: ContextColumn) => (idx.has(col) ? row[idx.get(col)!] : undefined);
  for (let r = h + 1; r < v.length; r++) {
    const row = v[r];
    if (!row || row.every(isBlank)) continue;
    const text = (col: ContextColumn): string => {
      const cell = get(row, col);
      const err = cellErrorCode(cell);
      if (err) {
        issues.add("fout", "error-value", at(r, idx.get(col)!), `bevat de foutwaarde ${err}; verwacht tekst.`);
        return "";
      }
      return cell instanceof Date ? cell.toISOString().slice(0, 10) : cellText(cell);
    };
    const num = (col: ContextColumn): number | undefined => {
      const p = parseWholeNumber(get(row, col));
      if (!p.ok) {
        issues.add("fout", "invalid-number", at(r, idx.get(col)!), `${col}: ${p.problem}.`);
        return undefined;
      }
      return p.value ?? undefined;
    };
    const gemeente = text("Gemeente");
    if (!gemeente) {
      issues.add("fout", "missing-key", at(r, idx.get("Gemeente")!), `Gemeente is leeg; rij ${r0 + r + 1} wordt niet meegenomen.`);
      continue;
    }
    const key = labelKey(gemeente);
    const ctx = contexts.get(key) ?? { gemeente, approaches: {} };
    contexts.set(key, ctx);
    const aanpak = text("Aanpak");
    const rowKey = `${key}\u0000${labelKey(aanpak)}`;
    const earlier = rowsSeen.get(rowKey);
    if (earlier !== undefined) {
      issues.add(
        "fout",
        "duplicate-context",
        at(r, idx.get(aanpak ? "Aanpak" : "Gemeente")!),
        `${aanpak ? `aanpak '${aanpak}'` : `gemeente '${gemeente}'`} staat al op rij ${earlier}; rij ${r0 + r + 1} wordt niet meegenomen.`,
      );
      continue;
    }
    rowsSeen.set(rowKey, r0 + r + 1);
    if (aanpak) {
      const a = { beschrijving: text("Beschrijving") || undefined, aantalGezinnen: num("Aantal gezinnen") };
      ctx.approaches[aanpak] = a;
    } else {
      ctx.inwoners = num("Inwoners") ?? ctx.inwoners;
      ctx.meerpersoonshuishoudens = num("Meerpersoonshuishoudens") ?? ctx.meerpersoonshuishoudens;
      ctx.peildatum = text("Peildatum") || ctx.peildatum;
      ctx.beschrijving = text("Beschrijving") || ctx.beschrijving;
    }
  }
  return { contexts: [...contexts.values()], issues: issues.items };
}
