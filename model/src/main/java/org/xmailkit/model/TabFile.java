package org.xmailkit.model;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One MailRoot {@code .tab} file: where it is, its lossless document and the rows XMail uses.
 *
 * @param kind     which file
 * @param path     where it is
 * @param document its lossless content
 * @param charset  its detected text encoding (display only)
 */
public record TabFile(MailRootFile kind, Path path, TabDocument document, Charset charset) {

    /**
     * A data line as XMail uses it.
     *
     * @param record  the read
     * @param columns the de-quoted column values (bytes as Latin-1 text)
     */
    public record Row(TabRecord record, List<String> columns) {
        public Row {
            Objects.requireNonNull(record, "record");
            columns = List.copyOf(columns);
        }

        /** @return the 1-based line */
        public int line() {
            return record.line();
        }

        /**
         * @param index 0-based column
         * @return the value, or the empty string when the line has fewer columns
         */
        public String column(int index) {
            return index < columns.size() ? columns.get(index) : "";
        }

        /** @return the number of columns */
        public int size() {
            return columns.size();
        }
    }

    public TabFile {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(charset, "charset");
    }

    /**
     * @param kind  which file
     * @param path  where it is
     * @param bytes its bytes
     * @return the parsed file
     */
    public static TabFile parse(MailRootFile kind, Path path, byte[] bytes) {
        return new TabFile(kind, path, TabDocument.parse(bytes, kind.format()), TextEncoding.detect(bytes));
    }

    /** @return the rows with at least the file's minimum number of columns, in file order */
    public List<Row> rows() {
        List<Row> out = new ArrayList<>();
        for (TabRecord r : document.dataRecords()) {
            if (r.size() >= kind.minColumns()) {
                out.add(toRow(r));
            }
        }
        return out;
    }

    /** @return the data lines XMail skips because they have too few columns */
    public List<Row> shortRows() {
        List<Row> out = new ArrayList<>();
        for (TabRecord r : document.dataRecords()) {
            if (r.size() < kind.minColumns()) {
                out.add(toRow(r));
            }
        }
        return out;
    }

    private static Row toRow(TabRecord r) {
        List<Token> tokens = r.tokens();
        String[] values = new String[tokens.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = tokens.get(i).value();
        }
        return new Row(r, List.of(values)); // List.copyOf in Row keeps this list: no second copy
    }

    /**
     * @param bytesAsLatin1 bytes from this file
     * @return them decoded for display
     */
    public String display(String bytesAsLatin1) {
        return Entry.decode(bytesAsLatin1, charset);
    }
}
