import type { Criterion, Framework, Indicator, Question, Theme } from "../types";

export interface IndicatorPlace {
  theme: Theme;
  criterion: Criterion;
  indicator: Indicator;
}

/** Every indicator with its theme and criterion, in framework order. */
const placeCache = new WeakMap<Framework, IndicatorPlace[]>();

/** Every indicator with its theme and criterion, in framework order (computed once per framework object). */
export function indicatorPlaces(fw: Framework): IndicatorPlace[] {
  let places = placeCache.get(fw);
  if (!places) {
    places = fw.themes.flatMap((theme) => theme.criteria.flatMap((criterion) => criterion.indicators.map((indicator) => ({ theme, criterion, indicator }))));
    placeCache.set(fw, places);
  }
  return places;
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
