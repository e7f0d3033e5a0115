import type { AuditEntry } from "@ankkuri/db";

/** Appends entries to the audit log in one transaction (`appendAudit` on the gateway's database). */
export type AppendAudit = (entries: readonly AuditEntry[]) => Promise<void>;

interface Pending {
  entries: readonly AuditEntry[];
  settle(error?: unknown): void;
}

export interface AuditWriterOptions {
  /**
   * Entries per batch at most (one statement inserts them all; PostgreSQL takes at most 65 535
   * parameters). A request with more is written alone.
   */
  maxEntries?: number;
  /**
   * Whether a failed batch is written again request by request. Worth it when one request's entries
   * may be at fault; not when the database is away, which would fail every request again in turn.
   */
  retryAlone?: (error: unknown) => boolean;
}

/**
 * Writes the reads of concurrent requests to the audit log together (a group commit). A team's chain
 * is appended to under a lock on its head row, held until the commit, so appends of one team run one
 * after another however many requests wait; one append per request made the log the limit of a
 * team's reads. While an append runs, the requests that finish queue their entries, and the next
 * append writes them all in one transaction. Each request still waits until its own entries are
 * committed, and is told if they could not be: a read that is not logged is not served.
 *
 * A batch that fails is written again one request at a time, so that one request's entries (a
 * value the database refuses) never withhold another request's data; unless the failure says the
 * database is away (`retryAlone`), when every request of the batch is refused at once.
 */
export class AuditWriter {
  private readonly queue: Pending[] = [];
  private writing = false;
  private readonly maxEntries: number;
  private readonly retryAlone: (error: unknown) => boolean;

  /** @param append writes one batch in one transaction. */
  constructor(
    private readonly append: AppendAudit,
    options: AuditWriterOptions = {},
  ) {
    this.maxEntries = options.maxEntries ?? 1_000;
    this.retryAlone = options.retryAlone ?? (() => true);
  }

  /** Resolves once `entries` are committed; rejects with the database's error if they were not. */
  write(entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.queue.push({
        entries,
        settle: (error?: unknown) => {
          if (error === undefined) resolve();
          else
            reject(error instanceof Error ? error : new Error("the audit log could not be written", { cause: error }));
        },
      });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.queue.length > 0) await this.writeBatch(this.nextBatch());
    } finally {
      this.writing = false;
    }
  }

  /** The waiting requests, oldest first, up to `maxEntries` entries (always at least one request). */
  private nextBatch(): Pending[] {
    let count = 0;
    let take = 0;
    for (const pending of this.queue) {
      if (take > 0 && count + pending.entries.length > this.maxEntries) break;
      count += pending.entries.length;
      take += 1;
    }
    return this.queue.splice(0, take);
  }

  private async writeBatch(batch: Pending[]): Promise<void> {
    try {
      await this.append(batch.flatMap((p) => p.entries));
      for (const p of batch) p.settle();
      return;
    } catch (error) {
      if (batch.length === 1 || !this.retryAlone(error)) {
        for (const p of batch) p.settle(error ?? new Error("audit append failed"));
        return;
      }
    }
    for (const p of batch) {
      try {
        await this.append(p.entries);
        p.settle();
      } catch (error) {
        p.settle(error ?? new Error("audit append failed"));
      }
    }
  }
}
