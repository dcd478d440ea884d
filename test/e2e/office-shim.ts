/**
 * The `Office` global around the stand-in's `Excel`: what the task pane and the custom functions
 * bundle touch at start-up (Office.onReady, context.displayLanguage, officeTheme, requirements,
 * document.settings, CustomFunctions.associate). Works in Node (component and port tests) and in the
 * browser bundle of the end-to-end test.
 */
import type { StandIn } from "../standin/excel";
import "./standin-extras";

export interface ShimOptions {
  displayLanguage?: string;
  darkTheme?: boolean;
  /** The ExcelApi version the host claims (default 1.12: no merged-area reading). */
  excelApi?: number;
}

export interface OfficeShim {
  settings: Map<string, unknown>;
  /** Times settings.saveAsync was called. */
  saves: number;
}

export function installOffice(standIn: StandIn, target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>, options: ShimOptions = {}): OfficeShim {
  const shim: OfficeShim = { settings: new Map(), saves: 0 };
  const info = { host: "Excel", platform: "OfficeOnline" };
  const excelApi = options.excelApi ?? 1.12;
  target.Excel = standIn.Excel;
  target.Office = {
    HostType: { Excel: "Excel", Word: "Word" },
    PlatformType: { OfficeOnline: "OfficeOnline" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: {},
    context: {
      displayLanguage: options.displayLanguage ?? "nl-NL",
      officeTheme: { isDarkTheme: options.darkTheme === true, bodyBackgroundColor: options.darkTheme ? "#262626" : "#ffffff" },
      requirements: {
        isSetSupported: (name: string, version?: string | number) => {
          const v = Number(version ?? 1);
          if (name === "ExcelApi") return v <= excelApi;
          return ["CustomFunctionsRuntime", "SharedRuntime"].includes(name) && v <= 1.1;
        },
      },
      document: {
        settings: {
          get: (key: string) => (shim.settings.has(key) ? shim.settings.get(key) : null),
          set: (key: string, value: unknown) => void shim.settings.set(key, value),
          remove: (key: string) => void shim.settings.delete(key),
          saveAsync: (callback?: (r: { status: string }) => void) => {
            shim.saves++;
            setTimeout(() => callback?.({ status: "succeeded" }), 0);
          },
        },
      },
    },
    onReady: (callback?: (i: typeof info) => void) => {
      setTimeout(() => callback?.(info), 0);
      return Promise.resolve(info);
    },
    actions: { associate: () => undefined },
  };
  target.CustomFunctions = { associate: () => undefined, Error: class extends Error {}, ErrorCode: {} };
  return shim;
}
