/**
 * The bytes of a tiny WebAssembly module, assembled by hand in the binary format, with one SIMD kernel:
 *
 *   dots(query: i32, rows: i32, count: i32, stride: i32, out: i32, sums: i32, bias: i32)
 *
 * For each of `count` int8 rows of `stride` bytes (a multiple of {@link DOTS_STRIDE_MULTIPLE}) starting at
 * byte `rows`, it stores the row's i32 dot product with the query minus `bias` times the row's i32 at
 * `sums + 4 * row` at `out + 4 * row` (`bias` 0 leaves the dot product as it is). Two kernels share that
 * signature and the row loop; they differ in how the query is stored and in the 16-code step:
 *
 * - `simd` (WebAssembly SIMD): the query pre-widened to i16 (`2 * stride` bytes at `query`); the row codes
 *   are widened to i16 and multiplied pairwise (`i32x4.dot_i16x8_s`).
 * - `relaxed-simd` (relaxed SIMD): the query as bytes in 0..127 (`stride` bytes at `query`), multiplied with
 *   16 row codes by one `i32x4.relaxed_dot_i8x16_i7x16_add_s` (AVX-VNNI `vpdpbusd`, or `pmaddubsw` +
 *   `pmaddwd` without it). The instruction is deterministic only while the second operand is in 0..127,
 *   so a signed query is stored with an offset, and `bias` = the offset with `sums` = each row's Σ codes
 *   takes it off again.
 *
 * Memory is imported as `env.memory`.
 */

/** Which kernel a module holds; see this file's header. */
export type KernelKind = 'relaxed-simd' | 'simd';

/** Added to each `relaxed-simd` query code (in -64..63) so that the stored byte is in 0..127. */
export const RELAXED_QUERY_OFFSET = 64;

/** Row strides must be a multiple of this many bytes: the relaxed kernel's loop reads 32 codes a step. */
export const DOTS_STRIDE_MULTIPLE = 32;

/** Name of the imported memory: `env.memory`. */
export const WASM_MEMORY_IMPORT = { module: 'env', name: 'memory' } as const;

/** Name of the exported kernel. */
export const WASM_DOTS_EXPORT = 'dots';

// Value types and block type.
const I32 = 0x7f;
const V128 = 0x7b;
const VOID_BLOCK = 0x40;

// Core opcodes.
const BLOCK = 0x02;
const LOOP = 0x03;
const END = 0x0b;
const BR = 0x0c;
const BR_IF = 0x0d;
const LOCAL_GET = 0x20;
const LOCAL_SET = 0x21;
const I32_CONST = 0x41;
const I32_LOAD = 0x28; // memarg: align 2^2, offset 0
const I32_STORE = 0x36; // memarg: align 2^2, offset 0
const I32_GE_U = 0x4f;
const I32_LT_U = 0x49;
const I32_ADD = 0x6a;
const I32_SUB = 0x6b;
const I32_MUL = 0x6c;

/** SIMD instructions are the prefix 0xFD followed by the opcode as unsigned LEB128. */
const simd = (opcode: number): number[] => [0xfd, ...uleb(opcode)];
const V128_LOAD = simd(0x00); // v128.load memarg: 16 bytes from memory
const V128_CONST = simd(0x0c); // v128.const: 16 immediate bytes
const I32X4_EXTRACT_LANE = simd(0x1b); // i32x4.extract_lane lane: one i32 lane as a scalar
const I16X8_EXTEND_LOW_I8X16_S = simd(0x87); // sign-extends bytes 0..7 to eight i16
const I16X8_EXTEND_HIGH_I8X16_S = simd(0x88); // sign-extends bytes 8..15 to eight i16
const I32X4_ADD = simd(0xae); // lane-wise i32 add
const I32X4_DOT_I16X8_S = simd(0xba); // i32 lane j = a[2j]*b[2j] + a[2j+1]*b[2j+1]
const I32X4_RELAXED_DOT_I8X16_I7X16_ADD_S = simd(0x113); // c[j] + Σ a[4j+t]*b[4j+t], t < 4 (b in 0..127)

// Parameters and locals of `dots`, by index.
const QUERY = 0;
const ROWS = 1;
const COUNT = 2;
const STRIDE = 3;
const OUT = 4;
const SUMS = 5;
const BIAS = 6;
const END_OUT = 7; // i32: out + 4 * count
const I = 8; // i32: byte offset within the row
const ACC = 9; // v128: four i32 partial sums
const CODES = 10; // v128: the 16 row codes being multiplied

/** Unsigned LEB128, as used for every integer in the binary format. */
function uleb(value: number): number[] {
  const bytes: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    bytes.push(byte);
  } while (value !== 0);
  return bytes;
}

/** A vector (length-prefixed sequence) of already encoded items. */
const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];

/** A UTF-8 name (ASCII here). */
const name = (text: string): number[] => [...uleb(text.length), ...Array.from(text, (c) => c.charCodeAt(0))];

/** A section: id, byte size, contents. */
const section = (id: number, contents: number[]): number[] => [id, ...uleb(contents.length), ...contents];

/** Adds the products of one half (8 codes) of CODES and 8 widened query values at `query + queryOffset`. */
function accumulateHalf(extend: number[], queryOffset: number): number[] {
  // prettier-ignore
  return [
    LOCAL_GET, ACC,
    LOCAL_GET, CODES, ...extend, // eight i16 row codes
    LOCAL_GET, QUERY, LOCAL_GET, I, I32_ADD, LOCAL_GET, I, I32_ADD, // query + 2 * i
    ...V128_LOAD, 4, ...uleb(queryOffset), // eight i16 query codes
    ...I32X4_DOT_I16X8_S,
    ...I32X4_ADD,
    LOCAL_SET, ACC,
  ];
}

