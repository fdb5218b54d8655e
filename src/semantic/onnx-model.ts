import protobuf from 'protobufjs';

/**
 * The part of ONNX's model format (onnx/onnx.proto, proto2) that a graph built in code needs:
 * nodes with attributes, float and int64 initializers as raw bytes, typed inputs and outputs.
 * Field numbers are the ones in onnx.proto; protobufjs encodes the messages from this description.
 */
const ONNX_SUBSET = {
  nested: {
    TensorProto: {
      fields: {
        dims: { rule: 'repeated', type: 'int64', id: 1 },
        dataType: { type: 'int32', id: 2 },
        name: { type: 'string', id: 8 },
        rawData: { type: 'bytes', id: 9 },
      },
    },
    AttributeProto: {
      fields: {
        name: { type: 'string', id: 1 },
        f: { type: 'float', id: 2 },
        i: { type: 'int64', id: 3 },
        ints: { rule: 'repeated', type: 'int64', id: 8 },
        type: { type: 'int32', id: 20 },
      },
    },
    NodeProto: {
      fields: {
        input: { rule: 'repeated', type: 'string', id: 1 },
        output: { rule: 'repeated', type: 'string', id: 2 },
        name: { type: 'string', id: 3 },
        opType: { type: 'string', id: 4 },
        attribute: { rule: 'repeated', type: 'AttributeProto', id: 5 },
        domain: { type: 'string', id: 7 },
      },
    },
    Dimension: { fields: { dimValue: { type: 'int64', id: 1 }, dimParam: { type: 'string', id: 2 } } },
    TensorShapeProto: { fields: { dim: { rule: 'repeated', type: 'Dimension', id: 1 } } },
    TensorTypeProto: { fields: { elemType: { type: 'int32', id: 1 }, shape: { type: 'TensorShapeProto', id: 2 } } },
    TypeProto: { fields: { tensorType: { type: 'TensorTypeProto', id: 1 } } },
    ValueInfoProto: { fields: { name: { type: 'string', id: 1 }, type: { type: 'TypeProto', id: 2 } } },
    GraphProto: {
      fields: {
        node: { rule: 'repeated', type: 'NodeProto', id: 1 },
        name: { type: 'string', id: 2 },
        initializer: { rule: 'repeated', type: 'TensorProto', id: 5 },
        input: { rule: 'repeated', type: 'ValueInfoProto', id: 11 },
        output: { rule: 'repeated', type: 'ValueInfoProto', id: 12 },
      },
    },
    OperatorSetIdProto: { fields: { domain: { type: 'string', id: 1 }, version: { type: 'int64', id: 2 } } },
    ModelProto: {
      fields: {
        irVersion: { type: 'int64', id: 1 },
        producerName: { type: 'string', id: 2 },
        graph: { type: 'GraphProto', id: 7 },
        opsetImport: { rule: 'repeated', type: 'OperatorSetIdProto', id: 8 },
      },
    },
  },
};

const ModelProto = protobuf.Root.fromJSON(ONNX_SUBSET).lookupType('ModelProto');

/** ONNX element types used here (TensorProto.DataType). */
export const ElementType = { float: 1, int8: 3, int32: 6, int64: 7 } as const;
const AttributeType = { float: 1, int: 2, ints: 7 } as const;
/** ONNX IR version 8 with the default operator set 17 (LayerNormalization is in it). */
const IR_VERSION = 8;
const OPSET = 17;

export type AttributeValue = number | { int: number } | number[];

interface Tensor { dims: number[]; dataType: number; name: string; rawData: Uint8Array }
interface Node { input: string[]; output: string[]; name: string; opType: string; attribute: object[]; domain?: string }

/** A graph written node by node: each call names its output, so the code reads as the network does. */
export class GraphBuilder {
  private readonly nodes: Node[] = [];
  private readonly initializers: Tensor[] = [];
  private readonly inputs: object[] = [];
  private readonly outputs: object[] = [];
  private count = 0;
  private usesRuntimeOperators = false;

  input(name: string, elementType: number, dims: (number | string)[]): string {
    this.inputs.push(valueInfo(name, elementType, dims));
    return name;
  }

  output(name: string, elementType: number, dims: (number | string)[]): void {
    this.outputs.push(valueInfo(name, elementType, dims));
  }

  floats(values: Float32Array, dims: number[], name = this.fresh('const')): string {
    const expected = dims.reduce((product, size) => product * size, 1);
    if (values.length !== expected) throw new Error(`${name}: ${values.length} values for shape [${dims.join(', ')}]`);
    this.initializers.push({ name, dims, dataType: ElementType.float, rawData: new Uint8Array(values.buffer, values.byteOffset, values.byteLength) });
    return name;
  }

  int8s(values: Int8Array, dims: number[], name = this.fresh('bytes')): string {
    this.initializers.push({ name, dims, dataType: ElementType.int8, rawData: new Uint8Array(values.buffer, values.byteOffset, values.byteLength) });
    return name;
  }

  int64s(values: readonly number[], name = this.fresh('ints')): string {
    const data = BigInt64Array.from(values, (value) => BigInt(value));
    this.initializers.push({ name, dims: [values.length], dataType: ElementType.int64, rawData: new Uint8Array(data.buffer) });
    return name;
  }

  /** Adds one node and returns the name of its output (`output` when the graph must know it by name). */
  node(opType: string, inputs: string[], attributes: Record<string, AttributeValue> = {}, output = this.fresh(opType)): string {
    return this.nodeWithOutputs(opType, inputs, attributes, [output])[0]!;
  }

  /** A node of ONNX Runtime's own operators (domain com.microsoft), such as DynamicQuantizeMatMul. */
  runtimeNode(opType: string, inputs: string[], attributes: Record<string, AttributeValue> = {}): string {
    const name = this.node(opType, inputs, attributes);
    this.nodes.at(-1)!.domain = 'com.microsoft';
    this.usesRuntimeOperators = true;
    return name;
  }

  /** A node with several outputs (Split): their names, in order. */
  nodeWithOutputs(opType: string, inputs: string[], attributes: Record<string, AttributeValue>, outputs: string[] | number): string[] {
    const names = typeof outputs === 'number' ? Array.from({ length: outputs }, () => this.fresh(opType)) : outputs;
    this.nodes.push({ name: names[0]!, opType, input: inputs, output: names, attribute: Object.entries(attributes).map(([key, value]) => attribute(key, value)) });
    return names;
  }

  encode(): Uint8Array {
    const model = {
      irVersion: IR_VERSION,
      producerName: 'factdesk',
      opsetImport: [{ domain: '', version: OPSET }, ...(this.usesRuntimeOperators ? [{ domain: 'com.microsoft', version: 1 }] : [])],
      graph: { name: 'graph', node: this.nodes, initializer: this.initializers, input: this.inputs, output: this.outputs },
    };
    return ModelProto.encode(ModelProto.fromObject(model)).finish();
  }

  private fresh(prefix: string): string {
    this.count += 1;
    return `${prefix}_${this.count}`;
  }
}

function valueInfo(name: string, elementType: number, dims: (number | string)[]): object {
  const dim = dims.map((size) => (typeof size === 'number' ? { dimValue: size } : { dimParam: size }));
  return { name, type: { tensorType: { elemType: elementType, shape: { dim } } } };
}

function attribute(name: string, value: AttributeValue): object {
  if (Array.isArray(value)) return { name, type: AttributeType.ints, ints: value };
  if (typeof value === 'object') return { name, type: AttributeType.int, i: value.int };
  return { name, type: AttributeType.float, f: value };
}
