/**
 * Reads the "Antwoorden" sheet: one row per respondent with Gemeente, Aanpak, Respondent, Rol, then one
 * column per question code (and optional "<CODE>_toelichting" columns). See docs/answer-sheet.md.
 *
 * Every problem becomes an {@link Issue} naming sheet and cell; valid rows and valid cells are still read.
 */
import { cellAddress, columnLetter, parseRange } from "./address";
import { allQuestions, indicators } from "./framework/walk";
import { cellErrorCode, cellText, closest, isBlank, labelKey, parseAnswer, parseRole, type Parsed } from "./normalise";
import { ROLES, type Answer, type AnswersRead, type Approach, type CellValue, type Framework, type Issue, type Question, type Respondent, type Role, type SheetData, type Severity } from "./types";

/** The sheet (or Excel table) with one row per respondent. */
export const ANSWERS_SHEET = "Antwoorden";
export const KEY_COLUMNS = ["Gemeente", "Aanpak", "Respondent", "Rol"] as const;
export const NOTE_SUFFIX = "_toelichting";
/** More than this many netwerkpartners per approach is reported (STJ asks at most three). */
export const MAX_PARTNERS = 3;

type Col =
  | { kind: "key"; key: (typeof KEY_COLUMNS)[number] }
  | { kind: "question"; question: Question; parse: (text: string) => Parsed }
  | { kind: "note"; indicator: string };

/** Distinct texts a column remembers the reading of; beyond this (free text) each cell is parsed. */
const MEMO_LIMIT = 4096;

/**
 * Reads the text cells of one question column, remembering the result per distinct text: a column
 * of 50,000 answers holds a handful of spellings. The answers are frozen, since respondents share them.
 */
function memoParser(q: Question): (text: string) => Parsed {
  const memo = new Map<string, Parsed>();
  return (text) => {
    let parsed = memo.get(text);
    if (parsed === undefined) {
      parsed = parseAnswer(text, q.type, q.options);
      if (parsed.ok && parsed.answer.kind === "meerkeuze") Object.freeze(parsed.answer.values);
      Object.freeze(parsed.ok ? parsed.answer : parsed);
      if (memo.size < MEMO_LIMIT) memo.set(text, parsed);
    }
    return parsed;
  };
}

export class IssueList {
  readonly items: Issue[] = [];
  constructor(readonly sheet: string) {}
  add(severity: Severity, code: string, cell: string, message: string): void {
    const where = cell ? `${this.sheet}!${cell}` : this.sheet;
    this.items.push({ severity, code, sheet: this.sheet, cell, message: `${where}: ${message}` });
  }
}

/** A problem text ends a sentence before the next one starts ("… weet niet. Het antwoord …"). */
function sentenceEnd(s: string): string {
  return /[.?!]$/.test(s) ? s : `${s}.`;
}

/** The header row is the first row with any content; returns -1 for an empty sheet. */
export function findHeaderRow(values: CellValue[][]): number {
  return values.findIndex((row) => row !== undefined && row.some((v) => !isBlank(v)));
}

/**
 * What every sheet reader starts from: its issue list, where the values sit on the sheet (`r0`,
 * `c0`: row and column of values[0][0]), the A1 address of a value, and the header row (-1 when
 * the sheet is empty).
 */
export function sheetFrame(sheet: SheetData) {
  const r0 = sheet.origin?.row ?? 0;
  const c0 = sheet.origin?.col ?? 0;
  return {
    issues: new IssueList(sheet.name),
    r0,
    c0,
    at: (r: number, c: number) => cellAddress(r0 + r, c0 + c),
    values: sheet.values,
    headerRow: findHeaderRow(sheet.values),
  };
}

