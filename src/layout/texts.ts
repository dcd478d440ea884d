/**
 * The fixed Dutch texts of the factsheet, as in the published factsheet "Uitkomsten toezichtonderzoek
 * Spijkenisse" (seed 002), and the small pieces of Dutch that vary with the data.
 */
import { capitalize, joinList, numberWord } from "../scoring/dutch";

export const ORGANISATION = "Samenwerkend Toezicht Jeugd";
export const MINISTRY = "Ministerie van Volksgezondheid, Welzijn en Sport";
export const TITLE = "Uitkomsten toezichtonderzoek";
export const SUBTITLE = "Toezichtonderzoek op beleidsniveau naar de verantwoorde zorg en ondersteuning van gezinnen met geringe sociale redzaamheid";

/** The GGSR definition block: paragraphs (italic) and the three bullets. */
export const DEFINITION = {
  paragraphs: [
    "Samenwerkend Toezicht Jeugd (STJ) verstaat onder een gezin met geringe sociale redzaamheid een gezin met chronische problemen op meerdere leefgebieden (minimaal vier), waarvan de ouders niet in staat zijn deze problemen zelf op te lossen.",
    "Kinderen van dat gezin lopen hierdoor permanent risico's en/of ondervinden problemen. Het gezin kent vaak een historie van – vastgelopen – hulpverleningstrajecten die niet tot het gewenste resultaat hebben geleid.",
  ],
  bullets: [
    "Gezin: omvat één of meerdere ouders, één of meerdere kinderen;",
    "Chronisch: de problematiek is blijvend, maar kan wel in intensiteit fluctueren;",
    "Leefgebieden: gezin, wonen, werk, inkomen, gezondheid, onderwijs en veiligheid.",
  ],
};

export const INTRODUCTION = [
  "In deze factsheet leest u de uitkomsten van de eerste fase van het toezichtonderzoek van Samenwerkend Toezicht Jeugd naar de aanpak van de gemeente en haar netwerkpartners voor gezinnen met geringe sociale redzaamheid (GGSR).",
  "Deze fase van het toezichtonderzoek richt zich op de vraag of gemeenten en betrokken lokale partijen op beleidsniveau de zorg en ondersteuning voor deze gezinnen toereikend hebben vormgegeven.",
  "De zorg en ondersteuning van deze kwetsbare gezinnen mag niet alleen afhangen van de (toevallige) inzet van betrokken medewerkers of organisaties. Dit vraagt van gemeenten om samen met betrokken lokale partijen een overkoepelende beleidsvisie te realiseren en afspraken te maken over hoe de zorg en ondersteuning voor deze gezinnen op verantwoorde wijze tot stand komt. Het belang hiervan wordt met de naderende inwerkingtreding van de nieuwe Jeugdwet en de daarmee gepaard gaande verschuivende verantwoordelijkheden, alleen maar groter.",
  "In het kader van dit toezichtonderzoek hebben de samenwerkende jeugdinspecties vragenlijsten uitgezet bij de gemeente en de – door de gemeente aangegeven – belangrijkste netwerkpartners (maximaal drie). Tevens zijn de door de gemeente aangeleverde documenten in het onderzoek betrokken.",
  "Op basis van de verzamelde informatie heeft STJ de binnen de gemeente bestaande aanpak(ken) voor GGSR beoordeeld aan de hand van het daarvoor ontwikkelde toetsingskader. STJ heeft beoordeeld of op beleidsniveau de aanpak geborgd is en of de vastgelegde werkwijze dan wel de gemaakte afspraken richtinggevend zijn voor de betrokken lokale partijen.",
  "Samenwerkend Toezicht Jeugd vraagt de gemeente en haar netwerkpartners de verbeterpunten die in deze factsheet zijn genoemd op te pakken. STJ verwacht van de betrokken partijen na een jaar een rapportage over de voortgang.",
  "Meer informatie over het toezichtonderzoek en het toetsingskader vindt u op www.toezichtggsr.nl.",
];

export const HEADINGS = {
  beschrijving: "Beschrijving",
  bevindingen: "Bevindingen toezichtonderzoek",
  vervolgBevindingen: "Vervolg bevindingen toezichtonderzoek",
  conclusie: "Conclusie",
  vervolgConclusie: "Vervolg conclusie",
  good: "Wat gaat goed?",
  better: "Wat kan beter?",
  table: ["Criteria", "Indicatoren", "Bevindingen"] as const,
};

const MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

/** "november 2026" for a date (local time). */
export function dutchMonthYear(date: Date): string {
  return `${MONTHS[date.getMonth()]} ${date.getFullYear()}`;
}

/** Dutch thousands separator: 72000 → "72.000". */
export function formatNumberNl(n: number): string {
  const [int, frac] = String(Math.abs(n)).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${n < 0 ? "-" : ""}${grouped}${frac ? `,${frac}` : ""}`;
}

/** "vijf thema's" ("één thema"). */
export function themesPhrase(n: number): string {
  return n === 1 ? "één thema" : `${numberWord(n)} thema's`;
}

