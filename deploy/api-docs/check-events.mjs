// Checks the event contracts: docs/asyncapi.yaml parses and validates with @asyncapi/parser (external $refs to the
// producers' JSON Schemas resolved), and every event schema compiles with Ajv in strict mode (JSON Schema 2020-12,
// standard formats only). Exits non-zero with the diagnostics on any error. Run by ApiDocumentsTest (deploy module).
import { readFileSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { Parser, fromFile } from '@asyncapi/parser';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const root = resolve(process.argv[2] ?? '../..');
const asyncapi = resolve(root, 'docs/asyncapi.yaml');
const schemas = [
  'personnel-service/src/main/resources/events/org-unit.schema.json',
  'personnel-service/src/main/resources/events/personnel.schema.json',
  'course-service/src/main/resources/events/course.schema.json',
  'enrolment-service/src/main/resources/events/enrolment.schema.json',
];
let failed = false;

const parser = new Parser();
const { document, diagnostics } = await fromFile(parser, asyncapi).parse({ validateOptions: { allowedSeverity: { warning: true } } });
const errors = diagnostics.filter(d => d.severity === 0);
for (const d of diagnostics) {
  console.log(`asyncapi ${['error', 'warning', 'info', 'hint'][d.severity]} ${d.code} at ${d.path.join('/')}: ${d.message}`);
}
if (!document || errors.length > 0) {
  failed = true;
} else {
  const messages = document.allMessages().all();
  console.log(`asyncapi: ${document.channels().length} channels, ${document.operations().length} operations, ${messages.length} messages, 0 errors`);
  for (const m of messages) {
    if (!m.hasPayload() || Object.keys(m.payload().json()).length === 0) {
      console.log(`asyncapi error: message ${m.id()} has no payload schema`);
      failed = true;
    }
  }
}

const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
for (const file of schemas) {
  try {
    ajv.compile(JSON.parse(readFileSync(resolve(root, file), 'utf8')));
    console.log(`ajv strict: ${file} compiles`);
  } catch (e) {
    console.log(`ajv strict error: ${file}: ${e.message}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
