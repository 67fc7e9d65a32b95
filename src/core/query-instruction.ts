/**
 * Query instructions: BGE retrieval models embed short queries with an instruction in front, passages without.
 */

/**
 * Puts the model's instruction before a query, once. Empty instruction: the query unchanged.
 *
 * @example
 * withQueryInstruction('开源模型', '为这个句子生成表示以用于检索相关文章：');
 * // '为这个句子生成表示以用于检索相关文章：开源模型'
 */
export function withQueryInstruction(query: string, instruction: string): string {
  const trimmed = query.trim();
  if (instruction === '' || trimmed.startsWith(instruction)) return trimmed;
  return instruction + trimmed;
}
