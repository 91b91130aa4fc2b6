package dev.catalogsmoke.config;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Deep-merges a configuration file over the defaults, rejecting keys that the defaults do not define. */
final class TreeMerge {

    private TreeMerge() {}

    static void merge(ObjectNode base, ObjectNode overlay, String sourceName) {
        merge(base, overlay, sourceName, "");
    }

    private static void merge(ObjectNode base, ObjectNode overlay, String sourceName, String prefix) {
        for (Map.Entry<String, JsonNode> entry : overlay.properties()) {
            String key = prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey();
            JsonNode current = base.get(entry.getKey());
            if (current == null) {
                throw new ConfigException(sourceName + ": unknown key '" + key + "'; known keys here: "
                        + String.join(", ", base.propertyNames()) + " (see the configuration keys in the README)");
            }
            JsonNode value = entry.getValue();
            if (current.isObject() && value.isObject()) {
                merge((ObjectNode) current, (ObjectNode) value, sourceName, key);
            } else if (current.isObject() && !value.isNull()) {
                throw new ConfigException(sourceName + ": key '" + key + "': expected a mapping of keys ("
                        + String.join(", ", current.propertyNames()) + "), found " + describe(value));
            } else if (!value.isNull()) {
                base.set(entry.getKey(), value);
            }
        }
    }

    private static String describe(JsonNode value) {
        return value.isValueNode() ? "the value '" + value.asString() + "'" : "a list";
    }
}
