/**
 * The example study: respondents' answers reconstructed from the published STJ findings (the seeds)
 * for three approaches — Emmen "CJG-aanpak" (seed 000), Oosterhout "Gezinsmanager" (seed 001) and
 * Spijkenisse "Brede zorgcoördinatie jeugd en gezin" (seed 002). The original answers are not public;
 * these are plausible answers consistent with every sentence of the findings. They are the demo
 * workbook and the test oracle: scoring them must give the published ✓/✗ and every published LET OP.
 *
 * Answers not listed are "ja" for the gemeente and netwerkpartners the question is asked of, and empty
 * for the documents; lists and choices are always given.
 */
import { allQuestions } from "../scoring/framework/walk";
import { NOTE_SUFFIX, KEY_COLUMNS } from "../scoring/answers";
import { CONTEXT_COLUMNS } from "../scoring/context";
import type { CellValue, Framework, Role } from "../scoring/types";

export interface ExampleApproach {
  gemeente: string;
  aanpak: string;
  respondents: { name: string; role: Role }[];
  /** Per question code, one answer per respondent (in the order above); "" is no answer. */
  answers: Record<string, string[]>;
  /** Per "<INDICATOR>_toelichting" column, one text per respondent. */
  notes?: Record<string, string[]>;
  beschrijving: string;
  aantalGezinnen?: number;
}

const M = "meervoudige problemen op meerdere leefgebieden";
const ALL_LEEF = "gezin; wonen; werk; inkomen; gezondheid; onderwijs; veiligheid";

export const EMMEN: ExampleApproach = {
  gemeente: "Emmen",
  aanpak: "CJG-aanpak",
  respondents: [
    { name: "Gemeente Emmen", role: "gemeente" },
    { name: "CJG", role: "netwerkpartner" },
    { name: "Icare", role: "netwerkpartner" },
    { name: "Documenten", role: "document" },
  ],
  answers: {
    TL1: [M, M, M, ""],
    TL2: ["ja", "", "", ""],
    TL2_wijken: ["ja", "", "", ""],
    TL2_aanpak: ["nee", "", "", ""], // "Er is geen zicht op hoeveel gezinnen in de aanpak CJG terecht komen."
    TL4_melders: ["AMW; BJZ; politie; JGZ; onderwijs", "AMW; BJZ; politie; JGZ; onderwijs", "AMW; BJZ; politie; JGZ; onderwijs", ""],
    GC1: ["nee", "ja", "ja", "ja"], // "De gemeente noemt zelf niet dat de eigen kracht … een uitgangspunt is"
    GC2: ["nee", "ja", "ja", "ja"], // "De gemeente geeft aan dat het benutten van het sociale netwerk niet is opgenomen"
    AP1: ["ja", "", "", "ja"],
    AP1_specifiek: ["ja", "", "", ""],
    AP9: ["nee", "nee", "nee", "ja"], // document says mandate; all respondents say it is not arranged
    AP10: ["ja", "ja", "weet niet", "ja"], // "De gemeente en één van de netwerkpartners geven aan …"
    AP11_leidend: ["nee", "nee", "nee", ""],
    AP12: [ALL_LEEF, ALL_LEEF, ALL_LEEF, ""],
    AP14_afsluiten: ["nee", "nee", "nee", ""], // "niet met elkaar afgesproken in welke gevallen de aanpak wordt afgesloten"
    AP14_drang: ["nee", "nee", "nee", ""], // "drang en dwang geen deel uitmaakt van de aanpak"
    SW2: ["nee", "nee", "weet niet", ""],
    // werk en inkomen missing with the gemeente and one partner; politie missing with the other partner
    SW3: ["CJG; JGZ; AMW; BJZ; onderwijs; politie; GGZ", "CJG; JGZ; AMW; BJZ; onderwijs; politie", "CJG; JGZ; AMW; BJZ; onderwijs; werk en inkomen", ""],
    SW4_schriftelijk: ["nee", "nee", "nee", ""],
    SW6_praktijk: ["nee", "nee", "nee", ""], // "Alle ondervraagden geven aan dat zich structurele problemen voordoen"
    CO1: ["nee", "nee", "nee", ""],
    CO2: ["nee", "nee", "nee", ""],
  },
  beschrijving:
    "De CJG's in Zuidoost Drenthe zijn samenwerkingsverbanden tussen de jeugdgezondheidszorg (Icare en GGD), Bureau Jeugdzorg en maatschappelijk werk- en welzijnsorganisaties. Bij multiprobleemgezinnen wordt de coördinatie van zorg vervuld door de gezinscoördinator. De gemeente weet niet hoeveel gezinnen op dit moment zorg en ondersteuning krijgen vanuit deze aanpak.",
};

