#!/usr/bin/env node
/**
 * `stj`: the STJ Toets command line. `run(argv, io)` does everything and returns the exit code, so
 * tests call it in-process; only {@link main} touches `process`.
 *
 * Exit codes: 0 = done, no errors (warnings allowed); 1 = done, but the input has errors;
 * 2 = usage error, or a file that cannot be read or written.
 */
import { ADDIN_VERSION } from "../version";
import { parseArgs } from "./args";
import type { OptionSpec } from "./args";
import { cmdDemo, cmdExample, cmdScore, cmdTemplate, cmdValidate, EXIT_OK, EXIT_USAGE, UsageError } from "./commands";
import type { CliIO } from "./commands";
import { cmdFactsheet } from "./factsheet";
import { cmdBatch, cmdShare, parseShareDate } from "./share";

export type { CliIO } from "./commands";
export { EXIT_OK, EXIT_INPUT_ERRORS, EXIT_USAGE } from "./commands";

const USAGE = `STJ Toets ${ADDIN_VERSION} — scoort het STJ-toetsingskader (GGSR) en maakt factsheets.
(Scores the STJ framework for GGSR from questionnaire answers and writes results and factsheets.)

Gebruik: stj <opdracht> [opties]

Opdrachten:
  template -o <bestand.xlsx>                    leeg antwoordformulier (Antwoorden, Context, Toetsingskader, Aanpassingen)
  validate <antwoorden.xlsx|.csv>              controleert de antwoorden en meldt elke fout met blad en cel
  score <antwoorden.xlsx|.csv> -o <uit.xlsx>   scoort en schrijft Resultaten, Overeenstemming, Controle en factsheets
  factsheet <antwoorden.xlsx|.csv> -o <uit.xlsx>  alleen Overzicht en een factsheet per gemeente (--maand, --gemeente)
  example -o <bestand.xlsx>                    het voorbeeldonderzoek (Emmen, Oosterhout, Spijkenisse)
  demo [--out-dir <map>]                       voorbeeld schrijven en scoren in <map> (standaard out/)
  share <invoer.xlsx|.csv> --gemeente <naam>   deelkopie voor één gemeente: factsheet(s) en overzicht, alleen waarden
  batch <antwoorden.xlsx|.csv> --out <map>     deelkopie per gemeente en Landelijk overzicht.xlsx

Opties:
  -o, --output <bestand>   uitvoerbestand (.xlsx)
  --overwrite              een bestaand uitvoerbestand overschrijven
  -h, --help               deze hulp; 'stj <opdracht> --help' voor één opdracht
  -v, --version            versie

Afsluitcodes: 0 = klaar zonder fouten (waarschuwingen mogen), 1 = klaar maar met fouten in de invoer,
2 = verkeerd gebruik of een bestand dat niet gelezen of geschreven kan worden.
`;

interface Command {
  usage: string;
  spec: OptionSpec;
  positionals: number;
  run(pos: string[], values: Record<string, string>, flags: Set<string>, io: CliIO): Promise<number>;
}

const OUTPUT = { "-o": "output", "--output": "output" };
const OVERWRITE = { "--overwrite": "overwrite" };

function needOutput(values: Record<string, string>, cmd: string): string {
  if (!values.output) throw new UsageError(`'stj ${cmd}' heeft een uitvoerbestand nodig: -o <bestand.xlsx>.`);
  return values.output;
}

