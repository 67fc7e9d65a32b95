/**
 * Generates the project's test models into `public/models/fixture-*` (see `scripts/test-models/`).
 * Usage: `npm run make-test-models [-- --force]`.
 */
import { generateTestModels } from './test-models/generate';

const started = performance.now();
const results = await generateTestModels({ force: process.argv.includes('--force'), log: console.log });
const written = results.filter((r) => r.written).length;
console.log(
  `${written} of ${results.length} test models written in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