/**
 * The CBS sentence of "Context <Gemeente>", or null when there are no figures: "Uit de gegevens van
 * het CBS van januari 2012 blijkt dat de gemeente Spijkenisse ruim 72.000 inwoners telt, waarvan
 * bijna 12.000 meerpersoonshuishoudens (dat zijn gezinnen met één of twee volwassenen en ten minste
 * één kind)."
 */
export function cbsSentence(gemeente: string, ctx: { inwoners?: number; meerpersoonshuishoudens?: number; peildatum?: string }): string | null {
  const { inwoners, meerpersoonshuishoudens: huishoudens, peildatum } = ctx;
  if (inwoners === undefined && huishoudens === undefined) return null;
  const source = `Uit de gegevens van het CBS${peildatum ? ` van ${peildatum}` : ""} blijkt dat de gemeente ${gemeente}`;
  const explain = "(dat zijn gezinnen met één of twee volwassenen en ten minste één kind)";
  if (inwoners !== undefined && huishoudens !== undefined)
    return `${source} ruim ${formatNumberNl(inwoners)} inwoners telt, waarvan bijna ${formatNumberNl(huishoudens)} meerpersoonshuishoudens ${explain}.`;
  if (inwoners !== undefined) return `${source} ruim ${formatNumberNl(inwoners)} inwoners telt.`;
  return `${source} bijna ${formatNumberNl(huishoudens!)} meerpersoonshuishoudens telt ${explain}.`;
}

/** The italic sentences around the list of netwerkpartners under "Aanpak: <naam>". */
export function respondentsText(r: { gemeente: boolean; documents: boolean; partners: number }): { before: string; after: string } {
  const gemeente = r.gemeente
    ? `De gemeente heeft de vragenlijst betreffende deze aanpak ingevuld${r.documents ? " en relevante documentatie toegestuurd" : ""}.`
    : r.documents
      ? "De gemeente heeft de vragenlijst betreffende deze aanpak niet ingevuld, maar wel relevante documentatie toegestuurd."
      : "De gemeente heeft de vragenlijst betreffende deze aanpak niet ingevuld.";
  if (r.partners === 0)
    return {
      before: `${gemeente} Er is geen vragenlijst van netwerkpartners over deze aanpak ontvangen.`,
      after: "Op basis van de aangeleverde informatie heeft STJ de beoordeling gemaakt.",
    };
  return {
    before: `${gemeente} Een – beperktere – vragenlijst over deze aanpak is ingevuld door:`,
    after: `${r.partners === 1 ? "Deze netwerkpartner is" : "Deze netwerkpartners zijn"} aangedragen door de gemeente. Op basis van de ingevulde vragenlijsten en de aangeleverde informatie gezamenlijk heeft STJ de beoordeling gemaakt.`,
  };
}

export function findingsIntro(approach: string, themes: number): string {
  return `Samenwerkend Toezicht Jeugd heeft '${approach}' getoetst aan de hand van ${themesPhrase(themes)} voor verantwoorde zorg en ondersteuning voor gezinnen met een geringe sociale redzaamheid. ${capitalize(themes === 1 ? "het thema is" : `de ${themesPhrase(themes)} zijn`)}:`;
}

export const FINDINGS_EXPLANATION =
  "Deze thema's zijn verder uitgewerkt in criteria en bijbehorende indicatoren. De onderstaande tabel bevat de bevindingen van STJ per indicator uit het toetsingskader, waarmee STJ beoordeelt of op beleidsniveau de zorg en ondersteuning aan gezinnen met geringe sociale redzaamheid op toereikende wijze is vormgegeven. Per indicator wordt aangegeven of de zorg en ondersteuning vanuit de aanpak daaraan voldoet (✓) dan wel of er een verbeterpunt is (✗).";

export function conclusionIntro(gemeente: string, themes: number): string {
  return `Hieronder leest u een conclusie vanuit de bevindingen op de ${themesPhrase(themes)} uit het toetsingskader. Deze toetsing richt zich op de vraag of gemeenten en betrokken lokale partijen op beleidsniveau de zorg en ondersteuning voor deze kwetsbare gezinnen toereikend hebben vormgegeven. In deze conclusie is niet gestreefd naar volledigheid. Er is met name gekeken naar de belangrijkste punten waarmee ${gemeente} in het vormgeven van zorg en ondersteuning voor GGSR op de goede weg is en de punten die extra aandacht behoeven omdat deze een belangrijk risico behelzen.`;
}

export function familiesSentence(n: number): string {
  return `De gemeente schat dat ongeveer ${formatNumberNl(n)} ${n === 1 ? "gezin" : "gezinnen"} zorg en ondersteuning vanuit deze aanpak ${n === 1 ? "ontvangt" : "ontvangen"}.`;
}

export { joinList };
