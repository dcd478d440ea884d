import type { Criterion, Framework, Indicator, Question, Theme } from "../types";

export interface IndicatorPlace {
  theme: Theme;
  criterion: Criterion;
  indicator: Indicator;
}

/** Every indicator with its theme and criterion, in framework order. */
export function indicatorPlaces(fw: Framework): IndicatorPlace[] {
  return fw.themes.flatMap((theme) => theme.criteria.flatMap((criterion) => criterion.indicators.map((indicator) => ({ theme, criterion, indicator }))));
}

export function indicators(fw: Framework): Indicator[] {
  return indicatorPlaces(fw).map((p) => p.indicator);
}

export function allQuestions(fw: Framework): Question[] {
  return indicators(fw).flatMap((i) => i.questions);
}

/** Case-insensitive lookup of an indicator code. */
export function findIndicator(fw: Framework, code: string): IndicatorPlace | undefined {
  const k = code.trim().toUpperCase();
  return indicatorPlaces(fw).find((p) => p.indicator.code.toUpperCase() === k);
}
