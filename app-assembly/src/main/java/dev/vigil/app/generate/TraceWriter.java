package dev.vigil.app.generate;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Writes generated runs and team runs in one format, one record after the other. */
abstract class TraceWriter {

    private final CountingStream out;

    TraceWriter(OutputStream out) {
        this.out = new CountingStream(out);
    }

    /** The stream to write to; it counts the bytes. */
    final OutputStream out() {
        return out;
    }

    /** Bytes written so far (after {@link #flush()}, all of them). */
    final long bytesWritten() {
        return out.count;
    }

    abstract void run(GeneratedTrace.Run run) throws IOException;

    abstract void team(GeneratedTrace.Team team) throws IOException;

    abstract void flush() throws IOException;

    /** Counts what passes through, so the summary can tell the file size without asking the file system. */
    private static final class CountingStream extends FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            count += length;
        }

        @Override
        public void close() throws IOException {
            flush(); // the caller owns the underlying stream
        }
    }
}
