// Validates configuration files against a JSON Schema, offline.
// Usage: node validate.mjs SCHEMA FILE...   (FILE may be .json, .toml, .yaml or .yml)
// Exit 0 when every file is valid, 1 when one breaks the schema, 2 on unreadable or unparsable
// input. Each problem is printed as "FILE: /json/pointer message" so the bundle check can name
// the file and the place.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

// The libraries are pinned in tools/package.json; resolve them from there, wherever this runs.
const require = createRequire(new URL("./tools/package.json", import.meta.url));
const { default: Ajv } = require("ajv");
const { default: Ajv2019 } = require("ajv/dist/2019");
const { default: Ajv2020 } = require("ajv/dist/2020");
const { default: addFormats } = require("ajv-formats");
const { parse: parseToml } = require("smol-toml");
const { parseAllDocuments } = require("yaml");

function fail(code, message) {
  console.error(message);
  process.exit(code);
}

function parseData(path, text) {
  if (/\.toml$/i.test(path)) return parseToml(text);
  if (/\.ya?ml$/i.test(path)) {
    // Duplicate keys and multi-document streams are errors: deploy tools read one document.
    const docs = parseAllDocuments(text, { uniqueKeys: true, prettyErrors: true });
    if (!Array.isArray(docs)) return null; // an empty stream
    if (docs.length !== 1) throw new Error(`expected one YAML document, found ${docs.length}`);
    const [doc] = docs;
    if (doc.errors.length > 0) throw doc.errors[0];
    return doc.toJS();
  }
  return JSON.parse(text);
}

const [schemaPath, ...dataPaths] = process.argv.slice(2);
if (!schemaPath || dataPaths.length === 0) fail(2, "usage: node validate.mjs SCHEMA FILE...");

let schema;
try {
  schema = JSON.parse(readFileSync(schemaPath, "utf8"));
} catch (e) {
  fail(2, `${schemaPath}: cannot read schema: ${e.message}`);
}
// Ajv resolves the meta-schema by URL; pick the matching class instead and drop the key, so
// "https://json-schema.org/draft-07/schema" style ids need no network and no registration.
const meta = String(schema.$schema ?? "");
delete schema.$schema;
const AjvClass = meta.includes("2020-12") ? Ajv2020 : meta.includes("2019-09") ? Ajv2019 : Ajv;
const ajv = new AjvClass({ strict: false, allErrors: true, validateSchema: false });
addFormats(ajv);
const validate = ajv.compile(schema);

let worst = 0;
for (const path of dataPaths) {
  let data;
  try {
    data = parseData(path, readFileSync(path, "utf8"));
  } catch (e) {
    console.error(`${path}: parse error: ${String(e.message).trim()}`);
    worst = 2;
    continue;
  }
  if (validate(data)) continue;
  for (const e of validate.errors) {
    const extra = e.params?.additionalProperty
      ? ` (${e.params.additionalProperty})`
      : e.params?.allowedValues
        ? ` (${e.params.allowedValues.join(", ")})`
        : "";
    console.error(`${path}: ${e.instancePath || "/"} ${e.message}${extra}`);
  }
  worst = Math.max(worst, 1);
}
process.exit(worst);
