import { describe, expect, it } from 'vitest';
import { labCsv } from '../../../src/core/inspect/lab-report';

describe('labCsv', () => {
  it('writes a header and one line per measurement', () => {
    const csv = labCsv([
      { device: 'wasm', threads: 1, batch: 8, seq: 64, ms: 40, perSec: 200, gflops: 5 },
      { device: 'webgpu', threads: 0, batch: 32, seq: 512, ms: 900, perSec: 35.5, gflops: 60 },
    ]);
    expect(csv).toBe(
      'device,threads,batch,seq,ms,perSec,gflops\nwasm,1,8,64,40,200,5\nwebgpu,0,32,512,900,35.5,60\n',
    );
  });
});
