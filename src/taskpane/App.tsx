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
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
  type SelectTabData,
  type SelectTabEvent,
} from "@fluentui/react-components";
import { ADDIN_VERSION } from "../version";
import { currentLanguage, t, type Language, type StringKey } from "./strings";

/** The workflow steps, in order. Each step gets its own tab. */
const STEPS: ReadonlyArray<{ value: string; label: StringKey }> = [
  { value: "start", label: "stepStart" },
  { value: "controleren", label: "stepCheck" },
  { value: "scoren", label: "stepScore" },
  { value: "beoordelen", label: "stepAssess" },
  { value: "factsheet", label: "stepFactsheet" },
  { value: "overzicht", label: "stepOverview" },
];

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    minHeight: "100vh",
    boxSizing: "border-box",
  },
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

export interface AppProps {
  /** False when the page is opened outside Excel (e.g. directly in a browser). */
  inExcel: boolean;
  /** Use the dark theme (Office's Black / Dark Gray themes). */
  darkTheme?: boolean;
  /** UI language; defaults to Office's display language. */
  language?: Language;
}

export function App({ inExcel, darkTheme = false, language = currentLanguage() }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const [selected, setSelected] = React.useState<string>(STEPS[0].value);
  const s = (key: StringKey) => t(key, language);

  const onTabSelect = (_event: SelectTabEvent, data: SelectTabData) => {
    setSelected(String(data.value));
  };

  return (
    <FluentProvider theme={darkTheme ? webDarkTheme : webLightTheme}>
      <main className={styles.root} lang={language}>
        <header>
          <Title2 as="h1">{s("appTitle")}</Title2>
        </header>
        <Body1 as="p">{s("intro")}</Body1>
        {!inExcel && (
          <MessageBar intent="warning">
            <MessageBarBody>{s("notInExcel")}</MessageBarBody>
          </MessageBar>
        )}
        <TabList
          className={styles.tabs}
          selectedValue={selected}
          onTabSelect={onTabSelect}
          aria-label={s("stepsLabel")}
          size="small"
        >
          {STEPS.map((step) => (
            <Tab key={step.value} id={`tab-${step.value}`} value={step.value} aria-controls={`panel-${step.value}`}>
              {s(step.label)}
            </Tab>
          ))}
        </TabList>
        {STEPS.map((step) => (
          <section
            key={step.value}
            id={`panel-${step.value}`}
            role="tabpanel"
            aria-labelledby={`tab-${step.value}`}
            hidden={step.value !== selected}
            className={styles.panel}
          >
            <Body1 as="p">{s("notAvailable")}</Body1>
          </section>
        ))}
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
