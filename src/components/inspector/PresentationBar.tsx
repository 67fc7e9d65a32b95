import { useEffect, useRef, type Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import type { Presentation, PresentationAction } from '../../core/inspect/presentation';

/**
 * Starts and steps through presentation mode; arrow keys step while presenting, Esc leaves. Focus moves to
 * the bar on entering and back to its start button on leaving, so the keyboard never loses its place.
 */
export function PresentationBar({
  state,
  steps,
  dispatch,
}: {
  state: Presentation;
  steps: number;
  dispatch: Dispatch<PresentationAction>;
}) {
  const { t } = useTranslation();
  const focusTarget = useRef<HTMLButtonElement>(null);
  const wasPresenting = useRef(false);
  useEffect(() => {
    const presenting = state.mode === 'present';
    if (presenting !== wasPresenting.current) focusTarget.current?.focus();
    wasPresenting.current = presenting;
  }, [state.mode]);
  useEffect(() => {
    if (state.mode !== 'present') return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'ArrowRight' || event.key === 'PageDown') dispatch({ type: 'next' });
      else if (event.key === 'ArrowLeft' || event.key === 'PageUp') dispatch({ type: 'previous' });
      else if (event.key === 'Escape') dispatch({ type: 'stop' });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [state.mode, dispatch]);

  if (steps === 0) return null;
  if (state.mode === 'browse') {
    return (
      <p className="presentation-bar">
        <button type="button" ref={focusTarget} onClick={() => dispatch({ type: 'start', steps })}>
          {t('inspector.present')}
        </button>
      </p>
    );
  }
  return (
    <p className="presentation-bar" data-testid="presentation-bar">
      <button type="button" onClick={() => dispatch({ type: 'previous' })} disabled={state.step === 0}>
        {t('inspector.previous')}
      </button>
      <span>{t('inspector.stepOf', { step: state.step + 1, total: state.steps })}</span>
      <button
        type="button"
        ref={focusTarget}
        onClick={() => dispatch({ type: 'next' })}
        disabled={state.step === state.steps - 1}
      >
        {t('inspector.next')}
      </button>
      <button type="button" onClick={() => dispatch({ type: 'stop' })}>
        {t('inspector.endPresent')}
      </button>
    </p>
  );
}
