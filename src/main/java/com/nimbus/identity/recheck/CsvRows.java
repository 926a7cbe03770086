package com.nimbus.identity.recheck;

import com.nimbus.identity.vocabulary.ValidationFailed;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The rows of a CSV file (RFC 4180: comma separated, fields optionally in double quotes, a quote inside quotes
 * doubled, CRLF or LF line ends), read one at a time by Apache Commons CSV so that a large file is never held in
 * memory. Each row carries the line it starts on, for the import's per-row report. A file that breaks the format
 * (a quoted field never closed, text after a closing quote) cannot be read on past that point: it is refused as
 * {@code VALIDATION_FAILED} naming the line.
 */
final class CsvRows {

    /** One row: the line it starts on (from 1) and its fields as written. */
    record Row(int line, List<String> fields) {
        boolean isBlank() {
            return fields.stream().allMatch(String::isBlank);
        }
    }

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;

    CsvRows(Reader csv) {
        try {
            this.parser = CSVParser.parse(csv, FORMAT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.records = parser.iterator();
    }

    /** The next row, or null at the end of the file. */
    Row next() {
        int line = (int) parser.getCurrentLineNumber() + 1;
        try {
            if (!records.hasNext()) {
                return null;
            }
            return new Row(line, records.next().toList());
        } catch (UncheckedIOException e) {
            throw ValidationFailed.of("file", "is not valid CSV from line " + line + ": " + problem(e));
        }
    }

    private static String problem(UncheckedIOException e) {
        String message = String.valueOf(e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
        if (message.contains("EOF reached before encapsulated token finished")) {
            return "a quoted field is not closed";
        }
        if (message.contains("Invalid character between encapsulated token and delimiter")) {
            return "text after the closing quote of a field";
        }
        return message;
    }
}
