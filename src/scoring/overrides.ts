/**
 * Reads the optional "Aanpassingen" sheet: the analyst's overrides of computed verdicts or findings.
 * One row per override: Gemeente | Aanpak | Indicator | Oordeel | Tekst | Reden | Door | Datum.
 * Oordeel (voldoet / verbeterpunt / onvoldoende informatie) and Tekst are optional, but at least one
 * must be given; Reden is required, because every change of a computed verdict must be explained.
 *
 * Rows with a problem are reported (Dutch, naming sheet and cell) and not applied; valid rows are.
 */
import { sheetFrame } from "./answers";
import { findIndicator, indicators } from "./framework/walk";
import { cellErrorCode, cellText, closest, isBlank, labelKey } from "./normalise";
import { overrideKey, VERDICT_TEXT } from "./score";
import type { Approach, CellValue, Framework, Issue, Override, SheetData, Verdict } from "./types";

export const OVERRIDES_SHEET = "Aanpassingen";
export const OVERRIDE_COLUMNS = ["Gemeente", "Aanpak", "Indicator", "Oordeel", "Tekst", "Reden", "Door", "Datum"] as const;
type OverrideColumn = (typeof OVERRIDE_COLUMNS)[number];
const REQUIRED_COLUMNS: OverrideColumn[] = ["Gemeente", "Aanpak", "Indicator", "Reden"];

/** What the reader may check the overrides against; both are optional. */
export interface OverrideChecks {
  /** Indicator codes are checked against this framework. */
  framework?: Framework;
  /** Gemeente and Aanpak are checked against these approaches (a row that matches none is a warning). */
  approaches?: readonly Approach[];
}

const VERDICT_WORDS: Record<string, Verdict> = {
  voldoet: "voldoet",
  verbeterpunt: "verbeterpunt",
  "voldoet niet": "verbeterpunt",
  onvoldoende: "onvoldoende",
  "onvoldoende informatie": "onvoldoende",
};

/** "✓ voldoet", "voldoet", "✗ verbeterpunt", "? onvoldoende informatie" (as in the Resultaten sheet). */
export function parseVerdict(v: CellValue): { ok: true; verdict: Verdict | undefined } | { ok: false; problem: string } {
  const err = cellErrorCode(v);
  if (err) return { ok: false, problem: `bevat de foutwaarde ${err}` };
  if (isBlank(v)) return { ok: true, verdict: undefined };
  const t = cellText(v);
  const k = labelKey(t.replace(/^[✓✗?]\s*/, ""));
  const verdict = VERDICT_WORDS[k];
  if (verdict) return { ok: true, verdict };
  const hint = closest(k, Object.values(VERDICT_TEXT));
  return {
    ok: false,
    problem: `'${t}' is geen oordeel; verwacht voldoet, verbeterpunt of onvoldoende informatie (of laat de cel leeg om alleen de tekst aan te passen).${hint ? ` Bedoelt u '${hint}'?` : ""}`,
  };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** A date cell or text (2024-03-01, 2024-03-01T10:00, 1-3-2024, 01-03-2024 10:00) as ISO text; null when it is no date. */
export function parseDate(v: CellValue): string | null {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return null;
    const iso = v.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.replace(/\.000Z$/, "Z");
  }
  const t = cellText(v);
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(t);
  let y: number, mo: number, d: number;
  let time = "";
  if (m) {
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (m[4] !== undefined) time = `T${pad(Number(m[4]))}:${m[5]}${m[6] ? `:${m[6]}` : ""}${m[7] ?? ""}`;
  } else {
    m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?: (\d{1,2}):(\d{2}))?$/.exec(t);
    if (!m) return null;
    [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (m[4] !== undefined) time = `T${pad(Number(m[4]))}:${m[5]}`;
  }
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return `${y}-${pad(mo)}-${pad(d)}${time}`;
}

