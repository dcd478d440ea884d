/**
 * The framework as a sheet ("Toetsingskader"), so analysts can read and edit it in the workbook.
 * Row 1: "Toetsingskader" and the framework's name. Row 2: the header below. Then one row per question;
 * theme, criterion and indicator cells are filled on the first row of each and left blank below it.
 * `frameworkFromSheet(frameworkToSheet(fw))` gives `fw` back exactly. See docs/framework.md.
 */
import { cellAddress } from "../address";
import { IssueList, KEY_COLUMNS, NOTE_SUFFIX } from "../answers";
import { cellErrorCode, cellText, isBlank, labelKey } from "../normalise";
import type { AnswerType, CellValue, Framework, Issue, Question, Quorum, Role, RuleKind, SheetData, Weight, Criterion, Indicator, Theme } from "../types";
import { ROLES } from "../types";

export const FRAMEWORK_SHEET = "Toetsingskader";

export const FRAMEWORK_HEADER = [
  "Thema",
  "Themaomschrijving",
  "Criterium",
  "Indicator",
  "Indicatortekst",
  "Vraag",
  "Vraagtekst",
  "Rollen",
  "Type",
  "Opties",
  "Vereist",
  "Regel",
  "Drempel",
  "Gewicht",
  "Stelling",
  "Ontkenning",
] as const;

const TYPES: AnswerType[] = ["janee", "keuze", "meerkeuze", "tekst", "getal"];
const RULES: RuleKind[] = ["consensus", "gemeente", "gelijk", "dekking", "geen"];
const QUORUMS: Quorum[] = ["meerderheid", "tweederde", "unaniem", "een"];
const WEIGHTS: Weight[] = ["vereist", "letop"];
/** Which answer type each rule works on. */
const RULE_TYPE: Record<RuleKind, AnswerType[]> = {
  consensus: ["janee"],
  gemeente: ["janee"],
  gelijk: ["keuze"],
  dekking: ["meerkeuze"],
  geen: TYPES,
};

export function frameworkToSheet(fw: Framework): CellValue[][] {
  const rows: CellValue[][] = [["Toetsingskader", fw.name, ...Array(FRAMEWORK_HEADER.length - 2).fill("")], [...FRAMEWORK_HEADER]];
  for (const theme of fw.themes) {
    theme.criteria.forEach((criterion, ci) => {
      criterion.indicators.forEach((indicator, ii) => {
        indicator.questions.forEach((q, qi) => {
          const firstOfIndicator = qi === 0;
          const firstOfCriterion = firstOfIndicator && ii === 0;
          const firstOfTheme = firstOfCriterion && ci === 0;
          rows.push([
            firstOfTheme ? theme.name : "",
            firstOfTheme ? theme.description : "",
            firstOfCriterion ? criterion.name : "",
            firstOfIndicator ? indicator.code : "",
            firstOfIndicator ? indicator.text : "",
            q.code,
            q.text,
            q.roles.join(", "),
            q.type,
            q.options.join("; "),
            q.required.map((g) => g.join("|")).join("; "),
            q.rule,
            q.quorum,
            q.weight,
            q.statement,
            q.negation,
          ]);
        });
      });
    });
  }
  return rows;
}

export interface FrameworkRead {
  framework: Framework | null;
  issues: Issue[];
}

const split = (s: string, sep: RegExp) =>
  s
    .split(sep)
    .map((x) => x.trim())
    .filter((x) => x !== "");

