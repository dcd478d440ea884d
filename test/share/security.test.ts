/**
 * The facts docs/security.md states, checked: the manifest asks for ReadWriteDocument only, the task
 * pane's content security policy is the documented one, and no source file makes a network call.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

const ROOT = resolve(__dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx|js|html)$/.test(name) ? [p] : [];
  });
}

/** Source text without comments (so documentation may mention what the code must not do). */
function code(file: string): string {
  return readFileSync(file, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/(^|[^:"'`])\/\/.*$/gm, "$1")
    .replace(/<!--[\s\S]*?-->/g, "");
}

describe("security facts of docs/security.md", () => {
  it("the manifest asks for ReadWriteDocument and nothing else, and names no other domains", () => {
    const manifest = readFileSync(join(ROOT, "manifest.xml"), "utf8");
    expect([...manifest.matchAll(/<Permissions>([^<]*)<\/Permissions>/g)].map((m) => m[1])).toEqual(["ReadWriteDocument"]);
    expect(manifest).not.toMatch(/<AppDomains?\b/);
  });

  it("the task pane's content security policy is the documented one", () => {
    const html = readFileSync(join(ROOT, "src/taskpane/taskpane.html"), "utf8");
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1];
    expect(csp).toBe("default-src 'self'; script-src 'self' https://appsforoffice.microsoft.com; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self';");
    const docs = readFileSync(join(ROOT, "docs/security.md"), "utf8");
    expect(docs).toContain(csp!.replace(/;$/, ""));
    // The only external resource is office.js.
    const urls = [...code(join(ROOT, "src/taskpane/taskpane.html")).matchAll(/\b(?:src|href)="(https?:[^"]*)"/g)].map((m) => m[1]);
    expect(urls).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
  });

  it("no source file makes a network call (fetch, XMLHttpRequest, WebSocket, beacons, Node's http/net)", () => {
    const offenders: string[] = [];
    const network = /\bfetch\s*\(|XMLHttpRequest|\bWebSocket\b|sendBeacon|\bEventSource\b|from\s+"(?:node:)?(?:http|https|http2|net|dgram|tls)"|require\(\s*"(?:node:)?(?:http|https|http2|net|dgram|tls)"\s*\)/;
    for (const f of sourceFiles(join(ROOT, "src"))) if (network.test(code(f))) offenders.push(f);
    expect(offenders).toEqual([]);
  });
});
