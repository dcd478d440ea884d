/** A small argument parser: positionals, options with a value (`-o x`, `--output=x`) and flags. */

export interface OptionSpec {
  /** Spellings that take a value, mapped to the option's name: { "-o": "output", "--output": "output" }. */
  values?: Record<string, string>;
  /** Spellings of flags, mapped to the flag's name: { "--overwrite": "overwrite" }. */
  flags?: Record<string, string>;
}

export interface ParsedArgs {
  positionals: string[];
  values: Record<string, string>;
  flags: Set<string>;
  help: boolean;
}

export type ParseResult = { ok: true; args: ParsedArgs } | { ok: false; error: string };

export function parseArgs(argv: readonly string[], spec: OptionSpec): ParseResult {
  const values = spec.values ?? {};
  const flags = spec.flags ?? {};
  const out: ParsedArgs = { positionals: [], values: {}, flags: new Set(), help: false };
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (onlyPositionals || a === "-" || !a.startsWith("-")) {
      out.positionals.push(a);
      continue;
    }
    if (a === "--") {
      onlyPositionals = true;
      continue;
    }
    if (a === "-h" || a === "--help" || a === "-?") {
      out.help = true;
      continue;
    }
    const eq = a.indexOf("=");
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (name in values) {
      let v: string | undefined;
      if (eq > 0) v = a.slice(eq + 1);
      else {
        v = argv[i + 1];
        if (v === undefined || (v.startsWith("-") && v !== "-")) return { ok: false, error: `optie ${name} verwacht een waarde (bijvoorbeeld ${name} bestand.xlsx).` };
        i++;
      }
      if (v === "") return { ok: false, error: `optie ${name} verwacht een waarde.` };
      const key = values[name];
      if (key in out.values) return { ok: false, error: `optie ${name} staat er twee keer.` };
      out.values[key] = v;
      continue;
    }
    if (name in flags) {
      if (eq > 0) return { ok: false, error: `optie ${name} heeft geen waarde.` };
      out.flags.add(flags[name]);
      continue;
    }
    return { ok: false, error: `onbekende optie '${a}'.` };
  }
  return { ok: true, args: out };
}
