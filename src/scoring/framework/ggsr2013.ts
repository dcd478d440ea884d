/**
 * The STJ toetsingskader for gezinnen met geringe sociale redzaamheid (GGSR), 2013, with the
 * questionnaire behind it. Indicator codes TL1…CO3 are a fixed contract (formulas use them).
 *
 * Per indicator, the first question is the main question and has the indicator's own code as its
 * column name; sub-questions are named "<CODE>_<suffix>". Each question says which roles answer it,
 * how the answers are combined (rule, quorum) and whether a failure makes a verbeterpunt (vereist)
 * or a LET OP note (letop). Statements are Dutch dat-clauses used to write the findings.
 *
 * This module is the default; analysts can edit the framework in the workbook's "Toetsingskader"
 * sheet (see ./sheet.ts and docs/framework.md).
 */
import type { Framework, Question, Quorum, Role, RuleKind, Weight, AnswerType } from "../types";

export const LEEFGEBIEDEN = ["gezin", "wonen", "werk", "inkomen", "gezondheid", "onderwijs", "veiligheid", "schulden"];

export const PARTIJEN = [
  "CJG",
  "JGZ",
  "BJZ",
  "AMK",
  "AMW",
  "GGZ",
  "MEE",
  "onderwijs",
  "leerplicht",
  "politie",
  "veiligheidshuis",
  "wonen",
  "werk en inkomen",
  "schuldhulpverlening",
  "huisarts",
  "verslavingszorg",
  "integrale vroeghulp",
  "anders",
];

export const DOELGROEPEN = [
  "meervoudige problemen op meerdere leefgebieden",
  "zorgen over de veiligheid van de kinderen",
  "overlast of criminaliteit",
  "opvoedproblemen",
  "anders",
];

/** Who answers: the gemeente (full questionnaire), netwerkpartners (shorter one), documents. */
const GEM: Role[] = ["gemeente", "document"];
const ALL: Role[] = ["gemeente", "netwerkpartner", "document"];
const GNP: Role[] = ["gemeente", "netwerkpartner"];

interface QOpts {
  roles?: Role[];
  type?: AnswerType;
  options?: string[];
  required?: string[][];
  rule?: RuleKind;
  quorum?: Quorum;
  weight?: Weight;
}

function q(code: string, text: string, statement: string, negation: string, o: QOpts = {}): Question {
  const type = o.type ?? "janee";
  return {
    code,
    text,
    roles: o.roles ?? ALL,
    type,
    options: o.options ?? [],
    required: o.required ?? [],
    rule: o.rule ?? (type === "keuze" ? "gelijk" : type === "meerkeuze" ? "dekking" : "consensus"),
    quorum: o.quorum ?? "meerderheid",
    weight: o.weight ?? "vereist",
    statement,
    negation,
  };
}

/** A question only the gemeente (and its documents) answers; the gemeente's answer decides. */
function g(code: string, text: string, statement: string, negation: string, o: QOpts = {}): Question {
  return q(code, text, statement, negation, { roles: GEM, rule: "gemeente", ...o });
}