export const OOSTERHOUT: ExampleApproach = {
  gemeente: "Oosterhout",
  aanpak: "Gezinsmanager",
  respondents: [
    { name: "Gemeente Oosterhout", role: "gemeente" },
    { name: "Multivision", role: "netwerkpartner" },
    { name: "GGD West-Brabant", role: "netwerkpartner" },
    { name: "Surplus Welzijn", role: "netwerkpartner" },
    { name: "Documenten", role: "document" },
  ],
  answers: {
    TL1: [M, M, M, "weet niet", ""], // "De gemeente en twee netwerkpartners geven aan …"
    TL2: ["nee", "", "", "", ""],
    TL2_wijken: ["nee", "", "", "", ""],
    TL2_aanpak: ["deels", "", "", "", ""], // "Volgens schattingen … circa 18 gezinnen"
    TL4_melders: ["CJG; AMW; onderwijs; politie; leerplicht", "CJG; AMW; onderwijs; huisarts", "CJG; JGZ; AMW; onderwijs", "CJG; AMW; politie", ""],
    AP1_specifiek: ["nee", "", "", "", ""], // "LET OP: Dit beleid is niet specifiek voor de groep GGSR."
    AP2: ["nee", "", "", "", ""], // "nog geen sprake van een gezamenlijke visie"
    AP8: ["ja", "ja", "nee", "ja", ""], // "Eén van de netwerkpartijen geeft aan dat die persoon er niet is."
    AP9: ["deels", "nee", "nee", "deels", ""], // "De doorzettingsmacht is nog onvoldoende geregeld."
    AP11_leidend: ["nee", "nee", "ja", "ja", ""], // gemeente and the main executing party (Multivision)
    AP12: [ALL_LEEF, ALL_LEEF + "; schulden", ALL_LEEF, ALL_LEEF, ""],
    AP14: ["ja", "ja", "nee", "nee", ""], // "twee netwerkpartners geven aan dat de aanpak kan worden afgesloten …"
    AP14_afsluiten: ["nee", "nee", "nee", "ja", ""], // "geen eenduidige afspraken over het afsluiten"
    AP14_drang: ["ja", "ja", "ja", "nee", ""], // "een van de netwerkpartijen geeft aan dat drang en dwang geen onderdeel is"
    SW3: [
      "JGZ; AMW; AMK; MEE; GGZ; onderwijs; politie; integrale vroeghulp; huisarts",
      "JGZ; AMW; AMK; GGZ; onderwijs; politie; huisarts",
      "JGZ; AMW; AMK; MEE; onderwijs; politie; integrale vroeghulp",
      "JGZ; AMW; AMK; MEE; GGZ; onderwijs; politie",
      "",
    ],
    SW4_allepartijen: ["nee", "nee", "weet niet", "nee", ""], // afspraken only with the executing party
    SW6_praktijk: ["ja", "nee", "nee", "ja", ""], // registration system not always available
    CO1: ["deels", "nee", "deels", "nee", "nee"], // "Uit de evaluatie blijkt dat … 3 maanden … onvoldoende is"
    CO2: ["nee", "nee", "ja", "nee", ""], // "verdeeld. De gemeente en twee netwerkpartners geven aan dat er geen afspraken zijn"
  },
  beschrijving:
    "De gezinsmanager wordt ingezet voor gezinnen met complexe en meervoudige problemen op meerdere leefgebieden, die de weg naar de reguliere hulpverlening niet vinden of geen bemoeienis wensen. De werkwijze wordt ook ingezet in de integrale aanpak van de criminele jeugdgroep in Oosterhout. Volgens schattingen krijgen circa 18 gezinnen momenteel vanuit deze aanpak ondersteuning.",
  aantalGezinnen: 18,
};

const SP_LEEF = "gezin; gezondheid; onderwijs; veiligheid; werk; inkomen; schulden";
const SP_SW3 = "CJG; BJZ; AMW; onderwijs; veiligheidshuis; wonen";

