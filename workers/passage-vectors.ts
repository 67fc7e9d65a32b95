/**
 * The passage vectors of the current index as the embedding map needs them, with a version that changes
 * whenever the index does (so projections can be cached under it).
 */
import { corpusHash } from '../src/core/index-plan';
import type { VectorMatrix } from '../src/core/vector/matrix';
import type { ModelEntry } from '../src/embed/registry';
import type { PassageVectors } from '../src/shared/inspect';
import type { Library } from './library';

/** Characters of a passage shown when its point is hovered. */
const PREVIEW_CHARS = 80;

/**
 * Copies the searchable rows of `matrix` with their documents and previews.
 *
 * @example
 * const data = passageVectors(model, matrix, library); // data.vectors.length === data.ids.length * data.dims
 */
export function passageVectors(model: ModelEntry, matrix: VectorMatrix, library: Library): PassageVectors {
  const rows = matrix.ids.flatMap((id, row) => {
    const passage = library.isSearchable(id) ? library.passage(id) : undefined;
    return passage ? [{ row, passage }] : [];
  });
  const documents: PassageVectors['documents'] = [];
  const docIndex = new Map<string, number>();
  const vectors = new Float32Array(rows.length * matrix.dims);
  rows.forEach(({ row, passage }, i) => {
    matrix.row(row, vectors, i * matrix.dims);
    if (!docIndex.has(passage.docId)) {
      docIndex.set(passage.docId, documents.length);
      documents.push({ id: passage.docId, title: library.document(passage.docId)?.title ?? passage.docId });
    }
  });
  const passages = rows.map(({ passage }) => passage);
  return {
    version: `${model.id}:${corpusHash(passages)}`,
    testModel: model.testModel,
    dims: matrix.dims,
    ids: passages.map((passage) => passage.id),
    docOf: passages.map((passage) => docIndex.get(passage.docId)!),
    spans: passages.map((passage) => [passage.start, passage.end]),
    previews: passages.map((passage) => passage.text.slice(0, PREVIEW_CHARS)),
    documents,
    vectors,
  };
}
