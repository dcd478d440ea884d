/* eslint-disable no-undef */
/* global require, module, process, __dirname */

/*
 * Build of the STJ Toets Excel add-in (shared runtime).
 *
 * Follows Microsoft's Excel-Custom-Functions "shared-runtime" Yeoman template:
 * one page (taskpane.html) loads both the custom functions bundle and the task
 * pane bundle, because the manifest points the task pane, the custom functions
 * page and the FunctionFile at the same resid (Taskpane.Url).
 * Differences from the template: TypeScript through ts-loader (no babel), no
 * IE polyfill entry, React task pane, a derived Dutch functions-nl.json, and
 * dev certificates only for `webpack serve`.
 *
 * Outputs (dist/): taskpane.html, taskpane.js, functions.js, functions.json,
 * functions-nl.json, manifest.xml, assets/*.
 */

const fs = require("fs");
const path = require("path");
const Module = require("module");
const webpack = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const urlDev = "https://localhost:3000/";
const urlProdDefault = "https://stj-toets.example.nl/";

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The production base URL: https, ending in "/". From env STJ_PROD_URL. */
function productionUrl(raw = process.env.STJ_PROD_URL || urlProdDefault) {
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`STJ_PROD_URL is not a valid URL: "${raw}"`);
  }
  if (url.protocol !== "https:") {
    throw new Error(`STJ_PROD_URL must use https (Office add-ins require it): "${raw}"`);
  }
  if (url.search || url.hash) {
    throw new Error(`STJ_PROD_URL must not have a query or fragment: "${raw}"`);
  }
  const href = url.href;
  return href.endsWith("/") ? href : href + "/";
}

/** Replaces every occurrence of the dev URL in a manifest; refuses leftovers. */
function rewriteManifest(xml, urlProd, fileName = "manifest.xml") {
  const out = xml.replace(new RegExp(escapeRegExp(urlDev), "g"), urlProd);
  if (/localhost/i.test(out)) {
    throw new Error(`${fileName}: "localhost" is still present after replacing ${urlDev} with ${urlProd}`);
  }
  if (/(?:DefaultValue|Value)="http:\/\//i.test(out)) {
    throw new Error(`${fileName}: every URL must use https`);
  }
  return out;
}

/** Checks that src/version.ts and manifest.xml carry the package.json version. */
function checkVersions() {
  const pkgVersion = require("./package.json").version;
  const versionTs = fs.readFileSync(path.join(__dirname, "src", "version.ts"), "utf8");
  const tsMatch = /ADDIN_VERSION\s*=\s*"([^"]+)"/.exec(versionTs);
  if (!tsMatch || tsMatch[1] !== pkgVersion) {
    throw new Error(
      `src/version.ts ADDIN_VERSION (${tsMatch ? tsMatch[1] : "missing"}) must equal package.json version (${pkgVersion})`
    );
  }
  const manifest = fs.readFileSync(path.join(__dirname, "manifest.xml"), "utf8");
  const mMatch = /<Version>([^<]+)<\/Version>/.exec(manifest);
  if (!mMatch || mMatch[1] !== `${pkgVersion}.0`) {
    throw new Error(
      `manifest.xml <Version> (${mMatch ? mMatch[1] : "missing"}) must be package.json version + ".0" (${pkgVersion}.0)`
    );
  }
}

/**
 * Loads a TypeScript module that has no runtime imports (src/functions/functions-nl.ts)
 * by transpiling it in memory. Loaded fresh every time, so watch mode picks up edits.
 */
function loadTsDataModule(file) {
  const ts = require("typescript");
  const source = fs.readFileSync(file, "utf8");
  const { outputText } = ts.transpileModule(source, {
    fileName: file,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
  });
  const m = new Module(file, module);
  m.filename = file;
  m.paths = Module._nodeModulePaths(path.dirname(file));
  m._compile(outputText, file);
  return m.exports;
}

// Excel rules for function names: start with a letter, then letters, digits,
// underscores or periods; at least three characters.
const FUNCTION_NAME = /^\p{L}[\p{L}\p{N}_.]{2,}$/u;

/**
 * Derives localized custom functions metadata from the generated functions.json.
 * Ids are never changed; names stay the English ones unless the translation
 * gives a `name`. Returns the JSON text plus errors and warnings (strings).
 *
 * @param {string} metadataJson  contents of functions.json
 * @param {Record<string, {name?: string, description: string, parameters?: Record<string, string>}>} translations
 * @param {string} [label]  for messages, e.g. "functions-nl.ts"
 */
