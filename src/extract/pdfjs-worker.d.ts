/** pdf.js's worker code, imported to run pdf.js in the calling thread (its "fake worker"). */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  /** The handler pdf.js looks for on `globalThis.pdfjsWorker`. */
  export const WorkerMessageHandler: unknown;
}
