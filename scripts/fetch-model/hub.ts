/**
 * Model-id checks (the hub's URL layout is `src/embed/runtime-files.ts`'s `hubFileUrl`).
 */

/** `owner/name` or `name`, as the hub allows (letters, digits, `_`, `-`, `.`), without `..` or `--`. */
const MODEL_ID = /^(?:[\w.-]+\/)?[\w.-]{1,96}$/;

/** Whether `id` is a hub model id (and so also safe as a relative folder path). */
export function isModelId(id: string): boolean {
  return MODEL_ID.test(id) && !id.includes('..') && !id.includes('--') && !id.split('/').includes('.');
}
