import { describe, expect, it } from 'vitest';
import { presentation, type Presentation } from '../../../src/core/inspect/presentation';

describe('presentation', () => {
  const browse: Presentation = { mode: 'browse' };

  it('starts at the first step (or the one asked for) and walks forward and back within the steps', () => {
    let state = presentation(browse, { type: 'start', steps: 3 });
    expect(state).toEqual({ mode: 'present', step: 0, steps: 3 });
    state = presentation(state, { type: 'previous' });
    expect(state).toMatchObject({ step: 0 });
    state = presentation(presentation(presentation(state, { type: 'next' }), { type: 'next' }), {
      type: 'next',
    });
    expect(state).toMatchObject({ step: 2 });
    expect(presentation(state, { type: 'previous' })).toMatchObject({ step: 1 });
    expect(presentation(browse, { type: 'start', steps: 3, at: 9 })).toMatchObject({ step: 2 });
  });

  it('stops back to browsing; next does nothing while browsing; no steps means no presentation', () => {
    expect(presentation({ mode: 'present', step: 1, steps: 3 }, { type: 'stop' })).toEqual(browse);
    expect(presentation(browse, { type: 'next' })).toBe(browse);
    expect(presentation(browse, { type: 'start', steps: 0 })).toEqual(browse);
  });
});