function localizeFunctionsMetadata(metadataJson, translations, label = "translations") {
  const errors = [];
  const warnings = [];
  const metadata = JSON.parse(metadataJson);
  const functions = Array.isArray(metadata.functions) ? metadata.functions : [];
  const ids = new Set(functions.map((f) => f.id));

  for (const id of Object.keys(translations)) {
    if (!ids.has(id)) errors.push(`${label}: unknown function id "${id}" (not in functions.json)`);
  }

  const names = new Map();
  for (const fn of functions) {
    const tr = translations[fn.id];
    if (!tr) {
      warnings.push(`${label}: no Dutch text for ${fn.id}; the English description is used`);
    } else {
      if (typeof tr.description !== "string" || tr.description.trim() === "") {
        errors.push(`${label}: ${fn.id} needs a non-empty description`);
      } else {
        fn.description = tr.description;
      }
      if (tr.name !== undefined) {
        if (typeof tr.name !== "string" || !FUNCTION_NAME.test(tr.name)) {
          errors.push(`${label}: ${fn.id} has an invalid name "${tr.name}"`);
        } else {
          fn.name = tr.name;
        }
      }
      const params = Array.isArray(fn.parameters) ? fn.parameters : [];
      const given = tr.parameters || {};
      for (const pName of Object.keys(given)) {
        const param = params.find((p) => p.name === pName);
        if (!param) {
          errors.push(`${label}: ${fn.id} has no parameter "${pName}"`);
        } else {
          param.description = given[pName];
        }
      }
      for (const param of params) {
        if (!(param.name in given)) {
          warnings.push(`${label}: no Dutch description for parameter "${param.name}" of ${fn.id}`);
        }
      }
    }
    const key = String(fn.name).toUpperCase();
    if (names.has(key)) {
      errors.push(`${label}: ${fn.id} and ${names.get(key)} share the name "${fn.name}"`);
    } else {
      names.set(key, fn.id);
    }
  }

  // Same layout as the file written by custom-functions-metadata.
  return { json: JSON.stringify(metadata, null, 4), errors, warnings };
}

/**
 * Emits a localized copy of functions.json (e.g. functions-nl.json) after
 * CustomFunctionsMetadataPlugin has emitted functions.json.
 */
class LocalizedFunctionsMetadataPlugin {
  constructor({ source = "functions.json", output, translations }) {
    this.source = source;
    this.output = output;
    this.translations = path.resolve(translations);
  }

  apply(compiler) {
    const name = "LocalizedFunctionsMetadataPlugin";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_DERIVED },
        () => {
          compilation.fileDependencies.add(this.translations);
          const label = path.relative(compiler.context, this.translations);
          const asset = compilation.getAsset(this.source);
          if (!asset) {
            if (compilation.errors.length === 0) {
              compilation.errors.push(
                new webpack.WebpackError(`${name}: ${this.source} was not emitted; cannot write ${this.output}`)
              );
            }
            return;
          }
          let translations;
          try {
            const mod = loadTsDataModule(this.translations);
            translations = mod.functionsNl || mod.default;
            if (!translations || typeof translations !== "object") {
              throw new Error("expected an exported map `functionsNl` (or a default export)");
            }
          } catch (err) {
            compilation.errors.push(new webpack.WebpackError(`${name}: cannot load ${label}: ${err.message}`));
            return;
          }
          const result = localizeFunctionsMetadata(asset.source.source().toString(), translations, label);
          result.errors.forEach((msg) => compilation.errors.push(new webpack.WebpackError(msg)));
          result.warnings.forEach((msg) => compilation.warnings.push(new webpack.WebpackError(msg)));
          compilation.emitAsset(this.output, new webpack.sources.RawSource(result.json));
        }
      );
    });
  }
}

async function getHttpsOptions() {
  // Only for `webpack serve`: installs/reads the localhost certificates.
  const devCerts = require("office-addin-dev-certs");
  const httpsOptions = await devCerts.getHttpsServerOptions();
  return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
}

// ---------------------------------------------------------------------------
// Configuration
// ---------------------------------------------------------------------------

module.exports = async (env = {}, options = {}) => {
  const dev = options.mode === "development";
  const serving = Boolean(env.WEBPACK_SERVE);
  const urlProd = dev ? undefined : productionUrl();
  checkVersions();

  const config = {
    // Never an eval-based devtool: the CSP in taskpane.html forbids eval.
    devtool: "source-map",
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              configFile: path.resolve(__dirname, "tsconfig.json"),
              // Types are checked by `npm run typecheck`; the build only transpiles.
              transpileOnly: true,
              // tsconfig.json targets CommonJS for jest/the CLI; webpack wants ES modules.
              compilerOptions: { module: "esnext", sourceMap: true },
            },
          },
        },
      ],
    },
    plugins: [
      // The task pane imports answers with the command line's reader (src/xlsx/read.ts, loaded on
      // demand). Only its readInputFile (Node, never called in the browser) imports node:fs/promises;
      // leave that import out of the browser bundle instead of failing on the node: scheme.
      new webpack.IgnorePlugin({ resourceRegExp: /^node:fs\/promises$/, contextRegExp: /[\\/]src[\\/]xlsx$/ }),
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      new LocalizedFunctionsMetadataPlugin({
        source: "functions.json",
        output: "functions-nl.json",
        translations: "./src/functions/functions-nl.ts",
      }),
      // Shared runtime: taskpane.html is the only page and loads both bundles,
      // functions first so the functions are associated as early as possible.
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({
        patterns: [
          {
            from: "assets/*",
            to: "assets/[name][ext][query]",
          },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content, absoluteFrom) {
              if (dev) {
                return content;
              }
              return rewriteManifest(content.toString(), urlProd, path.basename(absoluteFrom));
            },
          },
        ],
      }),
    ],
    performance: {
      // React + Fluent UI make the task pane bundle larger than webpack's 244 KiB default.
      maxAssetSize: 1024 * 1024,
      maxEntrypointSize: 1024 * 1024,
    },
  };

  if (serving) {
    config.devServer = {
      headers: {
        "Access-Control-Allow-Origin": "*",
      },
      server: {
        type: "https",
        options: await getHttpsOptions(),
      },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
    };
  }

  return config;
};

module.exports.urlDev = urlDev;
module.exports.productionUrl = productionUrl;
module.exports.rewriteManifest = rewriteManifest;
module.exports.localizeFunctionsMetadata = localizeFunctionsMetadata;
module.exports.LocalizedFunctionsMetadataPlugin = LocalizedFunctionsMetadataPlugin;