export const SPIJKENISSE: ExampleApproach = {
  gemeente: "Spijkenisse",
  aanpak: "Brede zorgcoördinatie jeugd en gezin",
  respondents: [
    { name: "Gemeente Spijkenisse", role: "gemeente" },
    { name: "Bureau Jeugdzorg Rotterdam", role: "netwerkpartner" },
    { name: "Careyn", role: "netwerkpartner" },
    { name: "CJG Rijnmond", role: "netwerkpartner" },
    { name: "Documenten", role: "document" },
  ],
  answers: {
    // "Twee van de drie betrokken netwerkpartners geven wel aan dat het gaat om gezinnen met meerdere problemen"
    TL1: ["anders", M, "zorgen over de veiligheid van de kinderen", M, ""],
    TL2: ["nee", "", "", "", ""],
    TL2_wijken: ["nee", "", "", "", ""],
    TL2_aanpak: ["deels", "", "", "", ""], // "schat dat ongeveer 60 gezinnen zorg vanuit deze aanpak ontvangen"
    // "Twee van de drie netwerkpartners noemen maatschappelijke werk, GGZ, AMK, BJZ, het onderwijs en MEE … Alle drie noemen het CJG"
    TL4_melders: ["", "CJG; AMW; GGZ; AMK; BJZ; onderwijs; MEE", "CJG; AMW; GGZ; AMK; BJZ; onderwijs; MEE", "CJG; JGZ; huisarts", ""],
    GC3: ["nee", "nee", "deels", "ja", "nee"], // "De behoefte van het gezin is niet het uitgangspunt"
    AP1: ["ja", "", "", "", "ja"],
    AP1_specifiek: ["", "", "", "", ""],
    AP2: ["nee", "", "", "", ""], // "de visie … de komende jaren verder te moeten uitwerken"
    AP10: ["nee", "weet niet", "deels", "ja", "nee"], // "wil deze casusregisseur in de toekomst beter gaan toerusten"
    AP10_caseload: ["nee", "", "", "", "nee"], // "Op dit moment is nog geen caseload omschreven"
    AP11_leidend: ["ja", "nee", "nee", "ja", ""], // "Dit plan lijkt niet leidinggevend te zijn voor het handelen van alle netwerkpartners."
    // "Alle netwerkpartners … gezin, gezondheid, onderwijs en veiligheid. Twee van de drie … aanvullend werk, schulden en inkomen."
    AP12: [SP_LEEF, SP_LEEF, SP_LEEF, "gezin; gezondheid; onderwijs; veiligheid", ""],
    AP12_gezinsleden: ["ja", "ja", "nee", "ja", ""], // "Niet iedere netwerkpartner geeft aan dat de aanpak voor alle gezinsleden geldt."
    AP13: ["deels", "weet niet", "deels", "nee", "nee"], // "niet duidelijk of outreachend gewerkt wordt"
    AP14_drang: ["nee", "nee", "nee", "nee", "nee"], // "LET OP: Hiervoor zijn geen dwang of drangmiddelen beschikbaar."
    SW3: [SP_SW3, SP_SW3, SP_SW3, SP_SW3, ""],
    SW6_praktijk: ["ja", "ja", "nee", "ja", ""], // "Een van de netwerkpartners noemt dat het delen van informatie regelmatig stagneert"
    CO2: ["ja", "nee", "nee", "nee", ""], // "Alle netwerkpartners geven aan dat wachtlijsten een barrière vormen …"
  },
  notes: {
    GC2_toelichting: ["Eigen Kracht-conferenties en sociale netwerkstrategie; nog niet standaard, wel het voornemen.", "", "", "", ""],
    SW6_toelichting: ["Met de GGZ en de huisartsen moeten deze afspraken nog gemaakt worden.", "", "", "", ""],
  },
  beschrijving:
    "In de notitie \"Effectief en efficiënt samenwerken in de jeugd (gezondheids)zorg, Brede zorgcoördinatie jeugd en gezin\" omschrijft de gemeente Spijkenisse brede zorgcoördinatie voor jeugd en gezin. Afstemming van de werkzaamheden van de verschillende partijen en het komen tot een gezamenlijk gezinsplan is het uitgangspunt (1G1P). De gemeente financiert de aanpak, regisseert het samenwerkingsproces en faciliteert de samenwerking tussen de betrokken partners. De gemeente weet niet hoeveel GGSR in de gemeente wonen, maar schat dat ongeveer 60 gezinnen zorg vanuit deze aanpak ontvangen.",
  aantalGezinnen: 60,
};

