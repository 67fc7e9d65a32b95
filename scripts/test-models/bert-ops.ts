/**
 * BERT building blocks (LayerNorm, linear layer, GELU) written with standard ONNX ops only, so the graph runs
 * on every onnxruntime backend (WASM, WebGPU, Node) without contrib or opset-17 ops. The op patterns are those
 * of a PyTorch export, so onnxruntime fuses them (LayerNormalization, Gelu) as it would for the real model.
 */
import type { GraphBuilder } from './onnx-builder';

/** BERT's LayerNorm epsilon (bge-small-zh-v1.5 `layer_norm_eps`). */
export const LAYER_NORM_EPS = 1e-12;

const CAST_TO_FLOAT = 1;

/** Emits BERT sub-graphs into a {@link GraphBuilder}, sharing scalar constants between them. */
export class BertOps {
  private readonly one: string;
  private readonly two: string;
  private readonly half: string;
  private readonly eps: string;
  private readonly sqrt2: string;

  /** Registers the shared scalar constants in `g`. */
  constructor(readonly g: GraphBuilder) {
    this.one = g.floats('const.one', [], Float32Array.of(1));
    this.two = g.floats('const.two', [], Float32Array.of(2));
    this.half = g.floats('const.half', [], Float32Array.of(0.5));
    this.eps = g.floats('const.layer_norm_eps', [], Float32Array.of(LAYER_NORM_EPS));
    this.sqrt2 = g.floats('const.sqrt2', [], Float32Array.of(Math.SQRT2));
  }

  /** LayerNorm over the last axis with gamma 1 and beta 0 stored as `<prefix>.weight` / `<prefix>.bias`. */
  layerNorm(x: string, prefix: string, hidden: number, output?: string): string {
    const { g } = this;
    const mean = g.op('ReduceMean', [x], { axes: [-1], keepdims: 1 });
    const centred = g.op('Sub', [x, mean]);
    const variance = g.op('ReduceMean', [g.op('Pow', [centred, this.two])], { axes: [-1], keepdims: 1 });
    const std = g.op('Sqrt', [g.op('Add', [variance, this.eps])]);
    const normed = g.op('Div', [centred, std]);
    const gamma = g.floats(`${prefix}.weight`, [hidden], new Float32Array(hidden).fill(1));
    const beta = g.floats(`${prefix}.bias`, [hidden], new Float32Array(hidden));
    return g.op('Add', [g.op('Mul', [normed, gamma]), beta], {}, output);
  }

  /** `x @ weight + bias` with `weight` stored `[inSize, outSize]` and a zero bias. */
  linear(x: string, prefix: string, inSize: number, outSize: number, weight: Float32Array): string {
    const { g } = this;
    const w = g.floats(`${prefix}.weight`, [inSize, outSize], weight);
    const b = g.floats(`${prefix}.bias`, [outSize], new Float32Array(outSize));
    return g.op('Add', [g.op('MatMul', [x, w]), b]);
  }

  /** Exact (erf) GELU `x * (1 + erf(x / sqrt(2))) * 0.5`, in the op order of PyTorch's ONNX export. */
  gelu(x: string): string {
    const { g } = this;
    const erf = g.op('Erf', [g.op('Div', [x, this.sqrt2])]);
    return g.op('Mul', [g.op('Mul', [x, g.op('Add', [erf, this.one])]), this.half]);
  }

  /** Additive attention mask `[batch, 1, 1, seq]`: 0 where `attention_mask` is 1, float32 lowest where 0. */
  extendedMask(attentionMask: string): string {
    const { g } = this;
    const lowest = g.floats('const.mask_value', [], Float32Array.of(-3.4028234663852886e38));
    const masked = g.op('Sub', [this.one, g.op('Cast', [attentionMask], { to: CAST_TO_FLOAT })]);
    const axes = g.ints('const.mask_axes', [1, 2]);
    return g.op('Unsqueeze', [g.op('Mul', [masked, lowest]), axes]);
  }
}
