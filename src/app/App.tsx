import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_MODEL_ID, findModel } from '../embed/registry';
import type { ScriptDisplay, SearchHit, SearchMode } from '../shared/protocol';
import { DataPanel } from '../components/DataPanel';
import { DocumentsPanel } from '../components/DocumentsPanel';
import { DocumentViewer, type ViewerFocus } from '../components/DocumentViewer';
import { droppedFiles } from '../components/import/dropped-files';
import { ImportPanel } from '../components/import/ImportPanel';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { Inspector } from '../components/inspector/Inspector';
import { ModelManager } from '../components/ModelManager';
import { ResultList } from '../components/ResultList';
import { SearchControls } from '../components/SearchControls';
import { useDocuments } from '../hooks/use-documents';
import { useSearch } from '../hooks/use-search';
import { useStatusPart } from '../hooks/use-status';
import { engineLifecycle } from '../worker-client/client';
import { EngineNotices, LiveStatusBar } from './EngineNotices';
import { readUrlState, writeUrlState } from './url-state';

const initial = readUrlState(window.location.search);
const modelId = findModel(initial.modelId ?? DEFAULT_MODEL_ID)?.id ?? DEFAULT_MODEL_ID;
const unknownModel = initial.modelId !== undefined && !findModel(initial.modelId);
// Started as the module loads, before React renders, so the worker is busy as early as possible.
engineLifecycle.start({ modelId, device: initial.device, dtype: initial.dtype, hubHost: initial.hubHost });

/** What the document viewer shows: a document, optionally with a passage marked in place (and its page). */
interface Viewing {
  docId: string;
  focus?: ViewerFocus;
}

/** Whether a key press is typing into a field (so `/` is a character there, not the shortcut). */
function typingInField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/** Reloads the page with another model. */
function changeModel(id: string): void {
  const params = new URLSearchParams(window.location.search);
  params.set('model', id);
  window.location.search = params.toString();
}

/** The first result card, for ↓ from the search box. */
function focusFirstResult(): void {
  document.querySelector<HTMLElement>('[data-testid="result"]')?.focus();
}

/** The one page: search box, results, documents, progress and status. */
export function App() {
  const { t } = useTranslation();
  const searchBox = useRef<HTMLInputElement>(null);
  const model = useStatusPart((state) => state.status.model);
  const [query, setQuery] = useState(initial.query);
  const [mode, setMode] = useState<SearchMode>(initial.mode);
  const [script, setScript] = useState<ScriptDisplay>('original');
  const [viewing, setViewing] = useState<Viewing>();
  const [dragging, setDragging] = useState(false);
  const [inspecting, setInspecting] = useState(initial.inspect);
  const [why, setWhy] = useState<SearchHit>();

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
      if (typingInField(event.target)) return;
      event.preventDefault();
      searchBox.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    window.history.replaceState(
      null,
      '',
      writeUrlState(window.location.search, { query, mode, inspect: inspecting }) || window.location.pathname,
    );
  }, [query, mode, inspecting]);

  const search = useSearch(query, mode, script, inspecting);
  const documents = useDocuments();

  // Stable callbacks, so that a keystroke re-renders the search box and not the memoised panels and results.
  const showInContext = useCallback(
    (hit: SearchHit) =>
      setViewing({
        docId: hit.docId,
        focus: { start: hit.start, end: hit.start + hit.text.length, page: hit.page },
      }),
    [],
  );
  const explain = useCallback((hit: SearchHit) => {
    setWhy(hit);
    setInspecting(true);
  }, []);
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    documents.addFiles(droppedFiles(event.dataTransfer));
  };

  return (
    <div
      className={dragging ? 'app dragging' : 'app'}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={drop}
    >
      <header className="top">
        <h1>
          {t('app.title')} <small>{t('app.subtitle')}</small>
        </h1>
        <LanguageSwitcher />
      </header>
      <main>
        <SearchControls
          query={query}
          onQuery={setQuery}
          mode={mode}
          onMode={setMode}
          script={script}
          onScript={setScript}
          modelId={modelId}
          onModel={changeModel}
          inputRef={searchBox}
          onArrowDown={focusFirstResult}
        />
        <p className="inspect-toggle">
          <button
            type="button"
            data-testid="inspect-toggle"
            aria-pressed={inspecting}
            onClick={() => {
              setInspecting(!inspecting);
              setWhy(undefined);
            }}
          >
            {t('inspector.inspect')}
          </button>
        </p>
        {unknownModel && (
          <p className="notice">{t('app.unknownModel', { asked: initial.modelId, used: modelId })}</p>
        )}
        <EngineNotices modelId={modelId} />
        <ModelManager currentModelId={modelId} onUseModel={changeModel} />
        <ImportPanel />
        <DocumentsPanel state={documents} onView={(docId) => setViewing({ docId })} />
        <DataPanel />
        {search.error && (
          <p className="error" role="alert">
            {search.error}
          </p>
        )}
        <p className="visually-hidden" role="status" data-testid="announcement">
          {search.response &&
            t('results.announce', {
              count: search.response.hits.length,
              articles: search.response.groups.length,
              mode: t(`mode.${search.response.mode}`),
            })}
        </p>
        {inspecting && (
          <Inspector
            search={search}
            model={model}
            focus={why}
            onOpenPassage={(docId, start, end) => setViewing({ docId, focus: { start, end } })}
            onClose={() => {
              setInspecting(false);
              setWhy(undefined);
            }}
          />
        )}
        <div className="results-area" aria-busy={search.pending}>
          {search.response && (
            <ResultList response={search.response} onShowInContext={showInContext} onWhy={explain} />
          )}
        </div>
      </main>
      {viewing && (
        <DocumentViewer
          docId={viewing.docId}
          focus={viewing.focus}
          script={script}
          onClose={() => setViewing(undefined)}
        />
      )}
      {dragging && (
        <div className="drop-hint">{t('documents.dropHere', { formats: t('documents.formats') })}</div>
      )}
      <LiveStatusBar />
    </div>
  );
}
