import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toClipSpace } from '../../core/inspect/clip-space';
import { useEmbeddingMap } from '../../hooks/use-embedding-map';
import type { SearchHit } from '../../shared/protocol';
import type { ProjectionMethod } from '../../shared/projection-protocol';
import { DOC_COLOURS, ScatterCanvas } from './ScatterCanvas';
const METHODS: readonly ProjectionMethod[] = ['pca', 'umap'];

interface EmbeddingMapProps {
  /** The query vector from the trace, when a model ran. */
  query?: Float32Array;
  /** The hits shown, linked to the query. */
  hits: SearchHit[];
  /** Opens a clicked passage in its article. */
  onOpenPassage: (docId: string, start: number, end: number) => void;
}

/** All passage vectors projected to 2-D (PCA or UMAP), coloured by article, with the query and its top hits. */
export default function EmbeddingMap({ query, hits, onOpenPassage }: EmbeddingMapProps) {
  const { t } = useTranslation();
  const [method, setMethod] = useState<ProjectionMethod>('pca');
  const [hover, setHover] = useState<number>();
  const map = useEmbeddingMap(method, query);
  const { data, points, queryPoint } = map;

  const drawn = useMemo(() => {
    if (!data || !points) return undefined;
    const all = queryPoint ? Float32Array.of(...points, ...queryPoint) : points;
    const categories = [...data.docOf, ...(queryPoint ? [data.documents.length] : [])];
    const colours = data.documents.map((_, i) => DOC_COLOURS[i % DOC_COLOURS.length]!);
    const rowOf = new Map(data.ids.map((id, i) => [id, i]));
    const linked = hits.flatMap((hit) => rowOf.get(hit.passageId) ?? []);
    return {
      all: toClipSpace(all),
      categories,
      colours,
      linked,
      queryIndex: queryPoint ? data.ids.length : undefined,
    };
  }, [data, points, queryPoint, hits]);

  const open = (i: number) => {
    if (!data || i >= data.ids.length) return;
    const doc = data.documents[data.docOf[i]!]!;
    const [start, end] = data.spans[i]!;
    onOpenPassage(doc.id, start, end);
  };

  return (
    <section
      className="embedding-map"
      data-testid="inspector-map"
      data-points={drawn ? drawn.categories.length : 0}
      data-query-point={drawn?.queryIndex !== undefined ? '1' : undefined}
      data-method={method}
    >
      <p className="explain">{t('inspector.map.explain')}</p>
      {data?.testModel && <p className="notice">{t('inspector.testModel')}</p>}
      <p className="map-controls">
        {METHODS.map((m) => (
          <label key={m}>
            <input type="radio" name="projection" checked={method === m} onChange={() => setMethod(m)} />{' '}
            {t(`inspector.map.${m}`)}
          </label>
        ))}
        {map.progress !== undefined && (
          <progress
            max={1}
            value={map.progress}
            aria-label={t('inspector.map.computing', { progress: map.progress })}
          />
        )}
        {map.progress !== undefined && (
          <span>{t('inspector.map.computing', { progress: map.progress })}</span>
        )}
        {data && (
          <span className="muted">
            {t('inspector.map.points', { count: data.ids.length })}
            {map.ms !== undefined && t('inspector.map.ms', { ms: map.ms })}
          </span>
        )}
      </p>
      {map.error && <p className="error">{map.error}</p>}
      {!data && !map.error && <p className="muted">{t('inspector.map.loading')}</p>}
      {drawn && (
        <ScatterCanvas
          points={drawn.all}
          categories={drawn.categories}
          colours={drawn.colours}
          queryIndex={drawn.queryIndex}
          linked={drawn.linked}
          onHover={setHover}
          onClick={open}
        />
      )}
      <p className="map-hover" aria-live="polite">
        {data && hover !== undefined && hover < data.ids.length
          ? `${data.documents[data.docOf[hover]!]!.title}: ${data.previews[hover]}…`
          : t('inspector.map.clickHint')}
      </p>
      {data && (
        <ul className="map-legend">
          {data.documents.map((doc, i) => (
            <li key={doc.id}>
              <span className="swatch" style={{ background: DOC_COLOURS[i % DOC_COLOURS.length] }} />
              {doc.title}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
