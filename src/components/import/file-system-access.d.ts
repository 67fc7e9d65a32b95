/**
 * The parts of the File System Access API the import uses that TypeScript's DOM library lacks (Chromium
 * has them; other browsers may not, so each is optional and checked before use).
 */

interface FileSystemHandlePermissionDescriptor {
  mode?: 'read' | 'readwrite';
}

interface FileSystemHandle {
  /** Whether the page may read the handle now. */
  queryPermission?(descriptor?: FileSystemHandlePermissionDescriptor): Promise<PermissionState>;
  /** Asks the user to let the page read the handle again (needs a click). */
  requestPermission?(descriptor?: FileSystemHandlePermissionDescriptor): Promise<PermissionState>;
}

interface Window {
  /** Lets the user pick a folder; its handle can be stored in IndexedDB and read again later. */
  showDirectoryPicker?(options?: {
    id?: string;
    mode?: 'read' | 'readwrite';
  }): Promise<FileSystemDirectoryHandle>;
}
