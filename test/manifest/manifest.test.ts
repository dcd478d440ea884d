/**
 * @jest-environment jsdom
 */
/**
 * The manifest, offline: the source (development URLs) and the production manifest as the build
 * writes it (webpack.config.js's rewriteManifest, the same function the copy step runs; the browser
 * test also checks that dist/manifest.xml is exactly this). See test/manifest/rules.ts.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { checkManifest } from "./rules";

const ROOT = join(__dirname, "..", "..");
const source = readFileSync(join(ROOT, "manifest.xml"), "utf8");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require(join(ROOT, "webpack.config.js")) as { rewriteManifest(xml: string, url: string): string; productionUrl(raw?: string): string };

describe("manifest.xml", () => {
  test("the source manifest passes, with every URL on the dev server", () => {
    expect(checkManifest(source, { mode: "development" })).toEqual([]);
  });

  test("the production manifest passes: https only, no localhost", () => {
    expect(checkManifest(config.rewriteManifest(source, config.productionUrl()), { mode: "production" })).toEqual([]);
    expect(checkManifest(config.rewriteManifest(source, config.productionUrl("https://toets.example.nl/stj")), { mode: "production" })).toEqual([]);
  });

  test("the build refuses a production URL that is not https", () => {
    expect(() => config.productionUrl("http://toets.example.nl/")).toThrow(/https/);
  });

  test("the rules catch what they are for", () => {
    const broken = (from: string | RegExp, to: string) => checkManifest(source.replace(from, to), { mode: "development" });
    expect(broken("</OfficeApp>", "")[0]).toMatch(/not well-formed/);
    expect(broken('lifetime="long"', 'lifetime="short"')).toEqual([expect.stringMatching(/lifetime="long"/)]);
    expect(broken('<FunctionFile resid="Taskpane.Url" />', '<FunctionFile resid="Functions.Script.Url" />')).toEqual(
      expect.arrayContaining([expect.stringMatching(/function file uses resid 'Functions.Script.Url'/)]),
    );
    expect(broken("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadWriteMailbox</Permissions>")).toEqual([expect.stringMatching(/exactly ReadWriteDocument/)]);
    expect(broken('<Set Name="SharedRuntime" MinVersion="1.1" />', "")).toEqual([expect.stringMatching(/lacks the set SharedRuntime/)]);
    expect(broken('<Label resid="Group.Label" />', '<Label resid="Group.Lable" />')).toEqual(
      expect.arrayContaining([expect.stringMatching(/refers to no resource/), expect.stringMatching(/'Group.Label' is never used/)]),
    );
    expect(broken("</Runtimes>", '<Runtime resid="Taskpane.Url" lifetime="long" /></Runtimes>')).toEqual([expect.stringMatching(/exactly one <Runtime>/)]);
    expect(checkManifest(source, { mode: "production" })).toEqual(expect.arrayContaining([expect.stringMatching(/local URL/)]));
    expect(checkManifest(source.replace("https://localhost:3000/assets/icon-32.png", "http://localhost:3000/assets/icon-32.png"), { mode: "development" })).toEqual(
      expect.arrayContaining([expect.stringMatching(/not an https URL/)]),
    );
    const swapped = source.replace(/(<DefaultSettings>[\s\S]*?<\/DefaultSettings>)\s*(<Permissions>ReadWriteDocument<\/Permissions>)/, "$2$1");
    expect(swapped).not.toBe(source);
    expect(checkManifest(swapped, { mode: "development" })).toEqual([expect.stringMatching(/out of schema order/)]);
  });
});
