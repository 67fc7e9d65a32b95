/**
 * The engine's database connection. When another tab upgrades the database, this tab's connection is
 * closed: the next use reopens it, and if this tab's code is too old for the new schema, the page is told
 * to reload, in words. An upgrade that waits for another tab is reported too.
 */
import type { StatusEvent } from '../src/core/status/events';
import type { SearchDb } from '../src/storage';
import type { EngineDeps } from './engine-deps';

/** Thrown when another tab runs a newer version of the app; only a reload brings this tab up to date. */
export class ReloadNeededError extends Error {
  constructor() {
    super(
      'Another tab upgraded the stored data to a newer version of this app: reload this page to continue.',
    );
    this.name = 'ReloadNeededError';
  }
}

/** Opens the database on first use and again after another tab or the browser closed it. */
export class DatabaseConnection {
  private db: Promise<SearchDb> | undefined;

  constructor(
    private readonly openDb: EngineDeps['openDb'],
    private readonly emit: (event: StatusEvent) => void,
  ) {}

  /** The open database. Rejects with {@link ReloadNeededError} when another tab has a newer schema. */
  get(): Promise<SearchDb> {
    this.db ??= this.open();
    return this.db;
  }

  private async open(): Promise<SearchDb> {
    const forget = () => {
      this.db = undefined;
    };
    try {
      return await this.openDb({
        onBlocked: () => this.emit({ type: 'storage-notice', notice: 'upgrade-blocked' }),
        onVersionChange: forget,
        onTerminated: forget,
      });
    } catch (error) {
      forget();
      if (error instanceof Error && error.name === 'VersionError') {
        this.emit({ type: 'storage-notice', notice: 'reload-needed' });
        throw new ReloadNeededError();
      }
      throw error;
    }
  }
}
