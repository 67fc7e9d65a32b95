/**
 * Turns on WebAssembly relaxed SIMD in Node versions that keep it behind a flag (Node 20; Chromium 114+ and
 * Node 22+ have it on), so the unit tests run the kernel the browser runs. Node 20's baseline compiler
 * (Liftoff) lowers `i32x4.relaxed_dot_i8x16_i7x16_add_s` wrongly (the app's known-answer check would then
 * refuse the kernel), so there wasm is compiled by the optimising compiler only. Runs before each test file.
 */
import { setFlagsFromString } from 'node:v8';
import { dotsModuleBytes } from '../../src/core/vector/wasm-module';

if (!WebAssembly.validate(dotsModuleBytes('relaxed-simd'))) {
  setFlagsFromString('--experimental-wasm-relaxed-simd');
  setFlagsFromString('--no-liftoff');
}
