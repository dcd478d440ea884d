import * as React from "react";
import {
  Body1,
  Caption1,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Tab,
  TabList,
  Title2,
  makeStaticStyles,
  makeStyles,
  teamsHighContrastTheme,
  tokens,
  webDarkTheme,
  webLightTheme,
  type SelectTabData,
  type SelectTabEvent,
} from "@fluentui/react-components";
import type { ApproachResult } from "../scoring";
import { ADDIN_VERSION } from "../version";
import type { LoadedStudy } from "./flow";
import type { StudyWorkbook } from "./port";
import { currentLanguage, t, type Language, type StringKey } from "./strings";
import { AssessPanel } from "./components/AssessPanel";
import { CheckPanel } from "./components/CheckPanel";
import { FactsheetPanel } from "./components/FactsheetPanel";
import { OverviewPanel } from "./components/OverviewPanel";
import { PaneProvider, PaneStatus } from "./components/pane";
import { ScorePanel } from "./components/ScorePanel";
import { StartPanel } from "./components/StartPanel";

/** The workflow steps, in order. Each step gets its own tab. */
export const STEPS = [
  { value: "start", label: "stepStart" },
  { value: "controleren", label: "stepCheck" },
  { value: "scoren", label: "stepScore" },
  { value: "beoordelen", label: "stepAssess" },
  { value: "factsheet", label: "stepFactsheet" },
  { value: "overzicht", label: "stepOverview" },
] as const satisfies ReadonlyArray<{ value: string; label: StringKey }>;
export type Step = (typeof STEPS)[number]["value"];

/** The pane fills the task pane: no page margin around the themed background. */
const useStaticStyles = makeStaticStyles({ body: { margin: 0 } });

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    // Spacing comes from the flex gaps; the browser's default margins would double it.
    "& p, & h1, & h2, & h3, & h4, & ul, & figure": { marginTop: 0, marginBottom: 0 },
  },
  header: { margin: 0 },
  tabs: {
    flexWrap: "wrap",
  },
  panel: {
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
  },
  footer: {
    marginTop: "auto",
    color: tokens.colorNeutralForeground3,
  },
});

export type ThemeChoice = "light" | "dark" | "highContrast";

export const THEMES = { light: webLightTheme, dark: webDarkTheme, highContrast: teamsHighContrastTheme } as const;

export interface AppProps {
  /** False when the page is opened outside Excel (e.g. directly in a browser). */
  inExcel: boolean;
  /** The workbook; absent outside Excel. */
  workbook?: StudyWorkbook;
  /** Use the dark theme (Office's Black / Dark Gray themes). */
  darkTheme?: boolean;
  /** Light, dark (Office's theme) or high contrast (the system's forced colors); overrides darkTheme. */
  theme?: ThemeChoice;
  /** UI language; defaults to Office's display language. */
  language?: Language;
  /** The step shown first. */
  initialStep?: Step;
}

export function App({ inExcel, workbook, darkTheme = false, theme, language = currentLanguage(), initialStep = "start" }: AppProps): React.JSX.Element {
  useStaticStyles();
  const styles = useStyles();
  const [selected, setSelected] = React.useState<Step>(initialStep);
  const [loaded, setLoaded] = React.useState<LoadedStudy | null>(null);
  const [results, setResults] = React.useState<ApproachResult[] | null>(null);
  const [stale, setStale] = React.useState(false);
  const s = (key: StringKey) => t(key, language);
  const choice: ThemeChoice = theme ?? (darkTheme ? "dark" : "light");

  const onTabSelect = (_event: SelectTabEvent, data: SelectTabData) => {
    setSelected(data.value as Step);
  };

  const panel = (step: Step): React.ReactNode => {
    if (!workbook) return <Body1 as="p">{s("notAvailable")}</Body1>;
    switch (step) {
      case "start":
        return <StartPanel />;
      case "controleren":
        return <CheckPanel loaded={loaded} onLoaded={setLoaded} />;
      case "scoren":
        return (
          <ScorePanel
            results={results}
            stale={stale}
            onScored={(l, r) => {
              setLoaded(l);
              setResults(r);
              setStale(false);
            }}
          />
        );
      case "beoordelen":
        return (
          <AssessPanel
            loaded={loaded}
            results={results}
            onOverrides={(l, r) => {
              setLoaded(l);
              setResults(r);
              setStale(true);
            }}
          />
        );
      case "factsheet":
        return <FactsheetPanel loaded={loaded} results={results} />;
      case "overzicht":
        return <OverviewPanel loaded={loaded} results={results} />;
    }
  };

  const body = (
    <>
      <TabList className={styles.tabs} selectedValue={selected} onTabSelect={onTabSelect} aria-label={s("stepsLabel")} size="small">
        {STEPS.map((step) => (
          <Tab key={step.value} id={`tab-${step.value}`} value={step.value} aria-controls={`panel-${step.value}`}>
            {s(step.label)}
          </Tab>
        ))}
      </TabList>
      {workbook && <PaneStatus />}
      {STEPS.map((step) => (
        <div key={step.value} id={`panel-${step.value}`} role="tabpanel" aria-labelledby={`tab-${step.value}`} hidden={step.value !== selected} className={styles.panel}>
          {panel(step.value)}
        </div>
      ))}
    </>
  );

  return (
    <FluentProvider theme={THEMES[choice]}>
      <main className={styles.root} lang={language}>
        <header>
          <Title2 as="h1" className={styles.header}>
            {s("appTitle")}
          </Title2>
        </header>
        <Body1 as="p">{s("intro")}</Body1>
        {!inExcel && (
          <MessageBar intent="warning">
            <MessageBarBody>{s("notInExcel")}</MessageBarBody>
          </MessageBar>
        )}
        {workbook ? (
          <PaneProvider workbook={workbook} language={language}>
            {body}
          </PaneProvider>
        ) : (
          body
        )}
        <footer className={styles.footer}>
          <Caption1>
            {s("versionLabel")} {ADDIN_VERSION}
          </Caption1>
        </footer>
      </main>
    </FluentProvider>
  );
}

export default App;
