import { ElementType, GraphBuilder } from './onnx-model.js';

/**
 * The Universal Sentence Encoder lite as an ONNX graph, built from its TensorFlow weights: the same
 * network as Google's TF.js graph, written out with the operators ONNX Runtime fuses and runs well.
 *
 *   pieces → 2 × embedding (8,002 × 256) + sinusoidal position signal
 *   → transformer layer 0 (pre-norm, 4 heads of 64; widens to 512, its residual through a dense layer)
 *   → transformer layer 1 (pre-norm, 4 heads of 128, feed-forward 512 → 1,536 → 512)
 *   → mean over the pieces → tanh layer (512) → unit length
 *
 * The last feed-forward product is taken after the mean (it is linear, so the mean commutes with it):
 * the same vectors in float32, and one product for the text where there was one per piece.
 *
 * Inputs: `ids` [batch, pieces] (int32) and `mask` [batch, pieces] (1 for a piece, 0 for padding).
 * `precision: 'float32'` gives the published model's vectors to within 1e-5 (its tests check this; 2e-7 measured).
 * Output: `embedding` [batch, 512].
 */
const PREFIX = 'module_apply_default/Encoder_en/KonaTransformer/Encode/';
const KERNEL = 'module/Encoder_en/KonaTransformer/Encode/';
/** The TF graph clips a text to its first 128 pieces, the length its position signal covers. */
export const MAX_PIECES = 128;
const LAYER_NORM_EPSILON = 1e-6;

interface LayerShape {
  index: 0 | 1;
  width: number;
  heads: number;
  /** Layer 0 widens its output from 256 to 512, so its residual goes through a dense layer. */
  widens: boolean;
}

