/**
 * The shape every cleaning step shares, and a helper for steps that drop whole lines.
 */

/** What one step did to the text. */
export interface StepResult {
  /** The text after the step. */
  text: string;
  /** The pieces of text the step removed, in order. */
  removed: string[];
}

/** A named, pure cleaning step. Steps never throw. */
export interface CleaningStep {
  /** Name shown in reports, e.g. `pinyin`. */
  name: string;
  /** Applies the step to text whose lines are already trimmed and non-empty. */
  run(text: string): StepResult;
}

/**
 * Drops the lines for which `isRemoved` is true; the text must be one paragraph per line.
 *
 * @example
 * removeLines('a\nb\nc', (line) => line === 'b'); // { text: 'a\nc', removed: ['b'] }
 */
export function removeLines(
  text: string,
  isRemoved: (line: string, index: number, lines: readonly string[]) => boolean,
): StepResult {
  const lines = text.split('\n');
  const kept: string[] = [];
  const removed: string[] = [];
  lines.forEach((line, index) => (isRemoved(line, index, lines) ? removed : kept).push(line));
  return { text: kept.join('\n'), removed };
}
