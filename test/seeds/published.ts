/**
 * The published verdicts of the seed approaches (../shared/seeds): ✓ = voldoet, ✗ = verbeterpunt;
 * "L" marks a ✓ with a LET OP note. Transcribed by hand from the findings tables, in framework order.
 */
export type Published = "✓" | "✓L" | "✗";

export const PUBLISHED: Record<string, { seed: string; verdicts: Record<string, Published> }> = {
  Emmen: {
    seed: "000 (CJG-aanpak)",
    verdicts: {
      TL1: "✓", TL2: "✓L", TL3: "✓", TL4: "✓",
      GC1: "✓L", GC2: "✓L", GC3: "✓",
      AP1: "✓", AP2: "✓", AP3: "✓", AP4: "✓", AP5: "✓", AP6: "✓", AP7: "✓",
      AP8: "✓", AP9: "✗", AP10: "✓", AP11: "✓L", AP12: "✓", AP13: "✓", AP14: "✗",
      SW1: "✓", SW2: "✗", SW3: "✗", SW4: "✗", SW5: "✓", SW6: "✓L",
      CO1: "✗", CO2: "✗", CO3: "✓",
    },
  },
  Oosterhout: {
    seed: "001 (Gezinsmanager)",
    verdicts: {
      TL1: "✓", TL2: "✗", TL3: "✓", TL4: "✓",
      GC1: "✓", GC2: "✓", GC3: "✓",
      AP1: "✓L", AP2: "✗", AP3: "✓", AP4: "✓", AP5: "✓", AP6: "✓", AP7: "✓",
      AP8: "✓L", AP9: "✗", AP10: "✓", AP11: "✓L", AP12: "✓", AP13: "✓", AP14: "✗",
      SW1: "✓", SW2: "✓", SW3: "✓", SW4: "✗", SW5: "✓", SW6: "✓L",
      CO1: "✗", CO2: "✗", CO3: "✓",
    },
  },
  Spijkenisse: {
    seed: "002 (Brede zorgcoördinatie jeugd en gezin)",
    verdicts: {
      TL1: "✗", TL2: "✗", TL3: "✓", TL4: "✓",
      GC1: "✓", GC2: "✓", GC3: "✗",
      AP1: "✓", AP2: "✗", AP3: "✓", AP4: "✓", AP5: "✓", AP6: "✓", AP7: "✓",
      AP8: "✓", AP9: "✓", AP10: "✗", AP11: "✓L", AP12: "✗", AP13: "✗", AP14: "✓L",
      SW1: "✓", SW2: "✓", SW3: "✓", SW4: "✓", SW5: "✓", SW6: "✓L",
      CO1: "✓", CO2: "✗", CO3: "✓",
    },
  },
};
