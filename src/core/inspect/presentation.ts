/**
 * Presentation mode of the inspector: a union of states with pure transitions (browse everything, or present
 * one step at a time).
 */

/** Browsing shows every step; presenting shows `step` of `steps` in large type. */
export type Presentation = { mode: 'browse' } | { mode: 'present'; step: number; steps: number };

/** What can happen to the presentation. */
export type PresentationAction =
  { type: 'start'; steps: number; at?: number } | { type: 'next' } | { type: 'previous' } | { type: 'stop' };

/**
 * Applies an action. `next` and `previous` stop at the ends; they do nothing while browsing.
 *
 * @example
 * presentation({ mode: 'browse' }, { type: 'start', steps: 8 }); // { mode: 'present', step: 0, steps: 8 }
 */
export function presentation(state: Presentation, action: PresentationAction): Presentation {
  switch (action.type) {
    case 'start':
      if (action.steps < 1) return { mode: 'browse' };
      return {
        mode: 'present',
        steps: action.steps,
        step: Math.min(Math.max(action.at ?? 0, 0), action.steps - 1),
      };
    case 'stop':
      return { mode: 'browse' };
    case 'next':
      return state.mode === 'present' ? { ...state, step: Math.min(state.step + 1, state.steps - 1) } : state;
    case 'previous':
      return state.mode === 'present' ? { ...state, step: Math.max(state.step - 1, 0) } : state;
  }
}
