/** Small pieces of Dutch phrasing for findings: numbers, lists, who-said-what subjects. */

const WORDS = ["nul", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien"];

export function numberWord(n: number): string {
  return n >= 0 && n < WORDS.length ? WORDS[n] : String(n);
}

export function capitalize(s: string): string {
  if (s.startsWith("één")) return "Eén" + s.slice(3);
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "a", "a en b", "a, b en c". */
export function joinList(items: readonly string[], last = "en"): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${last} ${items[items.length - 1]}`;
}

/** 0.756 → "76%". */
export function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}

/** 0.25 → "0,25" (Dutch decimal comma). */
export function decimal(x: number, digits = 2): string {
  return x.toFixed(digits).replace(".", ",");
}

/**
 * Who said it, the way the STJ findings name respondents.
 * `gemeente`: the gemeente is in the group; `partners`: how many netwerkpartners are in it;
 * `totalPartners`: how many netwerkpartners were asked; `gemeenteAsked`: whether a gemeente was asked.
 */
export interface Group {
  gemeente: boolean;
  partners: number;
  totalPartners: number;
  gemeenteAsked: boolean;
}

export function groupSize(g: Group): number {
  return (g.gemeente ? 1 : 0) + g.partners;
}

export function subject(g: Group): string {
  const everyone = g.gemeente === g.gemeenteAsked && g.partners === g.totalPartners;
  const size = groupSize(g);
  if (everyone && size >= 2 && g.gemeente && g.partners > 0) return "alle ondervraagden";
  if (g.gemeente && g.partners === 0) return "de gemeente";
  if (g.gemeente) {
    if (g.partners === g.totalPartners) return g.partners === 1 ? "de gemeente en de netwerkpartner" : "de gemeente en de netwerkpartners";
    return g.partners === 1 ? "de gemeente en één netwerkpartner" : `de gemeente en ${numberWord(g.partners)} netwerkpartners`;
  }
  if (g.partners === g.totalPartners) {
    if (g.partners === 1) return "de netwerkpartner";
    if (g.partners === 2) return "beide netwerkpartners";
    return `alle ${numberWord(g.partners)} netwerkpartners`;
  }
  if (g.partners === 1) return "één van de netwerkpartners";
  return `${numberWord(g.partners)} van de ${numberWord(g.totalPartners)} netwerkpartners`;
}

/** Verb in agreement with the group: "geeft"/"geven". */
export function verb(g: Group, singular: string, plural: string): string {
  return groupSize(g) === 1 ? singular : plural;
}
