/**
 * The search worker's entry: wires the engine to the browser (fetch, IndexedDB, the model host loaded on
 * first use) and serves it to the page.
 */
import { openSearchDb } from '../src/storage';
import { SearchEngine } from './engine';
import { serveEngine, type Endpoint } from './serve';

const engine = new SearchEngine({
  emit: (event) => self.postMessage({ kind: 'event', event }),
  openDb: (callbacks) => openSearchDb(callbacks),
  fetchFile: (path) => fetch(path),
  // The model runtime (transformers.js) is parsed only once the library has loaded: keyword search comes first.
  loadModel: (request) => import('./model-host').then(({ loadModel }) => loadModel(request)),
});
serveEngine(self as unknown as Endpoint, engine);
