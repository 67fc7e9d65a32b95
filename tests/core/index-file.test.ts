import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeIndexFile,
  encodeIndexFile,
  INDEX_FILE_VERSION,
  IndexFileError,
  type IndexFileContents,
} from '../../src/core/index-file';

function sample(dims = 3): IndexFileContents {
  return {
    appVersion: '0.1.0',
    createdAt: 1_700_000_000_000,
    model: { id: 'fixture-small-zh', dims },
    documents: [
      {
        id: 'd1',
        source: 'a.txt',
        title: '開源',
        encoding: 'utf-8',
        text: '開源模型',
        report: [{ step: 'pinyin', count: 1, removed: ['(kāi)'] }],
        size: 12,
        origin: 'user',
        hidden: false,
        raw: '開(kāi)源模型',
        addedAt: 1,
      },
    ],
    passages: [{ id: 'd1#0', docId: 'd1', index: 0, text: '開源模型', start: 0, end: 4, tokens: 6 }],
    keywordIndex: '{"format":"keyword-index"}',
    vectorIds: ['d1#0', 'd1#1'],
    vectors: Float32Array.from({ length: 2 * dims }, (_, i) => i / 7 - 0.3),
  };
}

describe('index file', () => {
  it('round-trips every field, vectors bit for bit', () => {
    const contents = sample();
    expect(decodeIndexFile(encodeIndexFile(contents))).toEqual(contents);
  });

  it('round-trips any vectors and header text (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 16 }),
        fc.integer({ min: 0, max: 20 }),
        fc.string(),
        (dims, rows, title) => {
          const contents = { ...sample(dims), vectorIds: Array.from({ length: rows }, (_, i) => `p${i}`) };
          contents.vectors = Float32Array.from({ length: rows * dims }, (_, i) => Math.fround(Math.sin(i)));
          contents.documents = [{ ...contents.documents[0]!, title }];
          expect(decodeIndexFile(encodeIndexFile(contents))).toEqual(contents);
        },
      ),
    );
  });

  it('refuses a file that is not an index file', () => {
    expect(() => decodeIndexFile(new TextEncoder().encode('hello, world'))).toThrow(
      'This is not an index file exported by this app.',
    );
  });

  it('refuses a truncated file', () => {
    const bytes = encodeIndexFile(sample());
    expect(() => decodeIndexFile(bytes.subarray(0, bytes.length - 4))).toThrow('its vectors are incomplete');
  });

  it('refuses a file from a newer version, saying so', () => {
    const bytes = encodeIndexFile(sample());
    const text = new TextDecoder().decode(bytes);
    const newer = new TextEncoder().encode(
      text.replace(`"version":${INDEX_FILE_VERSION}`, `"version":${INDEX_FILE_VERSION + 1}`),
    );
    expect(() => decodeIndexFile(newer)).toThrow(/made by a newer version of the app/);
  });

  it('refuses a header that parses but lacks fields, saying the file is damaged', () => {
    const text = new TextDecoder().decode(encodeIndexFile(sample()));
    for (const [field, broken] of [
      ['"vectorIds":', '"vectorIdz":'],
      ['"model":{"id"', '"model":{"di"'],
      ['"passages":', '"passagez":'],
    ] as const) {
      const edited = new TextEncoder().encode(text.replace(field, broken));
      expect(() => decodeIndexFile(edited), field).toThrow(
        'The index file is damaged (its header is incomplete).',
      );
    }
  });

  it('refuses vectors that are not numbers', () => {
    const bytes = encodeIndexFile(sample());
    new DataView(bytes.buffer).setFloat32(bytes.length - 4, Number.NaN, true);
    expect(() => decodeIndexFile(bytes)).toThrow('a vector holds a value that is not a number');
  });

  it('refuses every truncation with an IndexFileError', () => {
    const bytes = encodeIndexFile(sample());
    for (let length = 0; length < bytes.length; length++) {
      expect(() => decodeIndexFile(bytes.subarray(0, length)), `${length} bytes`).toThrow(IndexFileError);
    }
  });

  it('reads a corrupted file back or refuses it with an IndexFileError, never another error (property)', () => {
    const bytes = encodeIndexFile(sample());
    const flips = fc.array(
      fc.record({ at: fc.nat({ max: bytes.length - 1 }), value: fc.integer({ min: 0, max: 255 }) }),
      { minLength: 1, maxLength: 4 },
    );
    fc.assert(
      fc.property(flips, (changes) => {
        const damaged = bytes.slice();
        for (const { at, value } of changes) damaged[at] = value;
        try {
          const contents = decodeIndexFile(damaged);
          expect(contents.vectors.length).toBe(contents.vectorIds.length * contents.model.dims);
          expect(contents.vectors.every(Number.isFinite)).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(IndexFileError);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses vectors that do not match ids and dimensions when writing', () => {
    expect(() => encodeIndexFile({ ...sample(), vectors: new Float32Array(5) })).toThrow(
      'vectors do not match',
    );
  });
});
