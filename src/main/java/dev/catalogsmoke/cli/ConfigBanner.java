package dev.catalogsmoke.cli;

import dev.catalogsmoke.config.DurationDeserializer;
import dev.catalogsmoke.config.SmokeConfig;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.ser.std.StdSerializer;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Renders the resolved configuration once at start, as YAML. Keys that name a secret are redacted, and a long seed
 * list is shortened to its count and first entries.
 */
final class ConfigBanner {

    private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(password|token|secretvalue|privatekey).*");
    private static final int SEED_SHOWN = 3;

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .addModule(new SimpleModule().addSerializer(Duration.class, new DurationSerializer()))
            .build();

    private ConfigBanner() {}

    static String render(SmokeConfig config) {
        ObjectNode tree = MAPPER.valueToTree(config);
        tree.remove("source");
        redact(tree);
        shortenSeed(tree);
        String yaml = MAPPER.writeValueAsString(tree).replaceFirst("^---\\s*\\n", "");
        StringBuilder text =
                new StringBuilder("Resolved configuration from " + config.source() + " (secrets redacted):\n");
        yaml.lines().forEach(line -> text.append("  ").append(line).append('\n'));
        return text.toString();
    }

    /**
     * Returns the configuration as a YAML file that {@code run --config} loads back: every key with its resolved
     * value and the whole seed, secrets redacted.
     */
    static String file(SmokeConfig config) {
        ObjectNode tree = MAPPER.valueToTree(config);
        tree.remove("source");
        redact(tree);
        return MAPPER.writeValueAsString(tree).replaceFirst("^---\\s*\\n", "");
    }

    private static void redact(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> entry : object.properties()) {
                if (SECRET_KEY.matcher(entry.getKey()).matches()
                        && entry.getValue().isValueNode()) {
                    object.put(entry.getKey(), "<redacted>");
                } else {
                    redact(entry.getValue());
                }
            }
        } else if (node != null && node.isArray()) {
            for (Iterator<JsonNode> elements = node.iterator(); elements.hasNext(); ) {
                redact(elements.next());
            }
        }
    }

    private static void shortenSeed(ObjectNode tree) {
        JsonNode tenants = tree.path("seed").path("tenants");
        if (tenants.isArray() && tenants.size() > SEED_SHOWN) {
            ObjectNode seed = (ObjectNode) tree.get("seed");
            String first = tenants.get(0).path("slug").asString().toLowerCase(Locale.ROOT);
            seed.put("tenants", tenants.size() + " tenants (first: " + first + ", ...)");
        }
    }

    /** Writes durations in the configuration's own notation, such as {@code 90s}. */
    private static final class DurationSerializer extends StdSerializer<Duration> {

        DurationSerializer() {
            super(Duration.class);
        }

        @Override
        public void serialize(Duration value, JsonGenerator generator, SerializationContext context) {
            generator.writeString(DurationDeserializer.format(value));
        }
    }
}
