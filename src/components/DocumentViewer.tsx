import { useEffect, useRef, useState } from 'react';
import { useDocumentTexts } from '../hooks/use-document-texts';
import type { DocumentTexts, ScriptDisplay } from '../shared/protocol';
import { pageOfLabel, WHOLE_DOCUMENT } from './import/strings';

/** A passage to mark in the viewer: offsets into the cleaned text, and its page in a paged document. */
export interface ViewerFocus {
  /** Start offset in the cleaned text. */
  start: number;
  /** End offset (exclusive). */
  end: number;
  /** 1-based page, for paged documents: the viewer then opens that page's text. */
  page?: number;
}

/** The stretch of the cleaned text to show: the focused passage's page, or the whole text. */
function shownRange(texts: DocumentTexts, focus: ViewerFocus | undefined, wholeDocument: boolean) {
  const page = wholeDocument ? undefined : texts.pages?.find((span) => span.page === focus?.page);
  return page ?? { start: 0, end: texts.cleaned.length };
}

interface DocumentViewerProps {
  /** Document to show. */
  docId: string;
  /** A range of the cleaned text to mark and scroll to (on its page, for paged documents). */
  focus?: ViewerFocus;
  /** Script to show the text in. */
  script: ScriptDisplay;
  /** Closes the viewer. */
  onClose: () => void;
}

/** An article with a passage marked in place, or its original text beside the cleaned one. */
export function DocumentViewer({ docId, focus, script, onClose }: DocumentViewerProps) {
  const { texts, error } = useDocumentTexts(docId, script);
  const [sideBySide, setSideBySide] = useState(focus === undefined);
  const [wholeDocument, setWholeDocument] = useState(false);
  const range = texts && shownRange(texts, focus, wholeDocument);
  const onPage = range && 'page' in range ? range.page : undefined;
  const marked = useRef<HTMLElement>(null);
  useEffect(() => marked.current?.scrollIntoView({ block: 'center' }), [texts, sideBySide, wholeDocument]);

  return (
    <div className="viewer-backdrop" onClick={onClose}>
      <article
        className="viewer"
        role="dialog"
        aria-modal="true"
        aria-label={texts?.title ?? 'Document'}
        data-testid="viewer"
        onClick={(event) => event.stopPropagation()}
      >
        <header>
          <h2>{texts?.title ?? '…'}</h2>
          <span className="source">{texts?.source}</span>
          <label>
            <input
              type="checkbox"
              checked={sideBySide}
              onChange={(event) => setSideBySide(event.target.checked)}
            />{' '}
            Original beside cleaned
          </label>
          <button type="button" onClick={onClose} aria-label="Close">
            Close
          </button>
        </header>
        {error && <p className="error">{error}</p>}
        {texts && sideBySide && (
          <div className="side-by-side">
            <section>
              <h3>Original ({texts.original.length.toLocaleString()} characters)</h3>
              <pre data-testid="original-text">{texts.original}</pre>
            </section>
            <section>
              <h3>Cleaned ({texts.cleaned.length.toLocaleString()} characters)</h3>
              <pre data-testid="cleaned-text">{texts.cleaned}</pre>
            </section>
          </div>
        )}
        {texts && range && !sideBySide && onPage !== undefined && (
          <p className="page-heading" data-testid="viewer-page" data-page={onPage}>
            {pageOfLabel(onPage, texts.pages?.at(-1)?.page ?? onPage)}{' '}
            <button type="button" onClick={() => setWholeDocument(true)}>
              {WHOLE_DOCUMENT}
            </button>
          </p>
        )}
        {texts && range && !sideBySide && (
          <pre className="in-context" data-testid="cleaned-text">
            {focus ? (
              <>
                {texts.cleaned.slice(range.start, focus.start)}
                <mark ref={marked} data-testid="context-passage">
                  {texts.cleaned.slice(focus.start, focus.end)}
                </mark>
                {texts.cleaned.slice(focus.end, range.end)}
              </>
            ) : (
              texts.cleaned
            )}
          </pre>
        )}
      </article>
    </div>
  );
}