const COMMANDS: Record<string, Command> = {
  template: {
    usage: `Gebruik: stj template -o <bestand.xlsx> [--overwrite]
(Writes an empty answers workbook.)

Schrijft een leeg antwoordformulier: blad Antwoorden met de kolommen Gemeente, Aanpak, Respondent, Rol
en één kolom per vraagcode (met uitleg in de opmerking bij elke kop en keuzelijsten voor 500 rijen),
en de bladen Context, Toetsingskader en Aanpassingen. Een bestaand bestand wordt alleen met
--overwrite overschreven.
`,
    spec: { values: OUTPUT, flags: OVERWRITE },
    positionals: 0,
    run: (_p, v, f, io) => cmdTemplate(needOutput(v, "template"), f.has("overwrite"), io),
  },
  validate: {
    usage: `Gebruik: stj validate <antwoorden.xlsx|antwoorden.csv>
(Checks the answers; prints one line per problem.)

Leest het blad Antwoorden (of de tabel Antwoorden), en zo aanwezig Context, Toetsingskader en
Aanpassingen, en drukt elke melding af als één regel: <ernst><tab><Blad!Cel><tab><melding>.
Daarna volgt een samenvatting. Een CSV-bestand (UTF-8, scheidingsteken ; of ,) geldt als blad Antwoorden.

Afsluitcode: 0 = geen fouten (waarschuwingen mogen), 1 = fouten gevonden,
2 = verkeerd gebruik of het bestand kan niet worden gelezen.
`,
    spec: {},
    positionals: 1,
    run: (p, _v, _f, io) => cmdValidate(p[0], io),
  },
  score: {
    usage: `Gebruik: stj score <antwoorden.xlsx|antwoorden.csv> -o <resultaten.xlsx> [--overwrite] [--zonder-factsheets]
(Scores the answers and writes the scored workbook.)

Scoort elke aanpak en schrijft een werkmap met de ingelezen bladen, Resultaten (één rij per aanpak en
indicator), Overeenstemming, Controle (alle meldingen), Overzicht en een factsheet per gemeente. Er wordt ook
gescoord als de invoer fouten bevat: rijen en cellen met fouten tellen dan niet mee.
Een bestaand uitvoerbestand wordt alleen met --overwrite overschreven. Met --zonder-factsheets
komen er geen factsheetbladen in (sneller en kleiner bij honderden aanpakken).

Afsluitcode: 0 = geschreven zonder fouten, 1 = geschreven maar de invoer bevat fouten,
2 = verkeerd gebruik of een bestand kan niet worden gelezen of geschreven.
`,
    spec: { values: OUTPUT, flags: { ...OVERWRITE, "--zonder-factsheets": "noFactsheets", "--no-factsheets": "noFactsheets" } },
    positionals: 1,
    run: (p, v, f, io) => cmdScore(p[0], needOutput(v, "score"), f.has("overwrite"), io, !f.has("noFactsheets")),
  },
  example: {
    usage: `Gebruik: stj example -o <bestand.xlsx> [--overwrite]
(Writes the example study.)

Schrijft het voorbeeldonderzoek (Emmen, Oosterhout en Spijkenisse, nagebouwd uit de gepubliceerde
bevindingen): Antwoorden, Context, Toetsingskader en een leeg blad Aanpassingen.
`,
    spec: { values: OUTPUT, flags: OVERWRITE },
    positionals: 0,
    run: (_p, v, f, io) => cmdExample(needOutput(v, "example"), f.has("overwrite"), io),
  },
  factsheet: {
    usage: `Gebruik: stj factsheet <antwoorden.xlsx|antwoorden.csv> -o <factsheets.xlsx> [--maand "<maand jaar>"] [--gemeente <naam>[,<naam>…]] [--zonder-overzicht] [--overwrite]
(Writes the overview and one factsheet per gemeente, and nothing else.)

Scoort de antwoorden en schrijft een werkmap met alleen het blad Overzicht (oordelen per aanpak en
indicator, verbeterpunten per thema) en per gemeente een factsheet "Uitkomsten toezichtonderzoek
<Gemeente>", afdrukklaar op A4. --maand zet de maand op het titelblad (standaard de huidige maand,
bijvoorbeeld "november 2026"); --gemeente kiest gemeenten (gescheiden door komma's).

Afsluitcode: 0 = geschreven zonder fouten, 1 = geschreven maar de invoer bevat fouten,
2 = verkeerd gebruik of een bestand kan niet worden gelezen of geschreven.
`,
    spec: { values: { ...OUTPUT, "--maand": "month", "--gemeente": "gemeente" }, flags: { ...OVERWRITE, "--zonder-overzicht": "noOverview" } },
    positionals: 1,
    run: (p, v, f, io) =>
      cmdFactsheet(p[0], needOutput(v, "factsheet"), f.has("overwrite"), io, { month: v.month, gemeenten: v.gemeente?.split(","), noOverview: f.has("noOverview") }),
  },
  demo: {
    usage: `Gebruik: stj demo [--out-dir <map>]
(Writes and scores the example study; default folder out/.)

Schrijft <map>/voorbeeld-antwoorden.xlsx (het voorbeeldonderzoek) en <map>/voorbeeld-resultaten.xlsx
(gescoord), en overschrijft daarbij alleen die twee bestanden. Standaardmap: out/.
`,
    spec: { values: { "--out-dir": "outDir" } },
    positionals: 0,
    run: (_p, v, _f, io) => cmdDemo(v.outDir ?? "out", io),
  },
};

