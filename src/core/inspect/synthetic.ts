/**
 * Synthetic passages for the device lab: Chinese text whose token count is exactly known, since the BGE-zh
 * tokenizer makes each Han character one token.
 */

const CHARACTERS = '开源模型向量检索语义搜索设备推理浏览器中文段落测试数据';

/**
 * `batch` different passages of `seq` tokens each ([CLS] and [SEP] included, so `seq − 2` characters).
 *
 * @example
 * syntheticPassages(2, 4); // ['开源', '源模']
 */
export function syntheticPassages(batch: number, seq: number): string[] {
  if (seq < 3) throw new Error(`syntheticPassages: seq must be at least 3, got ${seq}`);
  const chars = Array.from(CHARACTERS);
  return Array.from({ length: batch }, (_, b) =>
    Array.from({ length: seq - 2 }, (_, i) => chars[(b + i) % chars.length]).join(''),
  );
}
