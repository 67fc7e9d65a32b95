import { useEffect, useRef } from 'react';
import { Dataset, ScatterGL } from 'scatter-gl';
import { useColourScheme } from '../../hooks/use-colour-scheme';

/** Colours of documents; the query is drawn in the page's text colour. */
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

/** A `#rrggbb` colour of the page's scheme (`--bg`, `--fg`), or `fallback` when it is not one. */
function pageColour(element: Element, property: '--bg' | '--fg', fallback: string): string {
  const hex = getComputedStyle(element).getPropertyValue(property).trim();
  return /^#[0-9a-f]{6}$/i.test(hex) ? hex : fallback;
}

interface ScatterCanvasProps {
  /** Packed clip-space `[x, y]` of every point. */
  points: Float32Array;
  /** Colour index per point. */
  categories: number[];
  /** Colours by category (the query's is the page's text colour). */
  colours: string[];
  /** Index of the query point, joined by lines to `linked`. */
  queryIndex?: number;
  /** Points the query links to. */
  linked: number[];
  /** Hover and click on a point. */
  onHover: (index: number | undefined) => void;
  onClick: (index: number) => void;
}

/**
 * A WebGL scatter plot that pans and zooms: scatter-gl, the Embedding Projector's renderer (three.js, no
 * `eval`, so the page's CSP stays strict). The query's lines to its neighbours are scatter-gl sequences.
 * Its background is the page's (`--bg`) and the query is in the page's text colour (`--fg`), so it stands out
 * in the light and the dark scheme alike; it is drawn again when the colour scheme changes.
 */
export function ScatterCanvas({
  points,
  categories,
  colours,
  queryIndex,
  linked,
  onHover,
  onClick,
}: ScatterCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const plot = useRef<ScatterGL | undefined>(undefined);
  const handlers = useRef({ onHover, onClick });
  const scheme = useColourScheme();
  useEffect(() => {
    handlers.current = { onHover, onClick };
  });

  useEffect(() => {
    const element = container.current!;
    const scatter = new ScatterGL(element, {
      onHover: (i) => handlers.current.onHover(i ?? undefined),
      onClick: (i) => {
        if (i !== null) handlers.current.onClick(i);
      },
      selectEnabled: false,
      styles: {
        backgroundColor: Number.parseInt(pageColour(element, '--bg', '#ffffff').slice(1), 16),
        polyline: { startHue: 0, endHue: 0, saturation: 0, lightness: 0.45, defaultOpacity: 0.8 },
      },
      rotateOnStart: false,
    });
    plot.current = scatter;
    const resize = new ResizeObserver(() => scatter.resize());
    resize.observe(element);
    return () => {
      resize.disconnect();
      element.replaceChildren();
    };
  }, [scheme]);

  useEffect(() => {
    const scatter = plot.current;
    if (!scatter) return;
    const coordinates = Array.from({ length: points.length / 2 }, (_, i): [number, number] => [
      points[2 * i]!,
      points[2 * i + 1]!,
    ]);
    scatter.render(new Dataset(coordinates));
    const queryColour = pageColour(container.current!, '--fg', '#000000');
    scatter.setPointColorer((i) => (i === queryIndex ? queryColour : (colours[categories[i]!] ?? '#000000')));
    scatter.setSequences(queryIndex === undefined ? [] : linked.map((i) => ({ indices: [queryIndex, i] })));
  }, [points, categories, colours, queryIndex, linked, scheme]);

  return <div className="scatter" ref={container} />;
}
