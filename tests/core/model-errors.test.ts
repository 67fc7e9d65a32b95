import { describe, expect, it } from 'vitest';
import { describeModelError } from '../../src/embed/errors';

describe('describeModelError', () => {
  it('names the model and explains a network failure, pointing at keyword search', () => {
    const message = describeModelError('Xenova/bge-small-zh-v1.5', new TypeError('Failed to fetch'));
    expect(message).toMatch(/^Could not download Xenova\/bge-small-zh-v1\.5: the network is unreachable/);
    expect(message).toContain('keyword search works meanwhile');
  });

  it('explains files missing with downloads off', () => {
    const error = new Error(
      '`local_files_only=true` or `env.allowRemoteModels=false` and file was not found locally at "/models/x/config.json".',
    );
    expect(describeModelError('fixture-small-zh', error)).toBe(
      'Could not load fixture-small-zh: its files are not available on this site and downloading is off for it.',
    );
  });

  it('explains a full disk', () => {
    expect(describeModelError('m', new DOMException('Quota exceeded', 'QuotaExceededError'))).toMatch(
      /storage is full/,
    );
  });

  it('keeps other messages as a sentence', () => {
    expect(describeModelError('m', new Error('bad graph'))).toBe('Could not load m: bad graph.');
  });
});
