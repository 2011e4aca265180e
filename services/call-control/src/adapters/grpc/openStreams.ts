/** Something long-lived the gRPC server holds open (a session or a media stream). */
export interface OpenStream {
  /** Ends it because the server is stopping (the client should reconnect elsewhere). */
  shutdown(): Promise<void>;
}

/** The streams open right now, so a graceful stop can end them before the server closes. */
export class OpenStreams {
  private readonly streams = new Set<OpenStream>();

  add(stream: OpenStream): () => void {
    this.streams.add(stream);
    return () => this.streams.delete(stream);
  }

  async shutdownAll(): Promise<void> {
    const all = [...this.streams];
    this.streams.clear();
    await Promise.allSettled(all.map((stream) => stream.shutdown()));
  }
}