export const EXAMPLE_APPROACHES: ExampleApproach[] = [EMMEN, OOSTERHOUT, SPIJKENISSE];

/** Gemeente-level context rows (CBS figures only where a seed states them). */
export const EXAMPLE_CONTEXT: { gemeente: string; inwoners?: number; meerpersoonshuishoudens?: number; peildatum?: string; beschrijving: string }[] = [
  {
    gemeente: "Emmen",
    beschrijving:
      "De drie gemeenten in Zuidoost Drenthe (Borger-Odoorn, Coevorden en Emmen) hebben samen met de ketenpartners het document 'Ieder kind doet mee in Zuidoost Drenthe' opgesteld, waarin is beschreven hoe de ondersteuning aan kinderen, jongeren en gezinnen gebiedsgericht door het CJG wordt vormgegeven.",
  },
  {
    gemeente: "Oosterhout",
    beschrijving: "De gemeente Oosterhout zet gezinsmanagement in vanuit de unit Veiligheid en aanvullend vanuit het CJG.",
  },
  {
    gemeente: "Spijkenisse",
    inwoners: 72000,
    meerpersoonshuishoudens: 12000,
    peildatum: "januari 2012",
    beschrijving:
      "De gemeente Spijkenisse heeft jeugd als speerpunt van gemeentelijk beleid opgenomen. Voor GGSR heeft de gemeente de aanpak Brede Zorgcoördinatie, gebaseerd op 1 gezin 1 plan. De gemeente weet niet hoeveel GGSR in de gemeente wonen en in welke wijken deze gezinnen wonen.",
  },
];

/** Default answer for a question a respondent is asked: "ja" for ja/nee questions, else empty. */
function defaultAnswer(type: string, role: Role, asked: boolean): string {
  return asked && role !== "document" && type === "janee" ? "ja" : "";
}

/** The "Antwoorden" sheet of the example study: header plus one row per respondent. */
export function exampleAnswerRows(fw: Framework, approaches: ExampleApproach[] = EXAMPLE_APPROACHES): CellValue[][] {
  const questions = allQuestions(fw);
  const noteCols = [...new Set(approaches.flatMap((a) => Object.keys(a.notes ?? {})))];
  const header: CellValue[] = [...KEY_COLUMNS, ...questions.map((q) => q.code), ...noteCols];
  const rows: CellValue[][] = [header];
  for (const a of approaches) {
    for (const code of Object.keys(a.answers)) {
      if (!questions.some((q) => q.code === code)) throw new Error(`example ${a.gemeente}: unknown question ${code}`);
      if (a.answers[code].length !== a.respondents.length) throw new Error(`example ${a.gemeente}: ${code} needs ${a.respondents.length} answers`);
    }
    a.respondents.forEach((r, i) => {
      rows.push([
        a.gemeente,
        a.aanpak,
        r.name,
        r.role,
        ...questions.map((q) => a.answers[q.code]?.[i] ?? defaultAnswer(q.type, r.role, q.roles.includes(r.role))),
        ...noteCols.map((c) => a.notes?.[c]?.[i] ?? ""),
      ]);
    });
  }
  return rows;
}

/** The "Context" sheet of the example study. */
export function exampleContextRows(approaches: ExampleApproach[] = EXAMPLE_APPROACHES): CellValue[][] {
  const rows: CellValue[][] = [[...CONTEXT_COLUMNS]];
  for (const c of EXAMPLE_CONTEXT) {
    rows.push([c.gemeente, "", c.inwoners ?? "", c.meerpersoonshuishoudens ?? "", c.peildatum ?? "", c.beschrijving, ""]);
    for (const a of approaches.filter((x) => x.gemeente === c.gemeente)) rows.push([a.gemeente, a.aanpak, "", "", "", a.beschrijving, a.aantalGezinnen ?? ""]);
  }
  return rows;
}

export const NOTE_COLUMN_SUFFIX = NOTE_SUFFIX;
