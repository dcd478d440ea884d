/**
 * What every panel needs: the workbook port, the strings, a confirmation dialog, and one task runner
 * that shows progress, keeps the pane responsive and turns errors into plain messages.
 */
import * as React from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Progress, StudyWorkbook } from "../port";
import { tf, type Language, type Params, type StringKey } from "../strings";
import { errorMessage } from "../errors";
import { splitCellRef } from "../model";

export interface ConfirmRequest {
  title: StringKey;
  /** The question, already filled in. */
  body: string;
  confirm: StringKey;
}

export interface ProgressState {
  phase: StringKey;
  done: number;
  total: number;
}

export interface Pane {
  workbook: StudyWorkbook;
  language: Language;
  s: (key: StringKey, params?: Params) => string;
  /** Asks the analyst; resolves true only on an explicit yes. */
  confirm: (request: ConfirmRequest) => Promise<boolean>;
  /**
   * Runs long work: one at a time, with progress, errors shown as plain messages. `phase(key)` gives a
   * progress callback for a named phase. Resolves undefined when the work failed.
   */
  run: <T>(work: (phase: (key: StringKey) => Progress) => Promise<T>) => Promise<T | undefined>;
  busy: boolean;
  /** Selects a cell "Blad!A1" (or a sheet, "Blad!") in the workbook. */
  goTo: (ref: string) => void;
}

export const PaneContext = React.createContext<Pane | null>(null);

interface Status {
  busy: boolean;
  progress: ProgressState | null;
  error: string | null;
  /** A confirmation dialog is open: the work waits for the analyst. */
  waiting: boolean;
}
const StatusContext = React.createContext<Status>({ busy: false, progress: null, error: null, waiting: false });

/**
 * Progress of the running work and the last error, in plain words. Placed by the App under the
 * steps; a polite live region, so screen readers hear the progress without losing their place.
 */
export function PaneStatus(): React.JSX.Element {
  const styles = useStyles();
  const { s } = usePane();
  const { busy, progress, error, waiting } = React.useContext(StatusContext);
  return (
    <>
      <div role="status" aria-live="polite" aria-busy={busy} className={styles.progress} data-testid="pane-status">
        {busy && !progress && !waiting && <Spinner size="tiny" label={s("busy")} labelPosition="after" />}
        {progress && !waiting && (
          <Field
            label={progress.total > 0 ? s("progressOf", { phase: s(progress.phase), done: progress.done, total: progress.total }) : s(progress.phase)}
            validationState="none"
          >
            <ProgressBar value={progress.total > 0 ? progress.done / progress.total : undefined} max={1} aria-label={s("progressLabel")} />
          </Field>
        )}
      </div>
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{s("errorTitle")}</MessageBarTitle>
            {error}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

export function usePane(): Pane {
  const pane = React.useContext(PaneContext);
  if (!pane) throw new Error("usePane outside PaneProvider");
  return pane;
}

const useStyles = makeStyles({
  progress: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

interface PendingConfirm extends ConfirmRequest {
  resolve: (yes: boolean) => void;
}

export interface PaneProviderProps {
  workbook: StudyWorkbook;
  language: Language;
  children: React.ReactNode;
}

/** Provides the {@link Pane} and renders the shared progress, error and confirmation UI. */
export function PaneProvider({ workbook, language, children }: PaneProviderProps): React.JSX.Element {
  const [busy, setBusy] = React.useState(false);
  const [progress, setProgress] = React.useState<ProgressState | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [pending, setPending] = React.useState<PendingConfirm | null>(null);
  const busyRef = React.useRef(false);
  const s = React.useCallback((key: StringKey, params?: Params) => tf(key, params, language), [language]);

  const confirm = React.useCallback((request: ConfirmRequest) => new Promise<boolean>((resolve) => setPending({ ...request, resolve })), []);
  const answer = (yes: boolean) => {
    pending?.resolve(yes);
    setPending(null);
  };

  const run = React.useCallback(
    async <T,>(work: (phase: (key: StringKey) => Progress) => Promise<T>): Promise<T | undefined> => {
      if (busyRef.current) return undefined;
      busyRef.current = true;
      setBusy(true);
      setError(null);
      const phase = (key: StringKey): Progress => {
        setProgress({ phase: key, done: 0, total: 0 });
        return (done, total) => setProgress({ phase: key, done, total });
      };
      try {
        // Let the pane show that it is busy before the work starts.
        await new Promise((r) => setTimeout(r, 0));
        return await work(phase);
      } catch (e) {
        setError(errorMessage(e, s));
        return undefined;
      } finally {
        busyRef.current = false;
        setBusy(false);
        setProgress(null);
      }
    },
    [s],
  );

  const goTo = React.useCallback(
    (ref: string) => {
      const { sheet, address } = splitCellRef(ref);
      workbook.select(sheet, address).catch((e: unknown) => setError(errorMessage(e, s)));
    },
    [workbook, s],
  );

  const pane = React.useMemo<Pane>(() => ({ workbook, language, s, confirm, run, busy, goTo }), [workbook, language, s, confirm, run, busy, goTo]);

  const status = React.useMemo(() => ({ busy, progress, error, waiting: pending !== null }), [busy, progress, error, pending]);

  return (
    <PaneContext.Provider value={pane}>
      <StatusContext.Provider value={status}>
        {children}
      </StatusContext.Provider>
      <Dialog open={pending !== null} modalType="alert" onOpenChange={(_, d) => !d.open && answer(false)}>
        <DialogSurface aria-describedby="confirm-body">
          <DialogBody>
            <DialogTitle>{pending ? s(pending.title) : ""}</DialogTitle>
            <DialogContent id="confirm-body">{pending?.body}</DialogContent>
            <DialogActions>
              {/* The safe choice comes first and gets the focus (Fluent focuses the first button):
                  pressing Enter at once never overwrites anything. */}
              <Button appearance="secondary" onClick={() => answer(false)}>
                {s("cancel")}
              </Button>
              <Button appearance="primary" onClick={() => answer(true)}>
                {pending ? s(pending.confirm) : ""}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </PaneContext.Provider>
  );
}
