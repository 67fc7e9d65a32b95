import { useTranslation } from 'react-i18next';
import { binOf } from '../../core/inspect/histogram';
import type { SearchTrace } from '../../shared/inspect';
import type { SearchHit } from '../../shared/protocol';
import { Step } from './Step';

/** Histogram of the cosine of every passage, with the bins of the shown hits marked. */
export function DenseStep({
  cosine,
  hits,
}: {
  cosine: NonNullable<SearchTrace['cosine']>;
  hits: SearchHit[];
}) {
  const { t } = useTranslation();
  const { histogram } = cosine;
  const marked = new Set(
    hits.flatMap((hit) => (hit.cosine === undefined ? [] : [binOf(histogram, hit.cosine)])),
  );
  const tallest = Math.max(1, ...histogram.counts);
  const width = 100 / histogram.counts.length;
  return (
    <Step id="dense" title={t('inspector.dense.title')} explain={t('inspector.dense.explain')}>
      <svg
        className="histogram"
        viewBox="0 0 100 40"
        preserveAspectRatio="none"
        data-testid="inspector-histogram"
        role="img"
        aria-label={t('inspector.dense.histogram')}
      >
        {histogram.counts.map((count, i) => (
          <rect
            key={i}
            x={i * width + 0.1}
            width={width - 0.2}
            y={40 - (count / tallest) * 38}
            height={(count / tallest) * 38}
            className={marked.has(i) ? 'bar top' : 'bar'}
          >
            <title>{`${(histogram.min + i * ((histogram.max - histogram.min) / histogram.counts.length)).toFixed(3)}: ${count}`}</title>
          </rect>
        ))}
      </svg>
      <p className="axis">
        <span>{histogram.min.toFixed(3)}</span>
        <span className="muted">
          {t('inspector.dense.passages', { count: cosine.passages })} ·{' '}
          <span className="top-key" aria-hidden="true" /> {t('inspector.dense.top')}
        </span>
        <span>{histogram.max.toFixed(3)}</span>
      </p>
    </Step>
  );
}
