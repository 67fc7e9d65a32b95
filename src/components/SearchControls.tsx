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
}

const SCRIPT_LABELS: Record<ScriptDisplay, string> = {
  original: 'As written',
  simplified: '简体',
  traditional: '繁體',
};

const MODE_LABELS: Record<SearchMode, string> = {
  hybrid: 'Hybrid',
  semantic: 'Semantic',
  keyword: 'Keyword',
};

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
}: SearchControlsProps) {
  return (
    <div className="controls">
      <input
        type="search"
        className="search-box"
        data-testid="query"
        aria-label="Search"
        placeholder="问一个问题 · Ask a question"
        value={query}
        autoFocus
        onChange={(event) => onQuery(event.target.value)}
      />
      <div className="options">
        <fieldset className="modes">
          <legend className="visually-hidden">Ranking</legend>
          {(Object.keys(MODE_LABELS) as SearchMode[]).map((value) => (
            <label key={value}>
              <input
                type="radio"
                name="mode"
                value={value}
                checked={mode === value}
                onChange={() => onMode(value)}
              />
              {MODE_LABELS[value]}
            </label>
          ))}
        </fieldset>
        <label>
          Show{' '}
          <select
            value={script}
            onChange={(event) => onScript(event.target.value as ScriptDisplay)}
            data-testid="script"
          >
            {(Object.keys(SCRIPT_LABELS) as ScriptDisplay[]).map((value) => (
              <option key={value} value={value}>
                {SCRIPT_LABELS[value]}
              </option>
            ))}
          </select>
        </label>
        <label className="model-picker">
          Model{' '}
          <select
            value={modelId}
            onChange={(event) => onModel(event.target.value)}
            data-testid="model-picker"
          >
            {MODELS.map((model) => (
              <option key={model.id} value={model.id}>
                {model.label} · {model.dims}d · {model.sizeMB} MB
                {model.testModel ? ` · ${model.testModel}` : ''}
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  );
}
