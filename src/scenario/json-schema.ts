import { z } from 'zod';
import { scenarioSchema } from './schema.ts';

/** The scenario format as JSON Schema (draft 2020-12), for editors; written form (defaults optional). */
export function renderScenarioJsonSchema(): string {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', target: 'draft-2020-12' });
  return `${JSON.stringify({ ...schema, $id: 'https://gpu-report.dev/schema/scenario.schema.json', title: 'gpu-report scenario, version 1' }, null, 2)}\n`;
}