export function buildEncoderGraph(weights: ReadonlyMap<string, Float32Array>, precision: 'int8' | 'float32' = 'int8'): Uint8Array {
  const graph = new GraphBuilder();
  const weight = (name: string, dims: number[]) => {
    const values = weights.get(name);
    if (!values) throw new Error(`The sentence encoder's weights lack ${name}`);
    return graph.floats(values, dims);
  };
  const ids = graph.input('ids', ElementType.int32, ['batch', 'pieces']);
  const mask = graph.input('mask', ElementType.float, ['batch', 'pieces']);
  const int64s = (values: number[]) => graph.int64s(values);
  const scalar = (value: number) => graph.floats(Float32Array.of(value), []);

  const pieces = graph.node('Gather', [weight('module/Embeddings_en', [8002, 256]), ids], { axis: { int: 0 } });
  const length = graph.node('Slice', [graph.node('Shape', [ids]), int64s([1]), int64s([2])]);
  const signal = graph.node('Slice', [graph.floats(positionSignal(weights), [MAX_PIECES, 256]), int64s([0]), length, int64s([0])]);
  // The TF graph adds the timing signal to the embeddings and then adds the embeddings once more
  // (Layer_0/add = embeddings + (embeddings + signal)), so each piece counts twice.
  let x = graph.node('Add', [graph.node('Add', [pieces, pieces]), signal]);

  // [batch, pieces] int32, 0 on padding: the attention's key padding mask (no head attends to padding).
  const keyMask = graph.node('Cast', [mask], { to: { int: ElementType.int32 } });

  const layerNorm = (input: string, name: string, width: number) =>
    graph.node('LayerNormalization', [input, weight(`${PREFIX}${name}/layer_norm/layer_norm_scale/ConcatPartitions/concat`, [width]), weight(`${PREFIX}${name}/layer_norm/layer_norm_bias/ConcatPartitions/concat`, [width])], {
      axis: { int: -1 },
      epsilon: LAYER_NORM_EPSILON,
    });
  // In int8, each layer's weights are signed bytes with a scale per output column, and its input is
  // quantized on the fly (DynamicQuantizeMatMul): about 3× faster on a CPU with VNNI, and embeddings
  // within 0.998 cosine of float32. The quantized input's range spans the whole batch, so texts are
  // embedded one at a time (see SentenceEncoder): a text's embedding must not depend on its neighbours.
  const dense = (input: string, kernel: string, bias: string | undefined, inputs: number, outputs: number) => {
    if (precision === 'float32') {
      const product = graph.node('MatMul', [input, weight(kernel, [inputs, outputs])]);
      return bias === undefined ? product : graph.node('Add', [product, weight(bias, [outputs])]);
    }
    const values = weights.get(kernel);
    if (!values) throw new Error(`The sentence encoder's weights lack ${kernel}`);
    const { bytes, scales } = quantizeColumns(values, inputs, outputs);
    const biasInput = bias === undefined ? [] : ['', weight(bias, [outputs])];
    return graph.runtimeNode('DynamicQuantizeMatMul', [input, graph.int8s(bytes, [inputs, outputs]), graph.floats(scales, [outputs]), ...biasInput]);
  };

  // The feed-forward block's second product; `biasShare` scales its bias (the pooled form's 0 or 1).
  const ffnOut = (hidden: string, base: string, biasShare?: string) => {
    const kernel = `${PREFIX}TransformerStack/${base}/FFN/conv2/Tensordot/Reshape_1`;
    const bias = `${PREFIX}${base}/FFN/conv2/bias/ConcatPartitions/concat`;
    if (biasShare === undefined) return dense(hidden, kernel, bias, 1536, 512);
    const product = dense(hidden, kernel, undefined, 1536, 512);
    return graph.node('Add', [product, graph.node('Mul', [weight(bias, [512]), biasShare])]);
  };

  // The last feed-forward block's hidden vectors (after ReLU), pooled before its second product.
  let ffnHidden = '';
  for (const layer of [
    { index: 0, width: 256, heads: 4, widens: true },
    { index: 1, width: 512, heads: 4, widens: false },
  ] satisfies LayerShape[]) {
    const base = `Layer_${layer.index}/TransformerLayer`;
    const normed = layerNorm(x, `${base}/layer_prepostprocess`, layer.width);
    const qkv = dense(normed, `${KERNEL}${base}/MultiheadAttention/qkv_transform_single/kernel/part_0`, `${PREFIX}${base}/MultiheadAttention/qkv_transform_single/bias/ConcatPartitions/concat`, layer.width, 3 * layer.width);
    const [q, k, v] = graph.nodeWithOutputs('Split', [qkv, int64s([layer.width, layer.width, layer.width])], { axis: { int: -1 } }, 3) as [string, string, string];
    // ONNX Runtime's fused attention: the heads' split, scaled dot products, padding mask and softmax in
    // one node, where the plain ONNX operators took eleven (about 4% of a run; vectors within 5e-8).
    const combined = graph.runtimeNode('MultiHeadAttention', [q, k, v, '', keyMask], { num_heads: { int: layer.heads } });
    const outputWidth = 512;
    const attention = dense(combined, `${KERNEL}${base}/MultiheadAttention/output_transform_single/kernel/part_0`, `${PREFIX}${base}/MultiheadAttention/output_transform_single/bias/ConcatPartitions/concat`, layer.width, outputWidth);
    const residual = layer.widens ? dense(x, `${PREFIX}${base}/dense/kernel/ConcatPartitions/concat`, `${PREFIX}${base}/dense/bias/ConcatPartitions/concat`, layer.width, outputWidth) : x;
    x = graph.node('Add', [attention, residual]);

    const ffnIn = layerNorm(x, `${base}/FFN/layer_prepostprocess`, outputWidth);
    ffnHidden = graph.node('Relu', [dense(ffnIn, `${PREFIX}TransformerStack/${base}/FFN/conv1/Tensordot/Reshape_1`, `${PREFIX}${base}/FFN/conv1/bias/ConcatPartitions/concat`, outputWidth, 1536)]);
    if (layer.index === 0) x = graph.node('Add', [x, ffnOut(ffnHidden, base)]);
  }

  // Mean over the real pieces of the last layer's output, x + conv2(hidden). conv2 is linear, so the
  // mean of its outputs is its output for the mean hidden vector: one 1,536 × 512 product for the
  // text instead of one per piece (a run 12% faster). Its bias counts once a text has a piece, as
  // it did when every piece carried it (an empty text still pools to zero).
  const realPieces = graph.node('ReduceSum', [mask, int64s([1])], { keepdims: { int: 1 } });
  const count = graph.node('Max', [realPieces, scalar(1)]);
  // Each piece's share of the mean, [batch, 1, pieces]: the mean is then one batched product, which
  // ONNX Runtime runs several times faster than a masked ReduceSum over the pieces.
  const shares = graph.node('Unsqueeze', [graph.node('Div', [mask, count]), int64s([1])]);
  const meanOf = (values: string) => graph.node('Squeeze', [graph.node('MatMul', [shares, values]), int64s([1])]);
  const lastBase = 'Layer_1/TransformerLayer';
  const pooledFfn = ffnOut(meanOf(ffnHidden), lastBase, graph.node('Div', [realPieces, count]));
  const pooled = graph.node('Add', [meanOf(x), pooledFfn]);
  const hidden = graph.node('Tanh', [dense(pooled, 'module/Encoder_en/hidden_layers/tanh_layer_0/weights', 'module/Encoder_en/hidden_layers/tanh_layer_0/bias', 512, 512)]);
  const norm = graph.node('Sqrt', [graph.node('Max', [graph.node('ReduceSum', [graph.node('Mul', [hidden, hidden]), int64s([1])], { keepdims: { int: 1 } }), scalar(1e-12)])]);
  graph.node('Div', [hidden, norm], {}, 'embedding');
  graph.output('embedding', ElementType.float, ['batch', 512]);
  return graph.encode();
}

/** Symmetric int8 quantization of a [rows, columns] matrix, one scale per column. */
function quantizeColumns(values: Float32Array, rows: number, columns: number): { bytes: Int8Array; scales: Float32Array } {
  const scales = new Float32Array(columns);
  for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) scales[c] = Math.max(scales[c]!, Math.abs(values[r * columns + c]!));
  for (let c = 0; c < columns; c++) scales[c] = scales[c]! / 127 || 1;
  const bytes = new Int8Array(rows * columns);
  for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) bytes[r * columns + c] = Math.round(values[r * columns + c]! / scales[c]!);
  return { bytes, scales };
}

/** Position p's signal: sin(p·ω) for the 128 frequencies ω of the TF graph, then cos(p·ω). */
function positionSignal(weights: ReadonlyMap<string, Float32Array>): Float32Array {
  const frequencies = weights.get(`${PREFIX}TransformerStack/Layer_0/AddTimingSignal/TimingSignal/ExpandDims_1`);
  if (!frequencies || frequencies.length !== 128) throw new Error("The sentence encoder's weights lack its position frequencies");
  const signal = new Float32Array(MAX_PIECES * 256);
  for (let position = 0; position < MAX_PIECES; position++) {
    for (let i = 0; i < 128; i++) {
      // In float32, as TF computes it: the product is rounded before sin and cos.
      const angle = Math.fround(position * frequencies[i]!);
      signal[position * 256 + i] = Math.sin(angle);
      signal[position * 256 + 128 + i] = Math.cos(angle);
    }
  }
  return signal;
}