const SHARE_FLAGS = {
  "--overwrite": "overwrite",
  "--met-namen": "keepNames",
  "--with-names": "keepNames",
  "--met-toelichting": "notes",
  "--with-notes": "notes",
};

COMMANDS.share = {
  usage: `Gebruik: stj share <invoer.xlsx|.csv> --gemeente <naam> [-o <bestand.xlsx|map>] [--overwrite]
                 [--met-namen] [--met-toelichting] [--datum <jjjj-mm-dd>]
(Writes the share copy for one gemeente: its factsheets and overview rows, values only.)

Maakt de deelkopie voor één gemeente: een werkmap met de factsheet(s) van die gemeente en haar
rij(en) van het overzicht. Alleen waarden (geen formules, dus geen #NAAM? zonder de invoegtoepassing),
geen blad Antwoorden, geen namen van respondenten en geen toelichtingen, geen verborgen bladen,
opmerkingen of namen; documenteigenschappen opgeschoond; bladen beveiligd zonder wachtwoord.
De invoer is een antwoordenwerkmap of een gescoorde werkmap; er wordt gescoord uit de bladen
Antwoorden en Aanpassingen.

Bestandsnaam: "Uitkomsten toezichtonderzoek <Gemeente> <jjjj-mm>.xlsx" in de huidige map, of in de
map die -o noemt; -o <bestand.xlsx> kiest zelf een naam. Een bestaand bestand wordt alleen met
--overwrite overschreven.

  --met-namen        neemt de namen van de netwerkpartners (organisaties) op in de factsheet,
                     zoals in de gepubliceerde factsheets; standaard staan er 'partner A, B, …'.
                     De naam van de respondent van de gemeente staat er nooit in.
  --met-toelichting  voegt het blad Toelichting toe met de vrije toelichtingen van de respondenten.
  --datum            de datum van delen (maand in de bestandsnaam, documenteigenschappen); standaard vandaag.

Afsluitcode: 0 = geschreven, 1 = geschreven maar de invoer bevat fouten,
2 = verkeerd gebruik, onbekende gemeente, of een bestand kan niet worden gelezen of geschreven.
`,
  spec: { values: { ...OUTPUT, "--gemeente": "gemeente", "--datum": "date", "--date": "date" }, flags: SHARE_FLAGS },
  positionals: 1,
  run: (p, v, f, io) => {
    if (!v.gemeente) throw new UsageError("'stj share' heeft een gemeente nodig: --gemeente <naam>.");
    return cmdShare(
      p[0],
      {
        gemeente: v.gemeente,
        output: v.output,
        overwrite: f.has("overwrite"),
        keepPartnerNames: f.has("keepNames"),
        includeNotes: f.has("notes"),
        date: parseShareDate(v.date),
      },
      io,
    );
  },
};

