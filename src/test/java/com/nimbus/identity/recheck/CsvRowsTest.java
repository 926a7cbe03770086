package com.nimbus.identity.recheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbus.identity.vocabulary.FieldError;
import com.nimbus.identity.vocabulary.ValidationFailed;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRowsTest {

    @Test
    void readsQuotedFieldsLineEndsAndTellsTheLineEachRowStartsOn() {
        List<CsvRows.Row> rows = read("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\nlast,");

        assertThat(rows).extracting(CsvRows.Row::line).containsExactly(1, 2, 3, 5);
        assertThat(rows.get(1).fields()).containsExactly("x, y", "say \"hi\"");
        assertThat(rows.get(2).fields()).containsExactly("two\nlines", "z");
        assertThat(rows.get(3).fields()).containsExactly("last", "");
    }

    @Test
    void blankLinesAreBlankRowsAndKeepTheLinesCounted() {
        List<CsvRows.Row> rows = read("a\n\n  \r\nb\n");
        assertThat(rows).extracting(CsvRows.Row::isBlank).containsExactly(false, true, true, false);
        assertThat(rows.get(3).line()).isEqualTo(4);
    }

    @Test
    void aFileThatBreaksTheFormatIsRefusedWithTheLine() {
        assertThat(refusal("region,name\n\"a\"b,c\n")).isEqualTo(
                new FieldError("file", "is not valid CSV from line 2: text after the closing quote of a field"));
        assertThat(refusal("x\ny\n\"open,c\nz\n")).isEqualTo(
                new FieldError("file", "is not valid CSV from line 3: a quoted field is not closed"));
    }

    private static FieldError refusal(String csv) {
        CsvRows rows = new CsvRows(new StringReader(csv));
        List<FieldError> errors = new ArrayList<>();
        assertThatThrownBy(() -> {
            while (rows.next() != null) {
                // read on until the format breaks
            }
        }).isInstanceOfSatisfying(ValidationFailed.class, e -> errors.addAll(e.errors()));
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }

    private static List<CsvRows.Row> read(String csv) {
        CsvRows reader = new CsvRows(new StringReader(csv));
        List<CsvRows.Row> rows = new ArrayList<>();
        for (CsvRows.Row r = reader.next(); r != null; r = reader.next()) {
            rows.add(r);
        }
        return rows;
    }
}
