package com.nimbus.identity.recheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    @Test
    void readsQuotedFieldsLineEndsAndTellsTheLineEachRecordStartsOn() throws IOException {
        List<CsvReader.Record> records = read("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\nlast,");

        assertThat(records).extracting(CsvReader.Record::line).containsExactly(1, 2, 3, 5);
        assertThat(records.get(1).fields()).containsExactly("x, y", "say \"hi\"");
        assertThat(records.get(2).fields()).containsExactly("two\nlines", "z");
        assertThat(records.get(3).fields()).containsExactly("last", "");
        assertThat(records).allMatch(r -> r.error() == null);
    }

    @Test
    void malformedRecordsSayWhatIsWrong() throws IOException {
        assertThat(read("a\"b,c\n").get(0).error()).isEqualTo("a quote inside an unquoted field");
        assertThat(read("\"a\"b,c\n").get(0).error()).isEqualTo("text after the closing quote of a field");
        assertThat(read("x\n\"open,c\n").get(1).error()).isEqualTo("a quoted field is not closed");
    }

    @Test
    void blankLinesAreBlankRecords() throws IOException {
        List<CsvReader.Record> records = read("a\n\n  \nb\n");
        assertThat(records).extracting(CsvReader.Record::isBlank).containsExactly(false, true, true, false);
        assertThat(records.get(3).line()).isEqualTo(4);
    }

    private static List<CsvReader.Record> read(String csv) throws IOException {
        CsvReader reader = new CsvReader(new StringReader(csv));
        List<CsvReader.Record> records = new ArrayList<>();
        for (CsvReader.Record r = reader.next(); r != null; r = reader.next()) {
            records.add(r);
        }
        return records;
    }
}