export function readAnswers(sheet: SheetData, framework: Framework): AnswersRead {
  const { issues, r0, c0, at, values, headerRow } = sheetFrame(sheet);
  const questions = allQuestions(framework);
  const codes = new Map(questions.map((q) => [labelKey(q.code), q]));
  const indicatorCodes = new Map(indicators(framework).map((i) => [labelKey(i.code), i.code]));

  if (headerRow < 0) {
    issues.add(
      "fout",
      "empty-sheet",
      "",
      `het blad is leeg. Verwacht een kopregel met ${KEY_COLUMNS.join(", ")} en de vraagcodes (bijvoorbeeld ${questions
        .slice(0, 2)
        .map((q) => q.code)
        .join(", ")}), en daaronder één rij per respondent.`,
    );
    return { approaches: [], issues: issues.items, missingQuestions: questions.map((q) => q.code) };
  }

  // --- header ------------------------------------------------------------------------------
  const header = values[headerRow];
  // A loop, not Math.max(...rows): spreading ~120,000 rows overflows the call stack.
  let width = 0;
  for (const r of values) if (r && r.length > width) width = r.length;
  const cols: (Col | null)[] = [];
  const seen = new Map<string, number>();
  const known = [...KEY_COLUMNS, ...questions.map((q) => q.code)];
  for (let c = 0; c < width; c++) {
    const v = header[c];
    const text = cellText(v);
    cols.push(null);
    if (cellErrorCode(v)) {
      issues.add("fout", "header-error", at(headerRow, c), `de kop bevat de foutwaarde ${cellErrorCode(v)}; verwacht een kolomnaam.`);
      continue;
    }
    if (text === "") {
      const hasData = values.some((row, r) => r > headerRow && row && !isBlank(row[c]));
      if (hasData) issues.add("fout", "no-header", at(headerRow, c), "deze kolom heeft geen kop maar wel gegevens; geef de kolom een vraagcode of maak hem leeg. De kolom wordt niet gelezen.");
      continue;
    }
    const key = labelKey(text);
    if (seen.has(key)) {
      issues.add("fout", "duplicate-column", at(headerRow, c), `kolom '${text}' staat er al (${at(headerRow, seen.get(key)!)}); alleen de eerste wordt gelezen.`);
      continue;
    }
    seen.set(key, c);
    const keyCol = KEY_COLUMNS.find((k) => labelKey(k) === key);
    if (keyCol) {
      cols[c] = { kind: "key", key: keyCol };
      continue;
    }
    const q = codes.get(key);
    if (q) {
      cols[c] = { kind: "question", question: q, parse: memoParser(q) };
      continue;
    }
    if (key.endsWith(labelKey(NOTE_SUFFIX).trim())) {
      const ind = indicatorCodes.get(key.slice(0, key.length - NOTE_SUFFIX.length).trim());
      if (ind) {
        cols[c] = { kind: "note", indicator: ind };
        continue;
      }
    }
    const hint = closest(text, known);
    issues.add(
      "fout",
      "unknown-column",
      at(headerRow, c),
      `onbekende kolom '${text}'.${hint ? ` Bedoelt u '${hint}'?` : ""} Toegestaan zijn ${KEY_COLUMNS.join(", ")}, de vraagcodes uit het toetsingskader en <indicator>${NOTE_SUFFIX}. De kolom wordt niet gelezen.`,
    );
  }
  const keyIndex = new Map<string, number>();
  cols.forEach((col, c) => {
    if (col?.kind === "key") keyIndex.set(col.key, c);
  });
  const missingKeys = KEY_COLUMNS.filter((k) => !keyIndex.has(k));
  if (missingKeys.length > 0) {
    issues.add(
      "fout",
      "missing-column",
      at(headerRow, 0),
      `de kopregel (rij ${r0 + headerRow + 1}) mist de kolom${missingKeys.length > 1 ? "men" : ""} ${missingKeys.map((k) => `'${k}'`).join(", ")}. Zonder deze kolommen kan geen respondent worden gelezen.`,
    );
    return { approaches: [], issues: issues.items, missingQuestions: [] };
  }
  const columns: Record<string, string> = {};
  cols.forEach((col, c) => {
    if (col?.kind === "question") columns[col.question.code] = columnLetter(c0 + c);
    else if (col?.kind === "note") columns[col.indicator + NOTE_SUFFIX] = columnLetter(c0 + c);
  });
  const present = new Set(cols.flatMap((c) => (c?.kind === "question" ? [c.question.code] : [])));
  const missingQuestions = questions.filter((q) => !present.has(q.code)).map((q) => q.code);
  if (missingQuestions.length > 0) {
    issues.add(
      "waarschuwing",
      "missing-questions",
      at(headerRow, 0),
      `geen kolom voor ${missingQuestions.length === 1 ? "vraag" : `${missingQuestions.length} vragen`} ${missingQuestions.join(", ")}; die gelden als niet beantwoord.`,
    );
  }

  // --- merged cells ----------------------------------------------------------------------------
  for (const m of sheet.merges ?? []) {
    const b = parseRange(m);
    if (!b) continue;
    if (b.bottom < r0 + headerRow) continue;
    issues.add(
      "fout",
      "merged-cells",
      m,
      "samengevoegde cellen. Maak de samenvoeging ongedaan en zet de waarde in elke rij en kolom apart; alleen de linkerbovencel wordt gelezen.",
    );
  }

  // --- rows ------------------------------------------------------------------------------------
  // Each respondent's answers start as a copy of its role's template: every question asked of the
  // role, in framework order, unanswered (undefined). Copying a template and filling in existing
  // keys keeps all respondents of a role on one compact object layout; an object that gets some 40
  // keys one by one turns into a hash table (about 2 KB per respondent), and building it from
  // [code, answer] pairs with Object.fromEntries was a quarter of the reading time (bench/score.ts).
  const templates = {} as Record<Role, Readonly<Record<string, undefined>>>;
  for (const role of ROLES) {
    templates[role] = Object.fromEntries(questions.filter((q) => q.roles.includes(role)).map((q) => [q.code, undefined]));
  }
  const byKey = new Map<string, Approach>();
  const order: Approach[] = [];
  const respondentRows = new Map<string, number>();
  const roleRows = new Map<string, number>();
  const ci = (k: (typeof KEY_COLUMNS)[number]) => keyIndex.get(k)!;

  for (let r = headerRow + 1; r < values.length; r++) {
    const row = values[r];
    if (!row || row.every((v) => isBlank(v))) continue;
    const sheetRow = r0 + r + 1;
    let rowOk = true;
    const keyText = (k: "Gemeente" | "Aanpak" | "Respondent"): string => {
      const v = row[ci(k)];
      const err = cellErrorCode(v);
      if (err) {
        issues.add("fout", "error-value", at(r, ci(k)), `bevat de foutwaarde ${err}; verwacht de naam van ${k === "Respondent" ? "de respondent" : `de ${k.toLowerCase()}`}. Rij ${sheetRow} wordt niet meegenomen.`);
        rowOk = false;
        return "";
      }
      if (v instanceof Date) {
        issues.add("fout", "invalid-key", at(r, ci(k)), `bevat een datum (${v.toISOString().slice(0, 10)}); verwacht de naam van ${k === "Respondent" ? "de respondent" : `de ${k.toLowerCase()}`}. Rij ${sheetRow} wordt niet meegenomen.`);
        rowOk = false;
        return "";
      }
      const t = cellText(v);
      if (t === "") {
        issues.add("fout", "missing-key", at(r, ci(k)), `${k} is leeg. Rij ${sheetRow} wordt niet meegenomen.`);
        rowOk = false;
      }
      return t;
    };
    const gemeente = keyText("Gemeente");
    const aanpak = keyText("Aanpak");
    const name = keyText("Respondent");
    const roleParsed = parseRole(row[ci("Rol")]);
    if (!roleParsed.ok) {
      issues.add("fout", "unknown-role", at(r, ci("Rol")), `de rol ${sentenceEnd(roleParsed.problem)} Rij ${sheetRow} wordt niet meegenomen.`);
      rowOk = false;
    }
    if (!rowOk || !roleParsed.ok) continue;
    const role = roleParsed.role;

    const approachKey = `${labelKey(gemeente)}\u0000${labelKey(aanpak)}`;
    const respKey = `${approachKey}\u0000${labelKey(name)}`;
    const earlier = respondentRows.get(respKey);
    if (earlier !== undefined) {
      issues.add(
        "fout",
        "duplicate-respondent",
        at(r, ci("Respondent")),
        `respondent '${name}' staat al op rij ${earlier} voor aanpak '${aanpak}' (${gemeente}). Rij ${sheetRow} wordt niet meegenomen; voeg de rijen samen of geef ze een eigen naam.`,
      );
      continue;
    }
    if (role !== "netwerkpartner") {
      const roleKey = `${approachKey}\u0000${role}`;
      const prev = roleRows.get(roleKey);
      if (prev !== undefined) {
        issues.add(
          "fout",
          "duplicate-role",
          at(r, ci("Rol")),
          `aanpak '${aanpak}' (${gemeente}) heeft al een rij met rol ${role} (rij ${prev}); per aanpak is er één ${role === "gemeente" ? "gemeente" : "documentenrij"}. Rij ${sheetRow} wordt niet meegenomen.`,
        );
        continue;
      }
      roleRows.set(roleKey, sheetRow);
    }
    respondentRows.set(respKey, sheetRow);

    let approach = byKey.get(approachKey);
    if (!approach) {
      approach = { gemeente, name: aanpak, respondents: [] };
      byKey.set(approachKey, approach);
      order.push(approach);
    }
    const notes: Record<string, string> = {};
    const answers: Record<string, Answer | undefined> = { ...templates[role] };
    for (let c = 0; c < cols.length; c++) {
      const col = cols[c];
      if (!col || col.kind === "key") continue;
      const v = row[c];
      if (col.kind === "note") {
        const err = cellErrorCode(v);
        if (err) issues.add("fout", "error-value", at(r, c), `bevat de foutwaarde ${err}; verwacht tekst. De toelichting wordt niet gelezen.`);
        else if (!isBlank(v)) notes[col.indicator] = typeof v === "string" ? v.trim() : cellText(v);
        continue;
      }
      const q = col.question;
      const parsed = typeof v === "string" ? col.parse(v) : parseAnswer(v, q.type, q.options);
      if (!parsed.ok) {
        issues.add("fout", "invalid-answer", at(r, c), `${q.code}: ${sentenceEnd(parsed.problem)} Het antwoord telt niet mee.`);
        continue;
      }
      if (parsed.answer.kind === "leeg") continue;
      if (!q.roles.includes(role)) {
        issues.add(
          "waarschuwing",
          "role-not-asked",
          at(r, c),
          `${q.code} wordt niet gevraagd aan de rol ${role} (alleen aan ${q.roles.join(", ")}); dit antwoord telt niet mee.`,
        );
        continue;
      }
      answers[q.code] = parsed.answer;
    }
    const respondent: Respondent = { name, role, answers, notes, source: { sheet: sheet.name, row: sheetRow, columns } };
    approach.respondents.push(respondent);
  }

  for (const a of order) {
    const count = (role: Role) => a.respondents.filter((x) => x.role === role).length;
    const first = a.respondents[0].source.row;
    if (count("gemeente") === 0) {
      issues.add("waarschuwing", "no-gemeente", "", `aanpak '${a.name}' (${a.gemeente}, vanaf rij ${first}) heeft geen respondent met rol gemeente; indicatoren die de gemeente beslist krijgen 'onvoldoende informatie' tenzij de documenten uitsluitsel geven.`);
    }
    if (count("netwerkpartner") > MAX_PARTNERS) {
      issues.add("waarschuwing", "many-partners", "", `aanpak '${a.name}' (${a.gemeente}) heeft ${count("netwerkpartner")} netwerkpartners; STJ vraagt er hoogstens ${MAX_PARTNERS}. Alle worden meegeteld.`);
    }
  }
  return { approaches: order, issues: issues.items, missingQuestions };
}
