package org.xmailkit.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.Locale;
import java.util.function.Function;
import org.xmailkit.model.Printable;
import org.xmailkit.model.fs.Spool;

/**
 * How the JSON outputs (the audit JSON, SARIF, {@code show --format json}) are written: indented, one final newline,
 * the stream left open. Strings stay exact; the characters {@link Printable} escapes for a terminal are written as
 * JSON {@code \\uXXXX} escapes (JSON itself only requires it for C0), so a document printed with {@code cat} sends no
 * C1 or bidirectional control either.
 */
public final class JsonDocument {

    /** The factory of the streaming writers' generators: the same escapes, the target left open. */
    private static final JsonFactory FACTORY = mapper().getFactory();

    private JsonDocument() {}

    /** @return a mapper writing indented JSON with those escapes */
    public static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        mapper.getFactory().setCharacterEscapes(new TerminalEscapes());
        return mapper;
    }

    /**
     * A generator writing what {@link #mapper()} writes for a tree, value by value, so that a document of any size
     * is written without building it first.
     *
     * @param out     where to write; not closed
     * @param nesting how many objects the first value is inside of in the whole document (0 for the document
     *                itself): each value is indented as it would be there
     * @return the generator
     * @throws IOException when it cannot be made
     */
    public static JsonGenerator generator(OutputStream out, int nesting) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        g.setPrettyPrinter(new Nested(nesting));
        return g;
    }

    /**
     * Writes a string field by a name made once, e.g. a constant: its quoted bytes are copied, not encoded again (a
     * fleet's document has a few fields for each rule's outcome and each finding, for every server).
     *
     * @param g     the generator
     * @param name  the field's name
     * @param value the value, or null
     * @throws IOException when writing fails
     */
    public static void field(JsonGenerator g, SerializableString name, String value) throws IOException {
        g.writeFieldName(name);
        g.writeString(value);
    }

    /**
     * Writes an array whose elements were written before into a spool ({@link Elements}), as the current value of a
     * generator writing a whole document.
     *
     * @param g        the document's generator
     * @param out      the stream it writes to
     * @param elements the elements
     * @throws IOException when writing fails
     */
    public static void array(JsonGenerator g, OutputStream out, Elements elements) throws IOException {
        g.writeStartArray();
        if (elements.count() > 0) {
            // Counts as one value of the array (the space after the bracket, the one before its end); the elements
            // and the separators between them are the spool's bytes, copied around the generator.
            g.writeRawValue("");
            g.flush();
            elements.spool().copyTo(out);
        }
        g.writeEndArray();
    }

    /**
     * The elements of one array of a document, written one at a time into a spool while the document's head is not
     * known yet, each indented as it will be in the document.
     */
    public static final class Elements implements Closeable {
        private final Spool spool = new Spool();
        private final int nesting;
        private int count;

        /** @param nesting how many objects the array is inside of in the document */
        public Elements(int nesting) {
            this.nesting = nesting;
        }

        /**
         * @return a generator for the next element, which the caller writes whole and closes; the separator from the
         *         element before is written already
         * @throws IOException when writing fails
         */
        public JsonGenerator next() throws IOException {
            if (count++ > 0) {
                spool.write(SEPARATOR);
            }
            return generator(spool, nesting);
        }

        /** @return how many elements were begun */
        public int count() {
            return count;
        }

        /** @return the bytes written */
        Spool spool() {
            return spool;
        }

        @Override
        public void close() throws IOException {
            spool.close();
        }
    }

    /** Between two elements of an array: what the pretty printer writes (a comma, then its inline indenter's space). */
    private static final byte[] SEPARATOR = {',', ' '};

    /**
     * The default pretty printer, starting inside a number of objects. Its separators and its line breaks with their
     * indentation are written as bytes made once ({@link SerializedString}) rather than as text encoded at every
     * value: a fleet's document has millions of them. What it writes is the default's, byte for byte.
     */
    private static final class Nested extends DefaultPrettyPrinter {
        private static final long serialVersionUID = 1L;

        private final SerializedString fieldValueSeparator = new SerializedString(_objectFieldValueSeparatorWithSpaces);
        private final SerializedString entrySeparator = new SerializedString(_objectEntrySeparator);
        private final SerializedString valueSeparator = new SerializedString(_arrayValueSeparator);

        Nested(int nesting) {
            _nesting = nesting;
            _objectIndenter = LineBreaks.DEFAULT;
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(fieldValueSeparator);
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(entrySeparator);
            _objectIndenter.writeIndentation(g, _nesting);
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(valueSeparator);
            _arrayIndenter.writeIndentation(g, _nesting);
        }
    }

    /** The default indenter's line break and indentation, each level's bytes made once (deeper ones as it does). */
    private static final class LineBreaks implements DefaultPrettyPrinter.Indenter, Serializable {
        private static final long serialVersionUID = 1L;
        static final LineBreaks DEFAULT = new LineBreaks(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);

        private final DefaultIndenter indenter;
        private final SerializedString[] levels = new SerializedString[16];

        private LineBreaks(DefaultIndenter indenter) {
            this.indenter = indenter;
            for (int i = 0; i < levels.length; i++) {
                levels[i] = new SerializedString(
                        indenter.getEol() + indenter.getIndent().repeat(i));
            }
        }

        @Override
        public void writeIndentation(JsonGenerator g, int level) throws IOException {
            if (level < levels.length) {
                g.writeRaw(levels[level]);
            } else {
                indenter.writeIndentation(g, level);
            }
        }

        @Override
        public boolean isInline() {
            return false;
        }
    }

    /**
     * @param out   where to write; flushed, not closed
     * @param build builds the document with the mapper given
     * @throws IOException when writing fails
     */
    public static void write(OutputStream out, Function<ObjectMapper, ? extends JsonNode> build) throws IOException {
        ObjectMapper mapper = mapper();
        mapper.writeValue(out, build.apply(mapper));
        out.write('\n');
        out.flush();
    }

    /** JSON's own escapes, plus {@code \\uXXXX} for every other character {@link Printable} would escape. */
    private static final class TerminalEscapes extends CharacterEscapes {

        private static final long serialVersionUID = 1L;
        private static final int[] ASCII = CharacterEscapes.standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ASCII;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch <= 0x7F || !Printable.escaped((char) ch)) {
                return null;
            }
            return new SerializedString(String.format(Locale.ROOT, "\\u%04X", ch));
        }
    }
}
