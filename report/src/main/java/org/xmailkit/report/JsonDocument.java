package org.xmailkit.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.function.Function;
import org.xmailkit.model.Printable;

/**
 * How the JSON outputs (the audit JSON, SARIF, {@code show --format json}) are written: indented, one final newline,
 * the stream left open. Strings stay exact; the characters {@link Printable} escapes for a terminal are written as
 * JSON {@code \\uXXXX} escapes (JSON itself only requires it for C0), so a document printed with {@code cat} sends no
 * C1 or bidirectional control either.
 */
public final class JsonDocument {

    private JsonDocument() {
    }

    /** @return a mapper writing indented JSON with those escapes */
    public static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        mapper.getFactory().setCharacterEscapes(new TerminalEscapes());
        return mapper;
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