export function readOverrides(sheet: SheetData, checks: OverrideChecks = {}): { overrides: Override[]; issues: Issue[] } {
  const { issues, r0, at, values: v, headerRow: h } = sheetFrame(sheet);
  if (h < 0) return { overrides: [], issues: [] };

  const idx = new Map<OverrideColumn, number>();
  v[h].forEach((cell, c) => {
    const err = cellErrorCode(cell);
    if (err) {
      issues.add("fout", "header-error", at(h, c), `de kop bevat de foutwaarde ${err}; verwacht een kolomnaam.`);
      return;
    }
    const t = cellText(cell);
    if (!t) return;
    const col = OVERRIDE_COLUMNS.find((k) => labelKey(k) === labelKey(t));
    if (col && !idx.has(col)) idx.set(col, c);
    else {
      const hint = col ? null : closest(t, OVERRIDE_COLUMNS);
      issues.add(
        "fout",
        col ? "duplicate-column" : "unknown-column",
        at(h, c),
        `${col ? "dubbele" : "onbekende"} kolom '${t}'.${hint ? ` Bedoelt u '${hint}'?` : ""} Toegestaan: ${OVERRIDE_COLUMNS.join(", ")}. De kolom wordt niet gelezen.`,
      );
    }
  });
  const missing = REQUIRED_COLUMNS.filter((k) => !idx.has(k));
  if (missing.length > 0) {
    issues.add(
      "fout",
      "missing-column",
      at(h, 0),
      `de kopregel (rij ${r0 + h + 1}) mist de kolom${missing.length > 1 ? "men" : ""} ${missing.map((k) => `'${k}'`).join(", ")}; de aanpassingen worden niet gelezen.`,
    );
    return { overrides: [], issues: issues.items };
  }
  if (!idx.has("Oordeel") && !idx.has("Tekst")) {
    issues.add("fout", "missing-column", at(h, 0), "de kolommen 'Oordeel' en 'Tekst' ontbreken allebei; een aanpassing heeft minstens één van beide nodig. De aanpassingen worden niet gelezen.");
    return { overrides: [], issues: issues.items };
  }

  const knownCodes = checks.framework ? indicators(checks.framework).map((i) => i.code) : null;
  const approachKeys = checks.approaches ? new Set(checks.approaches.map((a) => `${labelKey(a.gemeente)}\u0000${labelKey(a.name)}`)) : null;
  const seen = new Map<string, number>();
  const overrides: Override[] = [];

  for (let r = h + 1; r < v.length; r++) {
    const row = v[r];
    if (!row || row.every(isBlank)) continue;
    const sheetRow = r0 + r + 1;
    const col = (k: OverrideColumn) => idx.get(k);
    const get = (k: OverrideColumn): CellValue => (col(k) === undefined ? undefined : row[col(k)!]);
    let ok = true;
    /** Text of a cell; error values and (for names) dates are reported. */
    const text = (k: OverrideColumn, required: boolean): string => {
      const c = col(k);
      if (c === undefined) return "";
      const cell = row[c];
      const err = cellErrorCode(cell);
      if (err) {
        issues.add("fout", "error-value", at(r, c), `${k} bevat de foutwaarde ${err}; rij ${sheetRow} wordt niet toegepast.`);
        ok = false;
        return "";
      }
      const t = cell instanceof Date ? "" : typeof cell === "string" ? cell.trim() : cellText(cell);
      if (required && t === "") {
        issues.add(
          "fout",
          "missing-value",
          at(r, c),
          k === "Reden"
            ? `Reden is leeg; elke aanpassing moet een reden hebben. Rij ${sheetRow} wordt niet toegepast.`
            : `${k} is leeg; rij ${sheetRow} wordt niet toegepast.`,
        );
        ok = false;
      }
      return t;
    };
    const gemeente = cellText(text("Gemeente", true));
    const aanpak = cellText(text("Aanpak", true));
    let indicator = cellText(text("Indicator", true)).toUpperCase();
    if (indicator && knownCodes) {
      const place = findIndicator(checks.framework!, indicator);
      if (place) indicator = place.indicator.code;
      else {
        const hint = closest(indicator, knownCodes);
        issues.add(
          "fout",
          "unknown-indicator",
          at(r, col("Indicator")!),
          `onbekende indicator '${indicator}'.${hint ? ` Bedoelt u '${hint}'?` : ""} Gebruik een code uit het toetsingskader (${knownCodes[0]} … ${knownCodes[knownCodes.length - 1]}). Rij ${sheetRow} wordt niet toegepast.`,
        );
        ok = false;
      }
    }
    let verdict: Verdict | undefined;
    if (col("Oordeel") !== undefined) {
      const p = parseVerdict(get("Oordeel"));
      if (p.ok) verdict = p.verdict;
      else {
        issues.add("fout", "invalid-verdict", at(r, col("Oordeel")!), `${p.problem} Rij ${sheetRow} wordt niet toegepast.`);
        ok = false;
      }
    }
    const tekst = text("Tekst", false);
    const reason = text("Reden", true);
    const author = cellText(text("Door", false));
    let date: string | undefined;
    if (col("Datum") !== undefined && !isBlank(get("Datum"))) {
      const err = cellErrorCode(get("Datum"));
      const parsed = err ? null : parseDate(get("Datum"));
      if (parsed) date = parsed;
      else
        issues.add(
          "waarschuwing",
          "invalid-date",
          at(r, col("Datum")!),
          `${err ? `Datum bevat de foutwaarde ${err}` : `'${cellText(get("Datum"))}' is geen datum`}; schrijf bijvoorbeeld 2024-03-01 of 1-3-2024. De aanpassing wordt wel toegepast, zonder datum.`,
        );
    }
    if (!ok) continue;
    if (verdict === undefined && tekst === "") {
      issues.add(
        "fout",
        "empty-override",
        at(r, col("Oordeel") ?? col("Tekst")!),
        `rij ${sheetRow} geeft geen oordeel en geen tekst; vul Oordeel en/of Tekst in. Rij ${sheetRow} wordt niet toegepast.`,
      );
      continue;
    }
    const key = overrideKey(gemeente, aanpak, indicator);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      issues.add(
        "fout",
        "duplicate-override",
        at(r, col("Indicator")!),
        `indicator ${indicator} van aanpak '${aanpak}' (${gemeente}) is al aangepast op rij ${earlier}; alleen die eerste aanpassing wordt toegepast.`,
      );
      continue;
    }
    seen.set(key, sheetRow);
    if (approachKeys && !approachKeys.has(`${labelKey(gemeente)}\u0000${labelKey(aanpak)}`)) {
      issues.add(
        "waarschuwing",
        "unknown-approach",
        at(r, col("Aanpak")!),
        `er is geen aanpak '${aanpak}' van gemeente '${gemeente}' in de antwoorden; deze aanpassing wordt niet gebruikt. Controleer de spelling.`,
      );
    }
    const o: Override = { gemeente, approach: aanpak, indicator, reason };
    if (verdict !== undefined) o.verdict = verdict;
    if (tekst !== "") o.text = tekst;
    if (author !== "") o.author = author;
    if (date !== undefined) o.date = date;
    overrides.push(o);
  }
  return { overrides, issues: issues.items };
}

/** The "Aanpassingen" sheet for these overrides: header plus one row each; `readOverrides` reads it back. */
export function overridesToSheet(overrides: readonly Override[]): CellValue[][] {
  return [
    [...OVERRIDE_COLUMNS],
    ...overrides.map((o) => [
      o.gemeente,
      o.approach,
      o.indicator,
      o.verdict ? VERDICT_TEXT[o.verdict] : "",
      o.text ?? "",
      o.reason,
      o.author ?? "",
      o.date ?? "",
    ]),
  ];
}
