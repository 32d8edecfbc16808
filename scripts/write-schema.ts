/**
 * Writes schema/scenario.schema.json from the zod schema, so editors validate scenario files
 * (`# yaml-language-server: $schema=…`). A test fails when the committed file is stale.
 *   npm run schema
 */
import { writeFileSync } from 'node:fs';
import { renderScenarioJsonSchema } from '../src/scenario/json-schema.ts';

writeFileSync(new URL('../schema/scenario.schema.json', import.meta.url), renderScenarioJsonSchema());
console.log('wrote schema/scenario.schema.json');
