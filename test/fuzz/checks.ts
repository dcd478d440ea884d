/** The rules every issue of a sheet reader must follow (shared by the fuzz tests). */
import { parseAddress, parseRange } from "../../src/scoring";
import type { Issue, SheetData } from "../../src/scoring";

const A1 = /^[A-Z]{1,3}[1-9]\d*$/;
const SEVERITIES = new Set(["fout", "waarschuwing"]);
/** Words that every Dutch message of the reader has at least one of. */
const DUTCH = /\b(de|het|een|is|niet|geen|van|wordt|worden|kolom|rij|verwacht|staat|heeft|bevat|leeg|alleen|toegestaan|blad)\b/i;

const dims = new WeakMap<SheetData, { width: number; height: number }>();

/** The rules every issue must follow; returns a description of the first broken rule, or null. */
export function badIssue(issue: Issue, sheet: SheetData, inside = true): string | null {
  const name = sheet.name;
  const r0 = sheet.origin?.row ?? 0;
  const c0 = sheet.origin?.col ?? 0;
  let d = dims.get(sheet);
  if (!d) {
    let width = 1;
    for (const r of sheet.values) if (r && r.length > width) width = r.length;
    d = { width, height: Math.max(1, sheet.values.length) };
    dims.set(sheet, d);
  }
  const { width, height } = d;
  if (issue.sheet !== name) return `sheet ${issue.sheet}`;
  if (!SEVERITIES.has(issue.severity)) return `severity ${issue.severity}`;
  if (!/^[a-z]+(-[a-z]+)*$/.test(issue.code)) return `code ${issue.code}`;
  const prefix = issue.cell === "" ? `${name}: ` : `${name}!${issue.cell}: `;
  if (!issue.message.startsWith(prefix)) return `message does not start with '${prefix}': ${issue.message.slice(0, 80)}`;
  const text = issue.message.slice(prefix.length);
  if (text.trim() === "" || !DUTCH.test(text)) return `not a Dutch message: ${text.slice(0, 80)}`;
  if (text.includes("[object Object]")) return `message with [object Object]: ${text.slice(0, 80)}`;
  if (issue.cell === "") return null;
  const parts = issue.cell.split(":");
  if (parts.length > 2 || !parts.every((p) => A1.test(p))) return `cell ${issue.cell}`;
  if (parts.length === 2) return (sheet.merges ?? []).includes(issue.cell) && parseRange(issue.cell) ? null : `range ${issue.cell} is not a merged area`;
  const a = parseAddress(issue.cell)!;
  if (!inside) return null;
  if (a.row < r0 || a.col < c0 || a.row >= r0 + height || a.col >= c0 + width) return `cell ${issue.cell} outside the sheet`;
  return null;
}

/** `inside`: single cells must lie in the values' area (not for the CSV reader, which drops trailing empty rows). */
export function expectGoodIssues(issues: Issue[], sheet: SheetData, inside = true): void {
  for (const i of issues) {
    const bad = badIssue(i, sheet, inside);
    if (bad) throw new Error(`${bad}\n${JSON.stringify(i).slice(0, 300)}`);
  }
}

