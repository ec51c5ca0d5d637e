package org.xmailkit.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Function;

/** How the JSON outputs (the audit JSON and SARIF) are written: indented, one final newline, the stream left open. */
public final class JsonDocument {

    private JsonDocument() {
    }

    /**
     * @param out   where to write; flushed, not closed
     * @param build builds the document with the mapper given
     * @throws IOException when writing fails
     */
    public static void write(OutputStream out, Function<ObjectMapper, ? extends JsonNode> build) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        mapper.writeValue(out, build.apply(mapper));
        out.write('\n');
        out.flush();
    }
}
