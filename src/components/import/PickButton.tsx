import { folderFiles } from './dropped-files';

interface PickButtonProps {
  /** The button's words. */
  label: string;
  /** `data-testid` of the file input. */
  testId: string;
  /** Pick a whole folder (`<input webkitdirectory>`); its files are named by their path in it. */
  folder?: boolean;
  /** The input's `accept` list. */
  accept?: string;
  /** Receives the picked files. */
  onFiles: (files: File[]) => void;
  /** Called on a click before the input opens; returning true keeps the input closed (another picker opened). */
  onActivate?: () => boolean;
}

/** A button-styled label over a visually hidden file input, for files or a folder. */
export function PickButton({ label, testId, folder = false, accept, onFiles, onActivate }: PickButtonProps) {
  return (
    <label
      className="button"
      onClick={(event) => {
        if (onActivate?.()) event.preventDefault();
      }}
    >
      {label}
      <input
        type="file"
        multiple
        accept={accept}
        // React has no typed prop for it: the folder picker of every current browser.
        {...(folder ? { webkitdirectory: '' } : {})}
        data-testid={testId}
        className="visually-hidden"
        onChange={(event) => {
          onFiles(folder ? folderFiles(event.target.files) : Array.from(event.target.files ?? []));
          event.target.value = '';
        }}
      />
    </label>
  );
}
