/**
 * Builds for the end-to-end test: the production task pane (the project's own webpack config, into a
 * directory of its own so dist/ is left alone) and the browser bundle of the Office stand-in.
 */
import { spawn } from "child_process";
import { mkdirSync } from "fs";
import { join, resolve } from "path";
import webpack from "webpack";

export const ROOT = resolve(__dirname, "../..");

/** `webpack --mode production` into `outDir`; rejects with webpack's output on failure. */
export function buildPane(outDir: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const cli = join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
    const child = spawn(process.execPath, [cli, "--mode", "production", "--no-devtool", "--output-path", outDir], { cwd: ROOT, env: { ...process.env, NODE_ENV: "production" } });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolvePromise() : reject(new Error(`npm run build failed (exit ${code}):\n${out.slice(-4000)}`))));
  });
}

/** test/e2e/office-standin.ts as one browser script (ExcelJS's browser build included). */
export function buildStandIn(outDir: string): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  const compiler = webpack({
    mode: "development",
    devtool: false,
    target: "web",
    context: ROOT,
    entry: { "office-standin": "./test/e2e/office-standin.ts" },
    output: { path: outDir, filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { configFile: join(ROOT, "tsconfig.json"), transpileOnly: true, compilerOptions: { module: "esnext" } } },
        },
      ],
    },
    performance: { hints: false },
  });
  return new Promise((resolvePromise, reject) =>
    compiler.run((err, stats) => {
      compiler.close(() => undefined);
      if (err) return reject(err);
      if (!stats || stats.hasErrors()) return reject(new Error(stats?.toString({ all: false, errors: true }) ?? "webpack failed"));
      resolvePromise(join(outDir, "office-standin.js"));
    }),
  );
}
