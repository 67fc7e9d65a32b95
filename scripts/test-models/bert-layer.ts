/**
 * One BERT encoder layer: multi-head self-attention and FFN, each with residual and LayerNorm.
 * Q and K weights are zero (every unmasked token gets the same attention weight), V and the attention output
 * are the identity, and the FFN is zero, so a layer maps `h_i` to `LayerNorm(mean_j h_j + h_i)`.
 */
import type { BertOps } from './bert-ops';
import { identity } from './weights';
import type { TestModelSpec } from './fixtures';

/** Graph constants shared by all layers of one model. */
export interface LayerConstants {
  /** Reshape target `[0, 0, heads, headSize]`. */
  splitHeads: string;
  /** Reshape target `[0, 0, hidden]`. */
  mergeHeads: string;
  /** Scalar `sqrt(headSize)`. */
  scale: string;
}

/** Registers the {@link LayerConstants} for `spec`. */
export function layerConstants(ops: BertOps, spec: TestModelSpec): LayerConstants {
  const headSize = spec.hidden / spec.heads;
  if (!Number.isInteger(headSize))
    throw new Error(`bert-layer: ${spec.heads} heads do not divide ${spec.hidden}`);
  return {
    splitHeads: ops.g.ints('const.split_heads', [0, 0, spec.heads, headSize]),
    mergeHeads: ops.g.ints('const.merge_heads', [0, 0, spec.hidden]),
    scale: ops.g.floats('const.attention_scale', [], Float32Array.of(Math.sqrt(headSize))),
  };
}

function heads(ops: BertOps, x: string, c: LayerConstants, perm: number[]): string {
  return ops.g.op('Transpose', [ops.g.op('Reshape', [x, c.splitHeads])], { perm });
}

/** Emits encoder layer `index` reading `hidden` `[batch, seq, hidden]` and returns its output name. */
export function encoderLayer(
  ops: BertOps,
  spec: TestModelSpec,
  c: LayerConstants,
  index: number,
  input: { hidden: string; mask: string },
  output?: string,
): string {
  const { g } = ops;
  const { hidden: size, ffn } = spec;
  const p = `encoder.layer.${index}`;
  const linear = (x: string, name: string, weight: Float32Array, inSize = size, outSize = size): string =>
    ops.linear(x, `${p}.${name}`, inSize, outSize, weight);

  const q = heads(
    ops,
    linear(input.hidden, 'attention.self.query', new Float32Array(size * size)),
    c,
    [0, 2, 1, 3],
  );
  const k = heads(
    ops,
    linear(input.hidden, 'attention.self.key', new Float32Array(size * size)),
    c,
    [0, 2, 3, 1],
  );
  const v = heads(ops, linear(input.hidden, 'attention.self.value', identity(size)), c, [0, 2, 1, 3]);
  const scores = g.op('Add', [g.op('Div', [g.op('MatMul', [q, k]), c.scale]), input.mask]);
  const context = g.op('MatMul', [g.op('Softmax', [scores], { axis: -1 }), v]);
  const merged = g.op('Reshape', [g.op('Transpose', [context], { perm: [0, 2, 1, 3] }), c.mergeHeads]);
  const attended = g.op('Add', [linear(merged, 'attention.output.dense', identity(size)), input.hidden]);
  const attention = ops.layerNorm(attended, `${p}.attention.output.LayerNorm`, size);

  const intermediate = ops.gelu(
    linear(attention, 'intermediate.dense', new Float32Array(size * ffn), size, ffn),
  );
  const ffnOut = linear(intermediate, 'output.dense', new Float32Array(ffn * size), ffn, size);
  return ops.layerNorm(g.op('Add', [ffnOut, attention]), `${p}.output.LayerNorm`, size, output);
}
