// Writes the published JSON Schema of manifest.json from its zod definition (npm run schemas).
import { writeFileSync } from 'node:fs';
import { manifestJsonSchema } from '../lib/bundle/manifest';

writeFileSync(
  new URL('../schemas/manifest.schema.json', import.meta.url),
  JSON.stringify(manifestJsonSchema(), null, 2) + '\n',
);
console.log('schemas/manifest.schema.json written');
