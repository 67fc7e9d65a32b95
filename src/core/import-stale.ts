/**
 * Documents a folder import leaves behind: when a folder is imported again, the documents that came from it
 * but whose file is gone (or holds other content now) are offered for removal. Nothing is removed here.
 */

/** A stored document as this check needs it. */
export interface ImportedDocument {
  /** Document id (content hash). */
  id: string;
  /** File name, or path inside its folder (`notes/sub/a.pdf`). */
  source: string;
  /** Only documents the user added are considered. */
  origin: 'corpus' | 'user';
}

/** A file of the import and, when it was read, the document it is (added or already there). */
export interface ImportedFile {
  /** Path inside the picked folder, starting with the folder's name. */
  path: string;
  /** The document the file's content is; absent when the file was refused or could not be read. */
  docId?: string;
}

/**
 * Top folders of an import's paths: `notes` for `notes/sub/a.pdf`; files picked one by one have none.
 *
 * @example
 * importedFolders(['notes/a.pdf', 'notes/b/c.txt', 'loose.txt']); // Set { 'notes' }
 */
export function importedFolders(paths: Iterable<string>): Set<string> {
  const folders = new Set<string>();
  for (const path of paths) {
    const slash = path.indexOf('/');
    if (slash > 0) folders.add(path.slice(0, slash));
  }
  return folders;
}

/**
 * User documents under a folder this import read in full whose content the folder no longer holds: no file
 * of the import is that document (by content hash), and its path is gone or now holds other content. A file
 * that was refused or unreadable this time keeps its document (the file is still there).
 *
 * @example
 * staleDocuments(
 *   [{ id: 'h1', source: 'notes/gone.txt', origin: 'user' }, { id: 'h2', source: 'notes/kept.txt', origin: 'user' }],
 *   [{ path: 'notes/kept.txt', docId: 'h2' }],
 * ); // [{ id: 'h1', source: 'notes/gone.txt', origin: 'user' }]
 */
export function staleDocuments<D extends ImportedDocument>(
  documents: readonly D[],
  files: readonly ImportedFile[],
): D[] {
  const folders = importedFolders(files.map((file) => file.path));
  if (folders.size === 0) return [];
  const present = new Set(files.flatMap((file) => file.docId ?? []));
  const unread = new Set(files.filter((file) => file.docId === undefined).map((file) => file.path));
  return documents.filter(
    (doc) =>
      doc.origin === 'user' &&
      folders.has(doc.source.slice(0, Math.max(0, doc.source.indexOf('/')))) &&
      !present.has(doc.id) &&
      !unread.has(doc.source),
  );
}
