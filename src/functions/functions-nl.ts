/*
 * Dutch (nl-NL) texts for the custom functions metadata.
 *
 * Used at BUILD time only: webpack.config.js reads this map and derives
 * dist/functions-nl.json from the generated dist/functions.json (the manifest
 * points nl-NL users to that file). It is not bundled into the add-in.
 *
 * Keys are function ids as they appear in functions.json (upper case, e.g.
 * "VERSION"). Ids are never translated. `name` is optional: by default the
 * Dutch name equals the English one (STJ.VERDICT stays STJ.VERDICT).
 * Parameter keys are the parameter names in functions.json.
 *
 * Keep this file free of imports other than types: the build evaluates it in
 * isolation.
 */

export interface FunctionTranslation {
  /** Dutch function name; omit to keep the English name. */
  name?: string;
  /** Dutch description shown in Excel's formula autocomplete. */
  description: string;
  /** Dutch descriptions of parameters, keyed by parameter name. */
  parameters?: Record<string, string>;
}

/** Parameter texts shared by several functions. */
const RANGE = "Het bereik van het blad Antwoorden mét kopregel (Gemeente, Aanpak, Respondent, Rol en de vraagcodes)";
const ANSWERS = `${RANGE}, of een cel met de sleutel van STJ.ANSWERS.`;
const APPROACH = '"Gemeente — Aanpak", of alleen de naam van de aanpak als die uniek is; mag weg als het bereik één aanpak bevat.';
const FRAMEWORK = "Het bereik van het blad Toetsingskader vanaf A1; weglaten voor het ingebouwde toetsingskader GGSR 2013.";
const INDICATOR = 'Indicatorcode, bijvoorbeeld "AP9".';

export const functionsNl: Record<string, FunctionTranslation> = {
  VERSION: {
    description: "Geeft het versienummer van de invoegtoepassing STJ Toets.",
  },
  ANSWERS: {
    description: "Leest het bereik Antwoorden één keer en geeft er een sleutel voor. Geef de cel met die sleutel in plaats van het bereik aan de andere STJ-functies als veel cellen dezelfde antwoorden gebruiken: ze rekenen dan in microseconden opnieuw.",
    parameters: { answers: `${RANGE}.` },
  },
  VERDICT: {
    description: 'Oordeel over één indicator van één aanpak: "✓ voldoet", "✗ verbeterpunt" of "? onvoldoende informatie".',
    parameters: { indicator: INDICATOR, answers: ANSWERS, approach: APPROACH, framework: FRAMEWORK },
  },
  DIVERGENCE: {
    description: "Spreiding van de antwoorden op de hoofdvraag van een indicator: 0 = iedereen is het eens, 1 = maximaal verdeeld. #N/B bij minder dan twee echte antwoorden.",
    parameters: { indicator: INDICATOR, answers: ANSWERS, approach: APPROACH, framework: FRAMEWORK },
  },
  FINDING: {
    description: 'Bevinding bij één indicator zoals in de factsheet: symbool, wie wat zegt, en eventuele "LET OP:"-opmerkingen.',
    parameters: { indicator: INDICATOR, answers: ANSWERS, approach: APPROACH, framework: FRAMEWORK },
  },
  VERDICTS: {
    description: "Alle indicatoren van één aanpak als overlopende tabel met kopregel: Code, Indicator, Oordeel, LET OP, Spreiding, Bevinding.",
    parameters: { answers: ANSWERS, approach: APPROACH, framework: FRAMEWORK },
  },
  AGREEMENT: {
    description: "Overeenstemming tussen de respondenten van één aanpak, als overlopende kopregel en rij: Items, Beoordelaars, Overeenstemming, AC1, Alpha.",
    parameters: { answers: ANSWERS, approach: APPROACH, framework: FRAMEWORK },
  },
  IMPROVEMENTS: {
    description: "Aantal verbeterpunten (✗) van één aanpak, in alle thema's of in één thema.",
    parameters: {
      answers: ANSWERS,
      approach: APPROACH,
      theme: 'Naam van een thema, bijvoorbeeld "Samenwerking"; weglaten om alle thema\'s te tellen.',
      framework: FRAMEWORK,
    },
  },
};

export default functionsNl;
