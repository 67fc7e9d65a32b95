import { useTranslation } from 'react-i18next';
import type { EmbedTrace } from '../../shared/inspect';
import { Step } from './Step';

/** A cell's colour: blue for negative, red for positive, stronger for larger magnitude (relative to the largest). */
function cellColour(value: number, largest: number): string {
  const strength = Math.min(1, Math.abs(value) / (largest || 1));
  return `hsl(${value < 0 ? 215 : 5} 80% ${95 - strength * 50}%)`;
}

/** last_hidden_state → CLS pooling → L2 norm, and the query vector as a heatmap strip. */
export function VectorStep({ embed }: { embed: EmbedTrace }) {
  const { t } = useTranslation();
  const values = Array.from(embed.vector);
  const largest = values.reduce((max, v) => Math.max(max, Math.abs(v)), 0);
  return (
    <Step id="vector" title={t('inspector.vector.title')} explain={t('inspector.vector.explain')}>
      <p className="shape-flow">
        <code>{t('inspector.vector.output', { shape: embed.output.shape.join(', ') })}</code> →{' '}
        <code>{t('inspector.vector.pooled', { shape: embed.pooledShape.join(', ') })}</code> →{' '}
        <span className="muted">{t('inspector.vector.norm', { norm: embed.pooledNorm })}</span>
      </p>
      <div
        className="vector-strip"
        data-testid="inspector-vector"
        data-dims={values.length}
        aria-label={t('inspector.vector.strip')}
      >
        {values.map((value, i) => (
          <span
            key={i}
            className="vector-cell"
            style={{ background: cellColour(value, largest) }}
            title={t('inspector.vector.cell', { index: i, value })}
          />
        ))}
      </div>
      <p className="muted">{t('inspector.vector.hover')}</p>
    </Step>
  );
}
