const ignore = () => undefined;

/**
 * Shares a read between concurrent callers without answering any of them with a value read before
 * its call. A call made while no read is in flight starts one; calls made while one is in flight
 * wait for the next, which starts as soon as that one settles and answers all of them. Under load a
 * read serves every request that arrived during the one before it; a lone caller waits no longer
 * than with a read of its own.
 */
export function freshRead<T>(read: () => Promise<T>): () => Promise<T> {
  let inFlight: Promise<T> | null = null;
  // Not started yet: whoever joins it is answered by a read that starts after the call.
  let next: Promise<T> | null = null;
  const start = (): Promise<T> => {
    const reading = new Promise<T>((resolve) => {
      resolve(read());
    });
    inFlight = reading;
    const settled = () => {
      if (inFlight === reading) inFlight = null;
    };
    reading.then(settled, settled);
    return reading;
  };
  return () => {
    if (next) return next;
    if (!inFlight) return start();
    // After the read in flight settles, whether it answered or failed.
    const queued = inFlight.then(ignore, ignore).then(() => {
      next = null;
      return start();
    });
    next = queued;
    return queued;
  };
}
