import { useEffect, useRef, useState } from 'react';
import createScatterplot from 'regl-scatterplot';

/** Colours of documents, then the query's. */
export const DOC_COLOURS = [
  '#1a73e8',
  '#e8710a',
  '#188038',
  '#d93025',
  '#9334e6',
  '#12b5cb',
  '#f9ab00',
  '#e52592',
  '#5f6368',
  '#7cb342',
];

interface ScatterCanvasProps {
  /** Packed clip-space `[x, y]` of every point. */
  points: Float32Array;
  /** Colour index per point. */
  categories: number[];
  /** Colours by category. */
  colours: string[];
  /** Index of the query point, drawn with a ring and lines to `linked`. */
  queryIndex?: number;
  /** Points the query links to. */
  linked: number[];
  /** Hover and click on a point. */
  onHover: (index: number | undefined) => void;
  onClick: (index: number) => void;
}

/** A WebGL scatter plot (regl-scatterplot) that pans and zooms, with an SVG overlay for query lines. */
export function ScatterCanvas({
  points,
  categories,
  colours,
  queryIndex,
  linked,
  onHover,
  onClick,
}: ScatterCanvasProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const plot = useRef<ReturnType<typeof createScatterplot> | undefined>(undefined);
  const [screen, setScreen] = useState<[number, number][]>([]);
  const handlers = useRef({ onHover, onClick });
  useEffect(() => {
    handlers.current = { onHover, onClick };
  });

  useEffect(() => {
    const scatter = createScatterplot({
      canvas: canvas.current!,
      pointSize: 5,
      pointColorHover: '#000000',
      lassoOnLongPress: false,
    } as never);
    scatter.subscribe('pointOver', (i) => handlers.current.onHover(i));
    scatter.subscribe('pointOut', () => handlers.current.onHover(undefined));
    scatter.subscribe('select', ({ points: selected }) => {
      if (selected[0] !== undefined) handlers.current.onClick(selected[0]);
      scatter.deselect();
    });
    plot.current = scatter;
    return () => scatter.destroy();
  }, []);

  useEffect(() => {
    const scatter = plot.current;
    if (!scatter) return;
    const ends = queryIndex === undefined ? [] : [queryIndex, ...linked];
    const track = () => setScreen(ends.map((i) => scatter.getScreenPosition(i) ?? [0, 0]));
    scatter.set({ pointColor: colours, colorBy: 'valueA' });
    const x = points.filter((_, i) => i % 2 === 0);
    const y = points.filter((_, i) => i % 2 === 1);
    void scatter.draw({ x, y, valueA: categories }).then(track);
    const subscription = scatter.subscribe('view', track);
    return () => scatter.unsubscribe(subscription);
  }, [points, categories, colours, queryIndex, linked]);

  const [query, ...targets] = screen;
  return (
    <div className="scatter">
      <canvas ref={canvas} />
      {query && (
        <svg className="scatter-overlay" aria-hidden="true">
          {targets.map(([x, y], i) => (
            <line key={i} x1={query[0]} y1={query[1]} x2={x} y2={y} />
          ))}
          <circle cx={query[0]} cy={query[1]} r={9} />
        </svg>
      )}
    </div>
  );
}