export const ggsr2013: Framework = {
  name: "GGSR 2013",
  themes: [
    {
      name: "Toeleiding",
      description: "gezinnen zijn in beeld en worden bereikt met de aanpak",
      criteria: [
        {
          name: "GGSR zijn in beeld",
          indicators: [
            {
              code: "TL1",
              text: "Alle netwerkpartners hanteren dezelfde omschrijving van GGSR",
              questions: [
                q(
                  "TL1",
                  "Voor welke gezinnen is de aanpak bedoeld?",
                  "de netwerkpartners dezelfde omschrijving van GGSR hanteren",
                  "de netwerkpartners niet dezelfde omschrijving van GGSR hanteren",
                  { type: "keuze", options: DOELGROEPEN, roles: GNP, quorum: "tweederde" },
                ),
              ],
            },
            {
              code: "TL2",
              text: "De gemeente heeft zicht op de populatie GGSR",
              questions: [
                g(
                  "TL2",
                  "Weet de gemeente hoeveel gezinnen met GGSR in de gemeente wonen?",
                  "de gemeente weet hoeveel gezinnen met GGSR in de gemeente wonen",
                  "de gemeente niet weet hoeveel gezinnen met GGSR in de gemeente wonen",
                ),
                g(
                  "TL2_wijken",
                  "Weet de gemeente in welke wijken deze gezinnen wonen?",
                  "de gemeente weet in welke wijken deze gezinnen wonen",
                  "de gemeente niet weet in welke wijken deze gezinnen wonen",
                ),
                g(
                  "TL2_aanpak",
                  "Weet de gemeente hoeveel gezinnen zorg en ondersteuning krijgen vanuit deze aanpak?",
                  "de gemeente weet hoeveel gezinnen zorg en ondersteuning krijgen vanuit deze aanpak",
                  "er geen zicht is op hoeveel gezinnen zorg en ondersteuning krijgen vanuit deze aanpak",
                  { weight: "letop" },
                ),
              ],
            },
          ],
        },
        {
          name: "De aanpak bereikt alle gezinnen waarvoor dit nodig is",
          indicators: [
            {
              code: "TL3",
              text: "De netwerkpartners weten waar gezinnen voor de aanpak kunnen worden aangemeld",
              questions: [
                q(
                  "TL3",
                  "Weet u waar gezinnen voor de aanpak kunnen worden aangemeld?",
                  "de netwerkpartners weten waar gezinnen voor de aanpak kunnen worden aangemeld",
                  "de netwerkpartners niet weten waar gezinnen voor de aanpak kunnen worden aangemeld",
                  { roles: GNP },
                ),
              ],
            },
            {
              code: "TL4",
              text: "Netwerkpartners en alle relevante partijen melden GGSR aan voor de aanpak",
              questions: [
                q(
                  "TL4",
                  "Melden netwerkpartners en andere relevante partijen gezinnen aan voor de aanpak?",
                  "netwerkpartners en andere relevante partijen gezinnen aanmelden voor de aanpak",
                  "netwerkpartners en andere relevante partijen geen gezinnen aanmelden voor de aanpak",
                  { roles: GNP },
                ),
                q(
                  "TL4_melders",
                  "Welke partijen melden gezinnen aan voor de aanpak?",
                  "alle relevante partijen gezinnen aanmelden voor de aanpak",
                  "niet alle relevante partijen gezinnen aanmelden voor de aanpak",
                  {
                    type: "meerkeuze",
                    options: PARTIJEN,
                    roles: GNP,
                    required: [["CJG", "JGZ"], ["AMW"], ["onderwijs"]],
                  },
                ),
              ],
            },
          ],
        },
      ],
    },
    {
      name: "Gezin centraal",
      description: "de aanpak stelt het gezin en zijn sociale netwerk centraal",
      criteria: [
        {
          name: "De aanpak stelt het gezin en zijn sociale netwerk centraal",
          indicators: [
            {
              code: "GC1",
              text: "Binnen de aanpak wordt de eigen kracht van het gezin ondersteund en benut",
              questions: [
                q(
                  "GC1",
                  "Wordt binnen de aanpak de eigen kracht van het gezin ondersteund en benut?",
                  "de eigen kracht van het gezin binnen de aanpak wordt ondersteund en benut",
                  "de eigen kracht van het gezin geen uitgangspunt van de aanpak is",
                ),
              ],
            },
            {
              code: "GC2",
              text: "Binnen de aanpak wordt het sociale netwerk van het gezin benut",
              questions: [
                q(
                  "GC2",
                  "Wordt binnen de aanpak het sociale netwerk van het gezin benut?",
                  "het sociale netwerk van het gezin binnen de aanpak wordt benut",
                  "het benutten van het sociale netwerk van het gezin geen onderdeel van de aanpak is",
                ),
              ],
            },
            {
              code: "GC3",
              text: "Binnen de aanpak is de behoefte van het gezin uitgangspunt bij het bepalen wat nodig is",
              questions: [
                q(
                  "GC3",
                  "Is de behoefte van het gezin het uitgangspunt bij het bepalen wat nodig is?",
                  "de behoefte van het gezin het uitgangspunt is bij het bepalen wat nodig is",
                  "de behoefte van het gezin niet het uitgangspunt is bij het bepalen wat nodig is",
                ),
              ],
            },
          ],
        },
      ],
    },
    {
      name: "Aanpak",
      description: "de aanpak is planmatig, samenhangend en vasthoudend en de regisseur is toegerust",
      criteria: [
        {
          name: "Planmatig",
          indicators: [
            {
              code: "AP1",
              text: "De gemeente heeft beleid voor de groep GGSR",
              questions: [
                g(
                  "AP1",
                  "Heeft de gemeente beleid voor de groep GGSR?",
                  "de gemeente beleid heeft voor de groep GGSR",
                  "de gemeente geen beleid heeft voor de groep GGSR",
                ),
                g(
                  "AP1_specifiek",
                  "Is dit beleid specifiek gericht op GGSR?",
                  "het beleid specifiek gericht is op GGSR",
                  "het beleid niet specifiek is voor de groep GGSR",
                  { weight: "letop" },
                ),
              ],
            },
            {
              code: "AP2",
              text: "De gemeente zorgt voor een gezamenlijke visie op de aanpak voor GGSR",
              questions: [
                g(
                  "AP2",
                  "Is er een gezamenlijke visie op de aanpak voor GGSR?",
                  "er een gezamenlijke visie op de aanpak voor GGSR is",
                  "er nog geen sprake is van een gezamenlijke visie op de aanpak voor GGSR",
                ),
              ],
            },
            {
              code: "AP3",
              text: "De netwerkpartners hebben gezamenlijke doelen geformuleerd ten aanzien van de aanpak van GGSR",
              questions: [
                q(
                  "AP3",
                  "Hebben de netwerkpartners gezamenlijke doelen geformuleerd voor de aanpak?",
                  "de netwerkpartners gezamenlijke doelen voor de aanpak hebben geformuleerd",
                  "de netwerkpartners geen gezamenlijke doelen voor de aanpak hebben geformuleerd",
                ),
              ],
            },
            {
              code: "AP4",
              text: "De resultaten van de aanpak worden bijgehouden",
              questions: [
                q(
                  "AP4",
                  "Worden de resultaten van de aanpak bijgehouden?",
                  "de resultaten van de aanpak worden bijgehouden",
                  "de resultaten van de aanpak niet worden bijgehouden",
                ),
              ],
            },
            {
              code: "AP5",
              text: "De netwerkpartners evalueren de resultaten van de aanpak",
              questions: [
                q(
                  "AP5",
                  "Evalueren de netwerkpartners de resultaten van de aanpak?",
                  "de netwerkpartners de resultaten van de aanpak evalueren",
                  "de netwerkpartners de resultaten van de aanpak niet evalueren",
                  { roles: GNP },
                ),
              ],
            },
            {
              code: "AP6",
              text: "De gemeente evalueert de resultaten van de aanpak",
              questions: [
                g(
                  "AP6",
                  "Evalueert de gemeente de resultaten van de aanpak?",
                  "de gemeente de resultaten van de aanpak evalueert",
                  "de gemeente de resultaten van de aanpak niet evalueert",
                ),
              ],
            },
            {
              code: "AP7",
              text: "Op basis van de evaluatie wordt het beleid gecontinueerd dan wel bijgesteld",
              questions: [
                q(
                  "AP7",
                  "Wordt het beleid op basis van de evaluatie voortgezet of bijgesteld?",
                  "het beleid op basis van de evaluatie wordt voortgezet of bijgesteld",
                  "het beleid niet op basis van de evaluatie wordt voortgezet of bijgesteld",
                  { roles: GEM },
                ),
              ],
            },
          ],
        },
        {
          name: "Een toegeruste regisseur",
          indicators: [
            {
              code: "AP8",
              text: "In de aanpak is er één centrale persoon voor het gezin die de intensieve zorg en ondersteuning aan het gezin op elkaar afstemt (de regisseur)",
              questions: [
                q(
                  "AP8",
                  "Is er in de aanpak één centrale persoon (regisseur) die de zorg en ondersteuning voor het gezin op elkaar afstemt?",
                  "er in de aanpak één centrale persoon is die de zorg en ondersteuning voor het gezin op elkaar afstemt",
                  "er geen centrale persoon is die de zorg en ondersteuning voor het gezin op elkaar afstemt",
                ),
              ],
            },
            {
              code: "AP9",
              text: "De doorzettingsmacht voor de regisseur is geregeld",
              questions: [
                q(
                  "AP9",
                  "Is de doorzettingsmacht van de regisseur geregeld?",
                  "de doorzettingsmacht van de regisseur geregeld is",
                  "de doorzettingsmacht van de regisseur niet geregeld is",
                ),
              ],
            },
            {
              code: "AP10",
              text: "De regisseur is voldoende toegerust om zijn functie uit te oefenen",
              questions: [
                q(
                  "AP10",
                  "Worden er eisen gesteld aan de kennis en vaardigheden van de regisseur?",
                  "er eisen worden gesteld aan de kennis en vaardigheden van de regisseur",
                  "er geen eisen worden gesteld aan de kennis en vaardigheden van de regisseur",
                ),
                g(
                  "AP10_caseload",
                  "Is de caseload van de regisseur omschreven?",
                  "de caseload van de regisseur is omschreven",
                  "er geen caseload voor de regisseur is omschreven",
                  { rule: "consensus", weight: "letop" },
                ),
              ],
            },
          ],
        },
        {
          name: "Samenhangend",
          indicators: [
            {
              code: "AP11",
              text: "Uitgangspunt bij de aanpak is dat de netwerkpartners werken met een gezamenlijk plan per gezin",
              questions: [
                q(
                  "AP11",
                  "Werken de netwerkpartners met een gezamenlijk plan per gezin?",
                  "er met één gezamenlijk plan per gezin wordt gewerkt",
                  "er niet met een gezamenlijk plan per gezin wordt gewerkt",
                ),
                q(
                  "AP11_leidend",
                  "Is geregeld dat de netwerkpartners de doelen van het gezinsplan leidend laten zijn voor hun handelen?",
                  "geregeld is dat de netwerkpartners de doelen van het gezinsplan leidend laten zijn voor hun handelen",
                  "niet geregeld is dat de netwerkpartners de doelen van het gezinsplan leidend laten zijn voor hun handelen",
                  { roles: GNP, weight: "letop" },
                ),
              ],
            },
            {
              code: "AP12",
              text: "Uitgangspunt bij de aanpak is dat deze betrekking heeft op de problemen van alle gezinsleden en op alle leefgebieden",
              questions: [
                q(
                  "AP12",
                  "Op welke leefgebieden heeft de aanpak betrekking?",
                  "de aanpak betrekking heeft op alle leefgebieden",
                  "de aanpak niet op alle leefgebieden betrekking heeft",
                  {
                    type: "meerkeuze",
                    options: LEEFGEBIEDEN,
                    roles: GNP,
                    required: [["gezin"], ["wonen"], ["werk"], ["inkomen"], ["gezondheid"], ["onderwijs"], ["veiligheid"]],
                  },
                ),
                q(
                  "AP12_gezinsleden",
                  "Heeft de aanpak betrekking op de problemen van alle gezinsleden?",
                  "de aanpak betrekking heeft op de problemen van alle gezinsleden",
                  "de aanpak niet voor alle gezinsleden geldt",
                  { roles: GNP },
                ),
              ],
            },
          ],
        },
        {
          name: "Vasthoudend",
          indicators: [
            {
              code: "AP13",
              text: "Uitgangspunt bij de aanpak is dat outreachend wordt gewerkt",
              questions: [
                q(
                  "AP13",
                  "Wordt er outreachend gewerkt (naar het gezin toe waar dat nodig is)?",
                  "er outreachend wordt gewerkt",
                  "er niet outreachend wordt gewerkt",
                ),
              ],
            },
            {
              code: "AP14",
              text: "Uitgangspunt bij de aanpak is dat het gezin niet wordt losgelaten",
              questions: [
                q(
                  "AP14",
                  "Wordt het gezin niet losgelaten, ook niet als het gezin niet meer wil meewerken?",
                  "het gezin niet wordt losgelaten totdat de doelen bereikt zijn",
                  "de aanpak kan worden afgesloten als het gezin niet meer wil meewerken",
                ),
                q(
                  "AP14_afsluiten",
                  "Is afgesproken in welke gevallen de aanpak wordt afgesloten?",
                  "afgesproken is in welke gevallen de aanpak wordt afgesloten",
                  "niet is afgesproken in welke gevallen de aanpak wordt afgesloten",
                  { roles: GNP },
                ),
                q(
                  "AP14_drang",
                  "Zijn drang- en dwangmiddelen onderdeel van de aanpak?",
                  "drang- en dwangmiddelen onderdeel van de aanpak zijn",
                  "drang en dwang geen onderdeel van de aanpak zijn",
                  { weight: "letop" },
                ),
              ],
            },
          ],
        },
      ],
    },
    {
      name: "Samenwerking",
      description: "er moet goede samenwerking zijn tussen de instanties die bij een gezin betrokken zijn",
      criteria: [
        {
          name: "Coördinatie",
          indicators: [
            {
              code: "SW1",
              text: "De gemeente voert regie op de aanpak voor GGSR",
              questions: [
                g(
                  "SW1",
                  "Voert de gemeente regie op de aanpak?",
                  "de gemeente regie voert op de aanpak",
                  "de gemeente geen regie voert op de aanpak",
                ),
              ],
            },
            {
              code: "SW2",
              text: "Bij stagnatie van de intensieve zorg en ondersteuning op casusniveau zijn opschalingsmogelijkheden geregeld",
              questions: [
                q(
                  "SW2",
                  "Zijn er opschalingsmogelijkheden geregeld bij stagnatie van de zorg?",
                  "er opschalingsmogelijkheden zijn geregeld bij stagnatie van de zorg",
                  "er geen opschalingsmogelijkheden zijn geregeld bij stagnatie van de zorg",
                  { roles: GNP },
                ),
              ],
            },
          ],
        },
        {
          name: "Benodigde partijen werken mee aan de aanpak",
          indicators: [
            {
              code: "SW3",
              text: "Alle partijen die relevant zijn, zijn verbonden aan de aanpak",
              questions: [
                q(
                  "SW3",
                  "Welke partijen zijn verbonden aan de aanpak?",
                  "alle relevante partijen verbonden zijn aan de aanpak",
                  "niet alle relevante partijen verbonden zijn aan de aanpak",
                  {
                    type: "meerkeuze",
                    options: PARTIJEN,
                    roles: GNP,
                    required: [["CJG", "JGZ"], ["AMW"], ["BJZ", "AMK"], ["onderwijs"], ["politie", "veiligheidshuis"]],
                    // "Alle partijen": a relevant party one respondent does not name is a verbeterpunt (seed 000, SW3).
                    quorum: "unaniem",
                  },
                ),
              ],
            },
            {
              code: "SW4",
              text: "Er zijn samenwerkingsafspraken gemaakt over de aanpak",
              questions: [
                q(
                  "SW4",
                  "Zijn er samenwerkingsafspraken gemaakt over de aanpak?",
                  "er samenwerkingsafspraken over de aanpak zijn gemaakt",
                  "er geen samenwerkingsafspraken over de aanpak zijn gemaakt",
                ),
                q(
                  "SW4_schriftelijk",
                  "Zijn deze afspraken schriftelijk vastgelegd?",
                  "de samenwerkingsafspraken schriftelijk zijn vastgelegd",
                  "de samenwerkingsafspraken niet schriftelijk zijn vastgelegd",
                ),
                q(
                  "SW4_allepartijen",
                  "Gelden de afspraken voor alle betrokken partijen?",
                  "de samenwerkingsafspraken gelden voor alle betrokken partijen",
                  "de samenwerkingsafspraken niet voor alle betrokken partijen gelden",
                ),
              ],
            },
            {
              code: "SW5",
              text: "De netwerkpartners geven hun medewerkers de bevoegdheid om beslissingen te nemen over de intensieve zorg en ondersteuning voor de gezinnen",
              questions: [
                q(
                  "SW5",
                  "Geven de netwerkpartners hun medewerkers de bevoegdheid om beslissingen te nemen over de zorg voor de gezinnen?",
                  "de netwerkpartners hun medewerkers de bevoegdheid geven om beslissingen te nemen over de zorg voor de gezinnen",
                  "de netwerkpartners hun medewerkers niet de bevoegdheid geven om beslissingen te nemen over de zorg voor de gezinnen",
                  { roles: GNP },
                ),
              ],
            },
          ],
        },
        {
          name: "Toereikende informatie",
          indicators: [
            {
              code: "SW6",
              text: "Netwerkpartners hebben afspraken gemaakt over het actief delen van informatie",
              questions: [
                q(
                  "SW6",
                  "Hebben de netwerkpartners afspraken gemaakt over het actief delen van informatie?",
                  "de netwerkpartners afspraken hebben gemaakt over het actief delen van informatie",
                  "de netwerkpartners geen afspraken hebben gemaakt over het actief delen van informatie",
                ),
                q(
                  "SW6_praktijk",
                  "Verloopt het delen van informatie in de praktijk zonder structurele problemen?",
                  "het delen van informatie in de praktijk zonder structurele problemen verloopt",
                  "het delen van informatie in de praktijk stagneert",
                  { roles: GNP, weight: "letop" },
                ),
              ],
            },
          ],
        },
      ],
    },
    {
      name: "Continu",
      description: "indien nodig moeten zorg en ondersteuning langdurig kunnen worden ingezet, in wisselende aard en intensiteit",
      criteria: [
        {
          name: "De duur van de aanpak is toereikend",
          indicators: [
            {
              code: "CO1",
              text: "De afspraak is dat de intensieve zorg en ondersteuning doorlopen totdat de problemen zijn opgelost of beheersbaar zijn",
              questions: [
                q(
                  "CO1",
                  "Is afgesproken dat de zorg en ondersteuning doorlopen totdat de problemen zijn opgelost of beheersbaar zijn?",
                  "de zorg en ondersteuning doorlopen totdat de problemen zijn opgelost of beheersbaar zijn",
                  "er geen afspraken zijn over de duur van de aanpak",
                ),
              ],
            },
          ],
        },
        {
          name: "De aanpak is flexibel",
          indicators: [
            {
              code: "CO2",
              text: "Netwerkpartners zorgen voor beschikbaarheid van zorg en ondersteuning voor de gezinnen binnen de aanpak",
              questions: [
                q(
                  "CO2",
                  "Zijn er afspraken gemaakt om te voorkomen dat deze gezinnen moeten wachten op de benodigde zorg?",
                  "er afspraken zijn gemaakt om te voorkomen dat deze gezinnen moeten wachten op de benodigde zorg",
                  "er geen afspraken zijn gemaakt om te voorkomen dat deze gezinnen moeten wachten op de benodigde zorg",
                  { roles: GNP },
                ),
              ],
            },
          ],
        },
        {
          name: "De aanpak krijgt indien nodig een vervolg",
          indicators: [
            {
              code: "CO3",
              text: "Netwerkpartners hebben de afspraak gemaakt dat de intensieve zorg en ondersteuning indien nodig een vervolg kunnen krijgen",
              questions: [
                q(
                  "CO3",
                  "Is afgesproken dat de zorg en ondersteuning indien nodig een vervolg kunnen krijgen?",
                  "de zorg en ondersteuning indien nodig een vervolg kunnen krijgen",
                  "er geen afspraak is dat de zorg en ondersteuning indien nodig een vervolg kunnen krijgen",
                ),
              ],
            },
          ],
        },
      ],
    },
  ],
};
