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

export type { CliIO } from "./commands";
export { EXIT_OK, EXIT_INPUT_ERRORS, EXIT_USAGE } from "./commands";

const USAGE = `STJ Toets ${ADDIN_VERSION} — scoort het STJ-toetsingskader (GGSR) en maakt factsheets.
(Scores the STJ framework for GGSR from questionnaire answers and writes results and factsheets.)

Gebruik: stj <opdracht> [opties]

Opdrachten:
  template -o <bestand.xlsx>                    leeg antwoordformulier (Antwoorden, Context, Toetsingskader, Aanpassingen)
  validate <antwoorden.xlsx|.csv>              controleert de antwoorden en meldt elke fout met blad en cel
  score <antwoorden.xlsx|.csv> -o <uit.xlsx>   scoort en schrijft Resultaten, Overeenstemming, Controle en factsheets
  example -o <bestand.xlsx>                    het voorbeeldonderzoek (Emmen, Oosterhout, Spijkenisse)
  demo [--out-dir <map>]                       voorbeeld schrijven en scoren in <map> (standaard out/)

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
indicator), Overeenstemming, Controle (alle meldingen) en een factsheet per aanpak. Er wordt ook
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

const ALIASES: Record<string, string> = { valideer: "validate", controleer: "validate", scoor: "score", voorbeeld: "example", sjabloon: "template" };

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
  const io: CliIO = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) };
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
