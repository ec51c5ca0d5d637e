package org.xmailkit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonDocumentTest {

    /** A document with every shape the writers use, nested deeper than the line breaks made in advance. */
    private static ObjectNode sample() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", "xmailkit-audit").put("count", 3).put("on", true).putNull("none");
        root.putObject("empty");
        root.putArray("nothing");
        ArrayNode list = root.putArray("list");
        list.add("a\u001B[2J\u009B\u202E").add("日本 \uD83D\uDCE7").add(7);
        list.addObject().put("ruleId", "SEC-001").putArray("evidence").add("\"A\"\t\"B\"");
        ObjectNode deep = root;
        for (int i = 0; i < 20; i++) {
            deep = deep.putObject("level" + i);
            deep.put("at", i);
            deep.putArray("values").add(i).addObject().put("x", "y");
        }
        return root;
    }

    @Test
    void theStreamingGeneratorWritesWhatTheMapperWritesForATree() throws Exception {
        ObjectMapper mapper = JsonDocument.mapper();
        ByteArrayOutputStream tree = new ByteArrayOutputStream();
        mapper.writeValue(tree, sample());
        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        try (JsonGenerator g = JsonDocument.generator(streamed, 0)) {
            g.writeTree(sample());
        }
        assertEquals(tree.toString(StandardCharsets.UTF_8), streamed.toString(StandardCharsets.UTF_8));
    }

    @Test
    void spooledElementsAreIndentedAsInTheWholeDocument() throws Exception {
        ObjectNode whole = JsonNodeFactory.instance.objectNode();
        ArrayNode servers = whole.putObject("summary").put("count", 2).putArray("servers");
        servers.add(sample()).add(sample());
        ByteArrayOutputStream tree = new ByteArrayOutputStream();
        JsonDocument.mapper().writeValue(tree, whole);

        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        try (JsonDocument.Elements elements = new JsonDocument.Elements(2);
                JsonGenerator g = JsonDocument.generator(streamed, 0)) {
            for (int i = 0; i < 2; i++) {
                try (JsonGenerator e = elements.next()) {
                    e.writeTree(sample());
                }
            }
            g.writeStartObject();
            g.writeObjectFieldStart("summary");
            g.writeNumberField("count", 2);
            g.writeFieldName("servers");
            JsonDocument.array(g, streamed, elements);
            g.writeEndObject();
            g.writeEndObject();
        }
        assertEquals(tree.toString(StandardCharsets.UTF_8), streamed.toString(StandardCharsets.UTF_8));
    }
}
