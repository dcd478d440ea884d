/**
 * Start: which study sheets the workbook has; set up the missing ones (with dropdowns); import the
 * answers (and optionally the context) from an .xlsx or .csv file the analyst picks.
 */
import * as React from "react";
import { Body1, Button, Caption1, Checkbox, MessageBar, MessageBarBody, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { frameworkFromSheet, ggsr2013 } from "../../scoring";
import type { Framework } from "../../scoring";
import type { SheetSpec, WorkbookSummary } from "../port";
import { readAnswersFile, type ImportedFile } from "../importFile";
import {
  ANSWERS_SHEET,
  answersSpec,
  CONTEXT_SHEET,
  contextSpec,
  findSheet,
  FRAMEWORK_SHEET,
  frameworkSpec,
  INPUT_SHEETS,
  OVERRIDES_SHEET,
  overridesSpec,
  StudyLists,
} from "../sheets";
import { withLists } from "../flow";
import { usePane } from "./pane";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalL },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  missing: { color: tokens.colorPaletteRedForeground1 },
});

export interface StartPanelProps {
  /** Called after the workbook changed (sheets set up or answers imported). */
  onChanged?: () => void;
}

export function StartPanel({ onChanged }: StartPanelProps): React.JSX.Element {
  const styles = useStyles();
  const { workbook, s, run, busy, confirm } = usePane();
  const [summary, setSummary] = React.useState<WorkbookSummary | null>(null);
  const [message, setMessage] = React.useState<string | null>(null);
  const [imported, setImported] = React.useState<ImportedFile | null>(null);
  const [withContext, setWithContext] = React.useState(true);
  const fileInput = React.useRef<HTMLInputElement>(null);

  const refresh = React.useCallback(async () => {
    const sum = await workbook.summary(INPUT_SHEETS);
    setSummary(sum);
    return sum;
  }, [workbook]);

  React.useEffect(() => {
    void run(() => refresh());
  }, [run, refresh]);

  /** The workbook's own framework when its Toetsingskader sheet is valid, else the built-in one. */
  const currentFramework = async (sum: WorkbookSummary): Promise<Framework> => {
    if (!findSheet(sum.sheets, FRAMEWORK_SHEET)) return ggsr2013;
    const read = (await workbook.readSheets([FRAMEWORK_SHEET]))[FRAMEWORK_SHEET];
    return (read && frameworkFromSheet(read).framework) || ggsr2013;
  };

  const setUp = () =>
    run(async () => {
      setMessage(null);
      const sum = await refresh();
      const fw = await currentFramework(sum);
      const lists = new StudyLists(fw);
      const specs: SheetSpec[] = [];
      if (!findSheet(sum.sheets, ANSWERS_SHEET) && !sum.answersTable) specs.push(answersSpec(fw, lists));
      if (!findSheet(sum.sheets, CONTEXT_SHEET)) specs.push(contextSpec());
      if (!findSheet(sum.sheets, FRAMEWORK_SHEET)) specs.push(frameworkSpec(fw, lists));
      if (!findSheet(sum.sheets, OVERRIDES_SHEET)) specs.push(overridesSpec(lists));
      if (specs.length === 0) {
        setMessage(s("setUpNothing"));
        return;
      }
      const all = await withLists(workbook, specs, lists, confirm, s);
      if (!all) return;
      await workbook.writeSheets(all);
      await refresh();
      setMessage(s("setUpDone", { sheets: specs.map((x) => x.name).join(", ") }));
      onChanged?.();
    });

  const chooseFile = async (file: File | undefined) => {
    if (!file) return;
    setImported(null);
    setMessage(null);
    await run(async () => {
      const sum = summary ?? (await refresh());
      const fw = await currentFramework(sum);
      setImported(await readAnswersFile(file, fw));
    });
    if (fileInput.current) fileInput.current.value = "";
  };

  const doImport = () =>
    run(async () => {
      if (!imported?.answers) return;
      const sum = await refresh();
      const existing = findSheet(sum.sheets, ANSWERS_SHEET);
      const takeContext = withContext && imported.context !== null;
      const existingContext = findSheet(sum.sheets, CONTEXT_SHEET);
      if (existing && existing.rows > 1) {
        let body = s("confirmReplaceAnswers", { rows: existing.rows - 1, newRows: imported.answers.length - 1, file: imported.file });
        if (takeContext && existingContext && existingContext.rows > 1) body += ` ${s("confirmReplaceContext", { rows: existingContext.rows - 1 })}`;
        if (!(await confirm({ title: "confirmReplaceTitle", body, confirm: "replace" }))) return;
      } else if (takeContext && existingContext && existingContext.rows > 1) {
        if (!(await confirm({ title: "confirmReplaceTitle", body: s("confirmReplaceContext", { rows: existingContext.rows - 1 }), confirm: "replace" }))) return;
      }
      const fw = await currentFramework(sum);
      const lists = new StudyLists(fw);
      const specs: SheetSpec[] = [answersSpec(fw, lists, imported.answers)];
      if (takeContext && imported.context) specs.push(contextSpec(imported.context));
      if (!findSheet(sum.sheets, FRAMEWORK_SHEET)) specs.push(frameworkSpec(fw, lists));
      if (!findSheet(sum.sheets, OVERRIDES_SHEET)) specs.push(overridesSpec(lists));
      const all = await withLists(workbook, specs, lists, confirm, s);
      if (!all) return;
      await workbook.writeSheets(all);
      await workbook.select(ANSWERS_SHEET, "A1");
      await refresh();
      setMessage(s(takeContext ? "importDoneContext" : "importDone", { rows: imported.answers.length - 1 }));
      setImported(null);
      onChanged?.();
    });

  const status = (name: string) => {
    const sheet = summary ? findSheet(summary.sheets, name) : undefined;
    if (sheet) {
      if (sheet.rows <= 1 || name === FRAMEWORK_SHEET) return s("sheetPresent");
      const key = name === ANSWERS_SHEET ? "sheetAnswerRows" : name === OVERRIDES_SHEET ? "sheetOverrideRows" : "sheetPresentRows";
      return s(key, { rows: sheet.rows - 1 });
    }
    if (name === ANSWERS_SHEET && summary?.answersTable) return s("sheetTable");
    return null;
  };

  return (
    <div>
      <section className={styles.section} aria-labelledby="start-sheets">
        <Subtitle2 as="h2" id="start-sheets">
          {s("startHeading")}
        </Subtitle2>
        <Body1 as="p">{s("startSheetsIntro")}</Body1>
        {summary && (
          <ul className={styles.list}>
            {INPUT_SHEETS.map((name) => {
              const st = status(name);
              return (
                <li key={name}>
                  <Body1>
                    <strong>{name}</strong>: {st ?? <span className={styles.missing}>{s("sheetMissing")}</span>}
                  </Body1>
                </li>
              );
            })}
          </ul>
        )}
        <div className={styles.row}>
          <Button appearance="primary" onClick={() => void setUp()} disabled={busy}>
            {s("setUp")}
          </Button>
          <Button onClick={() => void run(() => refresh())} disabled={busy}>
            {s("refresh")}
          </Button>
        </div>
        <Caption1>{s("setUpHelp")}</Caption1>
      </section>

      <section className={styles.section} aria-labelledby="start-import">
        <Subtitle2 as="h2" id="start-import">
          {s("importHeading")}
        </Subtitle2>
        <Body1 as="p">{s("importHelp")}</Body1>
        {/* The native file input stays hidden; the button opens its dialog (keyboard and screen readers use the button). */}
        <input
          ref={fileInput}
          type="file"
          accept=".xlsx,.xlsm,.csv,.txt"
          hidden
          aria-label={s("fileInputLabel")}
          data-testid="answers-file"
          onChange={(e) => void chooseFile(e.currentTarget.files?.[0])}
        />
        <div className={styles.row}>
          <Button onClick={() => fileInput.current?.click()} disabled={busy}>
            {s("chooseFile")}
          </Button>
          {!imported && <Caption1>{s("noFileChosen")}</Caption1>}
        </div>
        {imported && (
          <>
            <Body1 as="p">
              {imported.answers
                ? s("fileRead", {
                    file: imported.file,
                    respondents: imported.respondents,
                    approaches: imported.approaches,
                    problems: imported.errors + imported.warnings === 0 ? s("problemsNone") : s("problemsCount", { errors: imported.errors, warnings: imported.warnings }),
                  })
                : s("fileNoAnswers", { file: imported.file })}
            </Body1>
            {imported.answers && imported.context && (
              <Checkbox
                checked={withContext}
                onChange={(_, d) => setWithContext(d.checked === true)}
                label={s("alsoContext", { rows: imported.context.length - 1 })}
              />
            )}
            {imported.answers && (
              <div className={styles.row}>
                <Button appearance="primary" onClick={() => void doImport()} disabled={busy}>
                  {s("importButton")}
                </Button>
              </div>
            )}
          </>
        )}
      </section>
      {message && (
        <MessageBar intent="success">
          <MessageBarBody>{message}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
