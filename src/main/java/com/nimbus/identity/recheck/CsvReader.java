package com.nimbus.identity.recheck;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV records (RFC 4180: comma separated, fields optionally in double quotes, a quote inside quotes
 * doubled, CRLF or LF line ends) one at a time, so that a large file is never held in memory. Each record
 * carries the line it starts on and, when it is malformed, what is wrong with it.
 */
final class CsvReader {

    record Record(int line, List<String> fields, String error) {
        boolean isBlank() {
            return error == null && fields.stream().allMatch(String::isBlank);
        }
    }

    private final PushbackReader in;
    private int line = 1;

    CsvReader(Reader in) {
        this.in = new PushbackReader(in, 1);
    }

    /** The next record, or null at the end of the input. */
    Record next() throws IOException {
        int startLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quotedField = false;
        boolean inQuotes = false;
        boolean any = false;
        String error = null;
        while (true) {
            int c = in.read();
            if (c == -1) {
                if (!any) {
                    return null;
                }
                if (inQuotes) {
                    error = "a quoted field is not closed";
                }
                fields.add(field.toString());
                return new Record(startLine, fields, error);
            }
            any = true;
            if (inQuotes) {
                if (c == '"') {
                    int d = in.read();
                    if (d == '"') {
                        field.append('"');
                    } else {
                        inQuotes = false;
                        unread(d);
                    }
                } else {
                    if (c == '\n' || (c == '\r' && peek() != '\n')) {
                        line++;
                    }
                    field.append((char) c);
                }
            } else if (c == '"') {
                if (field.isEmpty() && !quotedField) {
                    quotedField = true;
                    inQuotes = true;
                } else {
                    error = "a quote inside an unquoted field";
                    field.append('"');
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                quotedField = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && peek() == '\n') {
                    in.read();
                }
                line++;
                fields.add(field.toString());
                return new Record(startLine, fields, error);
            } else {
                if (quotedField && error == null) {
                    error = "text after the closing quote of a field";
                }
                field.append((char) c);
            }
        }
    }

    private int peek() throws IOException {
        int c = in.read();
        unread(c);
        return c;
    }

    private void unread(int c) throws IOException {
        if (c != -1) {
            in.unread(c);
        }
    }
}
