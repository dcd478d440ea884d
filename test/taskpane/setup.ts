/**
 * What Fluent UI needs from a browser that jsdom lacks, and jest-axe's matcher. Import first in every
 * component test (which also carries the `@jest-environment jsdom` docblock).
 */
import { toHaveNoViolations } from "jest-axe";

expect.extend(toHaveNoViolations);

class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
const g = globalThis as Record<string, unknown>;
g.ResizeObserver ??= ResizeObserverStub;
if (typeof window !== "undefined") {
  window.matchMedia ??= ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  })) as unknown as typeof window.matchMedia;
  window.scrollTo ??= () => {};
  Element.prototype.scrollIntoView ??= function () {};
}

// jsdom has no Blob.arrayBuffer and (in jest's jsdom environment) no TextDecoder; the file import needs both.
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from "util";
g.TextDecoder ??= NodeTextDecoder;
g.TextEncoder ??= NodeTextEncoder;
if (typeof Blob !== "undefined" && !Blob.prototype.arrayBuffer) {
  Blob.prototype.arrayBuffer = function (this: Blob): Promise<ArrayBuffer> {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.onerror = () => reject(reader.error);
      reader.readAsArrayBuffer(this);
    });
  };
}

// Fluent's focus manager (tabster) lives on the window. jsdom keeps one window for all tests of a
// file, and a tabster left over from an unmounted pane hides the next pane's dialogs (aria-hidden).
// Unmount and dispose it after each test; a real pane has one window per page.
import { cleanup } from "@testing-library/react";
afterEach(() => {
  cleanup();
  const w = window as unknown as { __tabsterInstance?: { dispose?: () => void } };
  w.__tabsterInstance?.dispose?.();
  delete w.__tabsterInstance;
  document.body.innerHTML = "";
  for (const a of [...document.body.attributes]) document.body.removeAttribute(a.name);
  for (const a of [...document.documentElement.attributes]) if (a.name.startsWith("data-")) document.documentElement.removeAttribute(a.name);
});

// jsdom has no object URLs (the share copy is offered as one).
if (typeof URL !== "undefined" && !URL.createObjectURL) {
  let n = 0;
  URL.createObjectURL = () => `blob:stj-test/${++n}`;
  URL.revokeObjectURL = () => undefined;
}
