/**
 * The files of a drop, folders included (walked recursively through the File and Directory Entries API),
 * named by their path inside the dropped folder.
 */

function readAll(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => {
    const entries: FileSystemEntry[] = [];
    // readEntries returns at most ~100 entries per call: call until it returns none.
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0) resolve(entries);
        else {
          entries.push(...batch);
          next();
        }
      }, reject);
    next();
  });
}

async function filesOf(entry: FileSystemEntry): Promise<File[]> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) =>
      (entry as FileSystemFileEntry).file(resolve, reject),
    );
    const path = entry.fullPath.replace(/^\//, '');
    return [path === file.name ? file : new File([file], path, { lastModified: file.lastModified })];
  }
  if (!entry.isDirectory) return [];
  const children = await readAll((entry as FileSystemDirectoryEntry).createReader());
  return (await Promise.all(children.map(filesOf))).flat();
}

/**
 * Every file of a drop: plain files as they are, folders walked recursively with their files named
 * `folder/sub/file.pdf`. Must be called during the drop event (entries are only readable then).
 *
 * @example
 * onDrop={(event) => droppedFiles(event.dataTransfer).then(addFiles)}
 */
export function droppedFiles(transfer: DataTransfer): Promise<File[]> {
  const entries = Array.from(transfer.items)
    .map((item) => item.webkitGetAsEntry())
    .filter((entry): entry is FileSystemEntry => entry !== null);
  if (entries.length === 0) return Promise.resolve(Array.from(transfer.files));
  return Promise.all(entries.map(filesOf)).then((lists) => lists.flat());
}

/**
 * The files of a folder picked with `<input webkitdirectory>`. Each keeps its path inside the folder in
 * `webkitRelativePath` (read by the import as its name); no copy is made, since making a `File` per file
 * on the page took over half a second for 300 files in Chromium.
 *
 * @example
 * folderFiles(input.files); // [File 'a.pdf' (webkitRelativePath 'notes/a.pdf'), …]
 */
export function folderFiles(files: FileList | null): File[] {
  return Array.from(files ?? []);
}