/** `simd` step: the 16 codes at `rows + i` times the 16 i16 query values at `query + 2 * i`. */
function widenedStep(): number[] {
  // prettier-ignore
  return [
    LOCAL_GET, ROWS, LOCAL_GET, I, I32_ADD, ...V128_LOAD, 4, 0, LOCAL_SET, CODES,
    ...accumulateHalf(I16X8_EXTEND_LOW_I8X16_S, 0),
    ...accumulateHalf(I16X8_EXTEND_HIGH_I8X16_S, 16),
  ];
}

/** `relaxed-simd` step: 32 codes at `rows + i` times the 32 query bytes at `query + i`, 16 at a time. */
function relaxedStep(): number[] {
  // prettier-ignore
  const sixteen = (offset: number): number[] => [
    LOCAL_GET, ROWS, LOCAL_GET, I, I32_ADD, ...V128_LOAD, 4, offset, // a: 16 signed row codes
    LOCAL_GET, QUERY, LOCAL_GET, I, I32_ADD, ...V128_LOAD, 4, offset, // b: 16 query bytes in 0..127
    LOCAL_GET, ACC, ...I32X4_RELAXED_DOT_I8X16_I7X16_ADD_S, LOCAL_SET, ACC,
  ];
  return [...sixteen(0), ...sixteen(16)];
}

/** Body of `dots`: locals, then the row loop around the inner loop of `step`, `stepBytes` codes at a time. */
function dotsBody(step: number[], stepBytes: number): number[] {
  const locals = vec([
    [2, I32], // END_OUT, I
    [2, V128], // ACC, CODES
  ]);
  // prettier-ignore
  const code = [
    LOCAL_GET, OUT, LOCAL_GET, COUNT, I32_CONST, 4, I32_MUL, I32_ADD, LOCAL_SET, END_OUT,
    BLOCK, VOID_BLOCK,
    LOOP, VOID_BLOCK, // one row per iteration
    LOCAL_GET, OUT, LOCAL_GET, END_OUT, I32_GE_U, BR_IF, 1, // all rows done: leave the block
    ...V128_CONST, ...new Array<number>(16).fill(0), LOCAL_SET, ACC,
    I32_CONST, 0, LOCAL_SET, I,
    LOOP, VOID_BLOCK, // stepBytes codes per iteration
    ...step,
    LOCAL_GET, I, I32_CONST, stepBytes, I32_ADD, LOCAL_SET, I, // (16 and 32 are the same in signed LEB128)
    LOCAL_GET, I, LOCAL_GET, STRIDE, I32_LT_U, BR_IF, 0, // next codes
    END,
    // out[row] = sum of the four lanes - bias * sums[row]
    LOCAL_GET, OUT,
    LOCAL_GET, ACC, ...I32X4_EXTRACT_LANE, 0,
    LOCAL_GET, ACC, ...I32X4_EXTRACT_LANE, 1, I32_ADD,
    LOCAL_GET, ACC, ...I32X4_EXTRACT_LANE, 2, I32_ADD,
    LOCAL_GET, ACC, ...I32X4_EXTRACT_LANE, 3, I32_ADD,
    LOCAL_GET, BIAS, LOCAL_GET, SUMS, I32_LOAD, 2, 0, I32_MUL, I32_SUB,
    I32_STORE, 2, 0,
    LOCAL_GET, ROWS, LOCAL_GET, STRIDE, I32_ADD, LOCAL_SET, ROWS,
    LOCAL_GET, OUT, I32_CONST, 4, I32_ADD, LOCAL_SET, OUT,
    LOCAL_GET, SUMS, I32_CONST, 4, I32_ADD, LOCAL_SET, SUMS,
    BR, 0, // next row
    END,
    END,
    END, // function
  ];
  const body = [...locals, ...code];
  return [...uleb(body.length), ...body];
}

/**
 * The bytes of the module with the `kind` kernel, as described in this file's header, importing `env.memory`
 * (at least 1 page). An engine without the kernel's feature fails `WebAssembly.validate` on them.
 *
 * @example
 * const module = new WebAssembly.Module(dotsModuleBytes('relaxed-simd'));
 */
export function dotsModuleBytes(kind: KernelKind): Uint8Array<ArrayBuffer> {
  const body = kind === 'relaxed-simd' ? dotsBody(relaxedStep(), 32) : dotsBody(widenedStep(), 16);
  const funcType = [0x60, ...vec(new Array<number[]>(7).fill([I32])), ...vec([])]; // (7 × i32) -> ()
  const memoryImport = [...name(WASM_MEMORY_IMPORT.module), ...name(WASM_MEMORY_IMPORT.name), 0x02, 0x00, 1];
  const dotsExport = [...name(WASM_DOTS_EXPORT), 0x00, 0]; // function 0
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d], // magic "\0asm"
    ...[0x01, 0x00, 0x00, 0x00], // version 1
    ...section(1, vec([funcType])), // type section
    ...section(2, vec([memoryImport])), // import section: memory, limits min 1, no max
    ...section(3, vec([[0]])), // function section: function 0 has type 0
    ...section(7, vec([dotsExport])), // export section
    ...section(10, vec([body])), // code section
  ]);
}
