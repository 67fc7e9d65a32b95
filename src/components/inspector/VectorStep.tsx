import type { EmbedTrace } from '../../shared/inspect';
import { Step } from './Step';
import { S } from './strings';

const T = S.stages.vector;

/** A cell's colour: blue for negative, red for positive, stronger for larger magnitude (relative to the largest). */
function cellColour(value: number, largest: number): string {
  const strength = Math.min(1, Math.abs(value) / (largest || 1));
  return `hsl(${value < 0 ? 215 : 5} 80% ${95 - strength * 50}%)`;
}

/** last_hidden_state → CLS pooling → L2 norm, and the query vector as a heatmap strip. */
export function VectorStep({ embed }: { embed: EmbedTrace }) {
  const values = Array.from(embed.vector);
  const largest = values.reduce((max, v) => Math.max(max, Math.abs(v)), 0);
  return (
    <Step id="vector" title={T.title} explain={T.explain}>
      <p className="shape-flow">
        <code>
          {T.output} [{embed.output.shape.join(', ')}]
        </code>{' '}
        →{' '}
        <code>
          {T.pooled} [{embed.pooledShape.join(', ')}]
        </code>{' '}
        → <span className="muted">{T.norm(embed.pooledNorm)}</span>
      </p>
      <div
        className="vector-strip"
        data-testid="inspector-vector"
        data-dims={values.length}
        aria-label={T.hover}
      >
        {values.map((value, i) => (
          <span
            key={i}
            className="vector-cell"
            style={{ background: cellColour(value, largest) }}
            title={T.cell(i, value)}
          />
        ))}
      </div>
      <p className="muted">{T.hover}</p>
    </Step>
  );
}
