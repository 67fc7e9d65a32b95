/**
 * Vitest globalSetup: generates the test models in `public/models/fixture-*` when they are missing or stale.
 */
import { generateTestModels } from '../../scripts/test-models/generate';

/** Runs the generator once before all test files; a no-op when every model's stamp matches. */
export default async function setup(): Promise<void> {
  const results = await generateTestModels();
  for (const model of results.filter((r) => r.written)) {
    const megabytes = Object.values(model.sizes).reduce((a, b) => a + b, 0) / 1_048_576;
    console.log(`[test-models] generated ${model.id} (${megabytes.toFixed(1)} MiB)`);
  }
}