export function frameworkFromSheet(sheet: SheetData): FrameworkRead {
  const issues = new IssueList(sheet.name);
  const r0 = sheet.origin?.row ?? 0;
  const c0 = sheet.origin?.col ?? 0;
  const at = (r: number, c: number) => cellAddress(r0 + r, c0 + c);
  const v = sheet.values;
  const fail = (): FrameworkRead => ({ framework: null, issues: issues.items });
  if (v.length === 0 || v.every((row) => !row || row.every(isBlank))) {
    issues.add("fout", "empty-sheet", "", `het blad is leeg; verwacht in A1 'Toetsingskader', in B1 de naam en in rij 2 de kop ${FRAMEWORK_HEADER.join(" | ")}.`);
    return fail();
  }
  const titleWrong = labelKey(cellText(v[0]?.[0])) !== labelKey("Toetsingskader");
  if (titleWrong || cellText(v[0]?.[1]) === "") {
    // The issue points at the cell that is wrong: the title cell, else the (empty) name cell.
    issues.add("fout", "framework-title", at(0, titleWrong ? 0 : 1), `verwacht 'Toetsingskader' in ${at(0, 0)} en de naam van het toetsingskader in ${at(0, 1)}.`);
    return fail();
  }
  const header = v[1] ?? [];
  const missing: string[] = [];
  let firstWrong = -1;
  FRAMEWORK_HEADER.forEach((h, c) => {
    if (labelKey(cellText(header[c])) === labelKey(h)) return;
    if (firstWrong < 0) firstWrong = c;
    missing.push(`${at(1, c)} moet '${h}' zijn${cellText(header[c]) ? ` (staat er: '${cellText(header[c])}')` : ""}`);
  });
  if (missing.length) {
    issues.add("fout", "framework-header", at(1, firstWrong), `de kopregel klopt niet: ${missing.join("; ")}.`);
    return fail();
  }

  const fw: Framework = { name: cellText(v[0][1]), themes: [] };
  let theme: Theme | null = null;
  let criterion: Criterion | null = null;
  let indicator: Indicator | null = null;
  const indicatorCodes = new Map<string, number>();
  const questionCodes = new Map<string, number>();
  const indicatorCells = new Map<Indicator, string>();

  for (let r = 2; r < v.length; r++) {
    const row = v[r] ?? [];
    if (row.every(isBlank)) continue;
    const cell = (c: number): string => {
      const err = cellErrorCode(row[c]);
      if (err) {
        issues.add("fout", "error-value", at(r, c), `bevat de foutwaarde ${err}; verwacht ${FRAMEWORK_HEADER[c].toLowerCase()}.`);
        return "";
      }
      return typeof row[c] === "string" ? cellText(row[c]) : cellText(row[c]);
    };
    const [themeName, themeDesc, critName, indCode, indText, qCode, qText, rolesText, typeText, optionsText, requiredText, ruleText, quorumText, weightText, statement, negation] =
      FRAMEWORK_HEADER.map((_, c) => cell(c));
    const sheetRow = r0 + r + 1;

    if (themeName) {
      theme = { name: themeName, description: themeDesc, criteria: [] };
      fw.themes.push(theme);
      criterion = null;
      if (!critName) issues.add("fout", "framework-criterion", at(r, 2), `een nieuw thema '${themeName}' moet op dezelfde rij een criterium hebben.`);
    } else if (themeDesc) {
      issues.add("fout", "framework-theme", at(r, 1), "een themaomschrijving zonder thema in kolom A; zet de omschrijving op de eerste rij van het thema.");
    }
    if (!theme) {
      issues.add("fout", "framework-theme", at(r, 0), `rij ${sheetRow} hoort bij geen thema; vul op de eerste rij kolom A (Thema) in.`);
      continue;
    }
    if (critName) {
      criterion = { name: critName, indicators: [] };
      theme.criteria.push(criterion);
      indicator = null;
      if (!indCode) issues.add("fout", "framework-indicator", at(r, 3), `een nieuw criterium '${critName}' moet op dezelfde rij een indicator hebben.`);
    }
    if (!criterion) continue;
    if (indCode) {
      if (!/^[A-Z]{1,4}\d{1,3}$/i.test(indCode)) issues.add("fout", "framework-code", at(r, 3), `indicatorcode '${indCode}' is ongeldig; verwacht letters gevolgd door een nummer, zoals AP9.`);
      const prev = indicatorCodes.get(indCode.toUpperCase());
      if (prev !== undefined) issues.add("fout", "framework-duplicate", at(r, 3), `indicatorcode '${indCode}' staat al op rij ${prev}.`);
      indicatorCodes.set(indCode.toUpperCase(), sheetRow);
      if (!indText) issues.add("fout", "framework-text", at(r, 4), `indicator ${indCode} heeft geen tekst.`);
      indicator = { code: indCode, text: indText, questions: [] };
      indicatorCells.set(indicator, at(r, 3));
      criterion.indicators.push(indicator);
    } else if (indText) {
      issues.add("fout", "framework-indicator", at(r, 4), "een indicatortekst zonder code in kolom D.");
    }
    if (!indicator) continue;

    if (!qCode) {
      issues.add("fout", "framework-question", at(r, 5), `rij ${sheetRow} heeft geen vraagcode.`);
      continue;
    }
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(qCode)) issues.add("fout", "framework-question", at(r, 5), `vraagcode '${qCode}' mag alleen letters, cijfers en _ bevatten en moet met een letter beginnen.`);
    const prevQ = questionCodes.get(labelKey(qCode));
    if (prevQ !== undefined) issues.add("fout", "framework-duplicate", at(r, 5), `vraagcode '${qCode}' staat al op rij ${prevQ}.`);
    questionCodes.set(labelKey(qCode), sheetRow);
    if (KEY_COLUMNS.some((k) => labelKey(k) === labelKey(qCode)) || labelKey(qCode).endsWith(labelKey(NOTE_SUFFIX)))
      issues.add("fout", "framework-question", at(r, 5), `vraagcode '${qCode}' is gereserveerd: ${KEY_COLUMNS.join(", ")} en codes die eindigen op ${NOTE_SUFFIX} zijn al kolommen van het antwoordenblad.`);

    const pick = <T extends string>(text: string, allowed: readonly T[], c: number, what: string): T => {
      const found = allowed.find((a) => a === labelKey(text));
      if (!found) issues.add("fout", "framework-value", at(r, c), `${what} '${text}' is ongeldig; kies uit: ${allowed.join(", ")}.`);
      return found ?? allowed[0];
    };
    const roles = split(rolesText, /[,;]/).map((x) => labelKey(x)) as Role[];
    const badRoles = roles.filter((x) => !ROLES.includes(x));
    if (roles.length === 0 || badRoles.length) issues.add("fout", "framework-value", at(r, 7), `rollen '${rolesText}' zijn ongeldig; gebruik gemeente, netwerkpartner en/of document, gescheiden door komma's.`);
    const type = pick(typeText, TYPES, 8, "type");
    const rule = pick(ruleText, RULES, 11, "regel");
    const quorum = pick(quorumText, QUORUMS, 12, "drempel");
    const weight = pick(weightText, WEIGHTS, 13, "gewicht");
    const options = split(optionsText, /;/);
    const required = split(requiredText, /;/).map((g) => split(g, /\|/));
    if (!RULE_TYPE[rule].includes(type)) issues.add("fout", "framework-rule", at(r, 11), `regel '${rule}' past niet bij type '${type}'; ${rule} werkt op ${RULE_TYPE[rule].join("/")}.`);
    if ((type === "keuze" || type === "meerkeuze") && options.length === 0) issues.add("fout", "framework-options", at(r, 9), `type ${type} heeft opties nodig, gescheiden door ';'.`);
    // An answer names an option by its label key, and a meerkeuze answer is split on ';', ',' and line
    // breaks: options that collide, or a meerkeuze option with a comma, could never be chosen.
    const sameKey = options.filter((o, i) => options.findIndex((x) => labelKey(x) === labelKey(o)) !== i);
    if (sameKey.length) issues.add("fout", "framework-options", at(r, 9), `opties ${sameKey.map((x) => `'${x}'`).join(", ")} staan er al (hoofdletters, spaties en leestekens tellen niet).`);
    const withComma = type === "meerkeuze" ? options.filter((o) => o.includes(",")) : [];
    if (withComma.length) issues.add("fout", "framework-options", at(r, 9), `opties ${withComma.map((x) => `'${x}'`).join(", ")} bevatten een komma; bij meerkeuze scheidt een komma de keuzes in een antwoord.`);
    const unknownReq = required.flat().filter((x) => !options.includes(x));
    if (unknownReq.length) issues.add("fout", "framework-required", at(r, 10), `vereiste onderdelen ${unknownReq.map((x) => `'${x}'`).join(", ")} staan niet bij de opties.`);
    if (rule === "dekking" && required.length === 0) issues.add("fout", "framework-required", at(r, 10), "regel dekking heeft vereiste onderdelen nodig (bijvoorbeeld 'CJG|JGZ; AMW').");
    if (rule !== "geen" && (!statement || !negation)) issues.add("fout", "framework-text", at(r, statement ? 15 : 14), "een vraag die meetelt heeft een stelling en een ontkenning nodig (een bijzin na 'dat').");
    const question: Question = { code: qCode, text: qText, roles, type, options, required, rule, quorum, weight, statement, negation };
    indicator.questions.push(question);
  }
  for (const t of fw.themes)
    for (const c of t.criteria)
      for (const i of c.indicators) {
        const main = i.questions.find((q) => q.rule !== "geen");
        if (main && main.weight !== "vereist")
          issues.add("fout", "framework-weight", indicatorCells.get(i) ?? "", `de hoofdvraag ${main.code} van indicator ${i.code} moet gewicht 'vereist' hebben; anders kan de indicator nooit een verbeterpunt worden.`);
        if (!main) issues.add("fout", "framework-question", indicatorCells.get(i) ?? "", `indicator ${i.code} heeft geen vraag die meetelt.`);
      }
  if (fw.themes.length === 0) issues.add("fout", "framework-empty", at(2, 0), "het toetsingskader heeft geen thema's.");
  return issues.items.some((i) => i.severity === "fout") ? fail() : { framework: fw, issues: issues.items };
}
