import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_ID, findModel, hostingFor, MODELS, TEST_MODEL_NOTE } from '../../src/embed/registry';

describe('model registry', () => {
  it('defaults to bge-small-zh-v1.5 with 512 dimensions', () => {
    expect(findModel(DEFAULT_MODEL_ID)).toMatchObject({
      dims: 512,
      pooling: 'cls',
      normalize: true,
      source: 'hub',
    });
    expect(MODELS[0]?.id).toBe(DEFAULT_MODEL_ID);
  });

  it('lists the BGE family with their dimensions', () => {
    expect(findModel('Xenova/bge-base-zh-v1.5')?.dims).toBe(768);
    expect(findModel('Xenova/bge-m3')?.dims).toBe(1024);
    expect(findModel('Xenova/bge-small-en-v1.5')?.dims).toBe(384);
  });

  it('names test models as such and resolves the `fixture` alias', () => {
    expect(findModel('fixture')?.id).toBe('fixture-small-zh');
    for (const id of ['fixture-small-zh', 'fixture-tiny'])
      expect(findModel(id)?.testModel).toBe(TEST_MODEL_NOTE);
    for (const model of MODELS.filter((m) => m.source === 'hub')) expect(model.testModel).toBeUndefined();
  });

  it("records each hub repo's files: all three precisions, bge-m3 only q8", () => {
    for (const id of ['Xenova/bge-small-zh-v1.5', 'Xenova/bge-base-zh-v1.5', 'Xenova/bge-small-en-v1.5'])
      expect([...findModel(id)!.dtypes].sort()).toEqual(['fp16', 'fp32', 'q8']);
    expect(findModel('Xenova/bge-m3')!.dtypes).toEqual(['q8']);
    for (const id of ['fixture-small-zh', 'fixture-tiny'])
      expect(findModel(id)!.dtypes).toEqual(findModel(DEFAULT_MODEL_ID)!.dtypes);
  });

  it('loads test models only from the app, hub models from a self-hosted copy or the hub, and a given hub only from it', () => {
    const hub = 'https://huggingface.co/';
    expect(hostingFor(findModel('fixture-small-zh')!, '/models/', hub)).toEqual({
      localModelPath: '/models/',
      remoteHost: null,
    });
    expect(hostingFor(findModel(DEFAULT_MODEL_ID)!, '/models/', hub)).toEqual({
      localModelPath: '/models/',
      remoteHost: hub,
    });
    expect(hostingFor(findModel('fixture-small-zh')!, '/models/', hub, 'http://127.0.0.1:9/')).toEqual({
      localModelPath: null,
      remoteHost: 'http://127.0.0.1:9/',
    });
  });
});