COMMANDS.batch = {
  usage: `Gebruik: stj batch <antwoorden.xlsx|.csv> --out <map> [--overwrite] [--met-namen] [--met-toelichting]
                 [--datum <jjjj-mm-dd>] [--snel]
(Writes a share copy per gemeente and the national overview.)

Scoort alle aanpakken en schrijft in <map> per gemeente een deelkopie (zoals 'stj share') en
"Landelijk overzicht.xlsx": alle aanpakken met per indicator het oordeel (✓, ✗, ?) en per thema het
aantal verbeterpunten, een blad per indicator en een legenda. Voortgang staat op stderr. Er wordt
niets geschreven als een van de bestanden al bestaat, tenzij met --overwrite.
--snel comprimeert minder (sneller, grotere bestanden).

Afsluitcode: 0 = geschreven, 1 = geschreven maar de invoer bevat fouten,
2 = verkeerd gebruik of een bestand kan niet worden gelezen of geschreven.
`,
  spec: { values: { "--out": "outDir", "--out-dir": "outDir", "--datum": "date", "--date": "date" }, flags: { ...SHARE_FLAGS, "--snel": "fast", "--fast": "fast" } },
  positionals: 1,
  run: (p, v, f, io) => {
    if (!v.outDir) throw new UsageError("'stj batch' heeft een uitvoermap nodig: --out <map>.");
    return cmdBatch(
      p[0],
      {
        outDir: v.outDir,
        overwrite: f.has("overwrite"),
        keepPartnerNames: f.has("keepNames"),
        includeNotes: f.has("notes"),
        date: parseShareDate(v.date),
        compressionLevel: f.has("fast") ? 1 : undefined,
      },
      io,
    );
  },
};

const ALIASES: Record<string, string> = {
  valideer: "validate",
  controleer: "validate",
  scoor: "score",
  voorbeeld: "example",
  sjabloon: "template",
  deel: "share",
  delen: "share",
  landelijk: "batch",
};

export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr(USAGE);
    return EXIT_USAGE;
  }
  if (first === "-h" || first === "--help" || first === "help" || first === "-?") {
    const topic = first === "help" ? rest[0] : undefined;
    if (topic && (COMMANDS[topic] || COMMANDS[ALIASES[topic]])) io.stdout(COMMANDS[topic]?.usage ?? COMMANDS[ALIASES[topic]].usage);
    else io.stdout(USAGE);
    return EXIT_OK;
  }
  if (first === "-v" || first === "--version" || first === "version") {
    io.stdout(`stj ${ADDIN_VERSION}\n`);
    return EXIT_OK;
  }
  const name = COMMANDS[first] ? first : ALIASES[first];
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    io.stderr(`Onbekende opdracht '${first}'. Kies uit: ${Object.keys(COMMANDS).join(", ")}. Zie 'stj --help'.\n`);
    return EXIT_USAGE;
  }
  const parsed = parseArgs(rest, command.spec);
  if (!parsed.ok) {
    io.stderr(`stj ${name}: ${parsed.error}\n\n${command.usage}`);
    return EXIT_USAGE;
  }
  const { positionals, values, flags, help } = parsed.args;
  if (help) {
    io.stdout(command.usage);
    return EXIT_OK;
  }
  if (positionals.length !== command.positionals) {
    const msg =
      positionals.length < command.positionals
        ? `geef het invoerbestand op.`
        : `te veel argumenten: ${positionals.slice(command.positionals).map((p) => `'${p}'`).join(", ")}.`;
    io.stderr(`stj ${name}: ${msg}\n\n${command.usage}`);
    return EXIT_USAGE;
  }
  try {
    return await command.run(positionals, values, flags, io);
  } catch (e) {
    if (e instanceof UsageError) io.stderr(`stj ${name}: ${e.message}\n`);
    else io.stderr(`stj ${name}: onverwachte fout: ${e instanceof Error ? e.message : String(e)}. Meld dit met het bestand dat u gebruikte.\n`);
    return EXIT_USAGE;
  }
}

/** Entry point when run as a program. */
export function main(argv: readonly string[] = process.argv.slice(2)): void {
  const io: CliIO = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s), stderrIsTTY: process.stderr.isTTY === true };
  run(argv, io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`stj: onverwachte fout: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = EXIT_USAGE;
    },
  );
}

if (require.main === module) main();
