package com.nimbus.identity.recheck;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.util.unit.DataSize;

/** An upload read up to a limit: one byte more and {@link ImportTooLarge} is thrown, inside the import's transaction. */
final class SizeLimitedInputStream extends FilterInputStream {

    private final DataSize max;
    private long read;

    SizeLimitedInputStream(InputStream in, DataSize max) {
        super(in);
        this.max = max;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) {
        read += n;
        if (read > max.toBytes()) {
            throw new ImportTooLarge(max);
        }
    }
}
