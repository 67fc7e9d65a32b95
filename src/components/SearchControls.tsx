import { modelLabel } from '../app/model-label';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { MODELS } from '../embed/registry';
import type { ScriptDisplay, SearchMode } from '../shared/protocol';

interface SearchControlsProps {
  query: string;
  onQuery: (query: string) => void;
  mode: SearchMode;
  onMode: (mode: SearchMode) => void;
  script: ScriptDisplay;
  onScript: (script: ScriptDisplay) => void;
  modelId: string;
  onModel: (modelId: string) => void;
  /** The search box, for the `/` shortcut. */
  inputRef?: Ref<HTMLInputElement>;
  /** ↓ in the search box: move to the results. */
  onArrowDown?: () => void;
}

const SCRIPTS: readonly ScriptDisplay[] = ['original', 'simplified', 'traditional'];
const MODES: readonly SearchMode[] = ['hybrid', 'semantic', 'keyword'];

/** The search box, the ranking mode and the model picker. */
export function SearchControls({
  query,
  onQuery,
  mode,
  onMode,
  script,
  onScript,
  modelId,
  onModel,
  inputRef,
  onArrowDown,
}: SearchControlsProps) {
  const { t } = useTranslation();
  return (
    <div className="controls">
      <input
        type="search"
        className="search-box"
        data-testid="query"
        aria-label={t('search.label')}
        aria-keyshortcuts="/"
        placeholder={t('search.placeholder')}
        value={query}
        autoFocus
        ref={inputRef}
        onChange={(event) => onQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== 'ArrowDown' || !onArrowDown) return;
          event.preventDefault();
          onArrowDown();
        }}
      />
      <div className="options">
        <fieldset className="modes">
          <legend className="visually-hidden">{t('search.ranking')}</legend>
          {MODES.map((value) => (
            <label key={value}>
              <input
                type="radio"
                name="mode"
                value={value}
                checked={mode === value}
                onChange={() => onMode(value)}
              />
              {t(`mode.${value}`)}
            </label>
          ))}
        </fieldset>
        <label>
          {t('search.show')}{' '}
          <select
            value={script}
            onChange={(event) => onScript(event.target.value as ScriptDisplay)}
            data-testid="script"
          >
            {SCRIPTS.map((value) => (
              <option key={value} value={value}>
                {t(`script.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="model-picker">
          {t('search.model')}{' '}
          <select
            value={modelId}
            onChange={(event) => onModel(event.target.value)}
            data-testid="model-picker"
          >
            {MODELS.map((model) => (
              <option key={model.id} value={model.id}>
                {t('search.modelOption', {
                  label: modelLabel(model, t),
                  dims: model.dims,
                  size: model.sizeMB,
                })}
                {model.testModel ? ` · ${t('models.testModelNote')}` : ''}
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  );
}
