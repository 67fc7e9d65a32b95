import type { ReactNode } from 'react';
import type { Waterfall } from '../../core/inspect/stages';
import { withQueryInstruction } from '../../core/query-instruction';
import type { ModelStatus } from '../../core/status/reducer';
import type { SearchTrace } from '../../shared/inspect';
import type { SearchHit } from '../../shared/protocol';
import { DenseStep } from './DenseStep';
import { FusionStep } from './FusionStep';
import { KeywordStep } from './KeywordStep';
import { NormaliseStep } from './NormaliseStep';
import { TensorStep } from './TensorStep';
import { TokenStep } from './TokenStep';
import { VectorStep } from './VectorStep';
import { WaterfallStep } from './WaterfallStep';

/** What the pipeline view draws from: one trace, the hits it produced, and the page's own measurements. */
export interface PipelineData {
  /** The worker's trace. */
  trace: SearchTrace;
  /** The hits shown. */
  hits: SearchHit[];
  /** The model's status (device, dtype, threads, files). */
  model: ModelStatus;
  /** Stages measured in the worker and on the page. */
  waterfall: Waterfall;
  /** Page-measured total, request to rendered. */
  totalMs: number;
  /** A passage whose "Why this result" opened the inspector. */
  focusId?: string;
}

/**
 * The steps that apply to this trace, in pipeline order, each as an id and its element. The dense steps are
 * absent when no model ran.
 */
export function pipelineSteps(data: PipelineData): { id: string; element: ReactNode }[] {
  const { trace, hits } = data;
  const embed = trace.embed;
  const steps: { id: string; element: ReactNode }[] = [
    { id: 'normalise', element: <NormaliseStep trace={trace} /> },
  ];
  if (embed) {
    const typed = withQueryInstruction(trace.query, trace.instruction);
    steps.push(
      { id: 'tokenise', element: <TokenStep embed={embed} typed={typed} /> },
      { id: 'tensors', element: <TensorStep embed={embed} model={data.model} /> },
      { id: 'vector', element: <VectorStep embed={embed} /> },
    );
  }
  if (trace.cosine) steps.push({ id: 'dense', element: <DenseStep cosine={trace.cosine} hits={hits} /> });
  steps.push(
    { id: 'keyword', element: <KeywordStep trace={trace} hits={hits} /> },
    { id: 'fusion', element: <FusionStep trace={trace} hits={hits} focusId={data.focusId} /> },
    { id: 'waterfall', element: <WaterfallStep waterfall={data.waterfall} totalMs={data.totalMs} /> },
  );
  return steps;
}
