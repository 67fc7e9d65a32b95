/**
 * The files of a folder picked with `showDirectoryPicker`, read through its handle (which, unlike the
 * `File` objects of an `<input>`, survives a reload in IndexedDB).
 */

async function walk(directory: FileSystemDirectoryHandle, prefix: string, out: File[]): Promise<void> {
  for await (const entry of directory.values()) {
    const path = `${prefix}/${entry.name}`;
    if (entry.kind === 'directory') await walk(entry as FileSystemDirectoryHandle, path, out);
    else {
      const file = await (entry as FileSystemFileHandle).getFile();
      out.push(new File([file], path, { lastModified: file.lastModified }));
    }
  }
}

/**
 * Every file under `directory`, recursively, named `folder/sub/file.pdf` like a folder picked with
 * `<input webkitdirectory>` or dropped, in path order.
 *
 * @example
 * const files = await directoryFiles(await window.showDirectoryPicker());
 */
export async function directoryFiles(directory: FileSystemDirectoryHandle): Promise<File[]> {
  const files: File[] = [];
  await walk(directory, directory.name, files);
  return files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Whether the page may read `directory` now, asking the user if it must (call it from a click).
 *
 * @example
 * if (await mayRead(handle)) files = await directoryFiles(handle);
 */
export async function mayRead(directory: FileSystemDirectoryHandle): Promise<boolean> {
  try {
    const asked = { mode: 'read' } as const;
    if ((await directory.queryPermission?.(asked)) === 'granted') return true;
    return (await directory.requestPermission?.(asked)) === 'granted';
  } catch {
    return false;
  }
}
