package dev.catalogsmoke.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Applies {@code CATALOG_SMOKE_*} environment variables to scalar keys and to lists of scalars.
 *
 * <p>The variable for a key is derived by {@link ConfigPaths#environmentVariable(String)}; a list is written as
 * comma-separated values. A variable with the prefix that matches no key is rejected, so a typo cannot be ignored.
 */
final class EnvironmentOverrides {

    /** Variables with the prefix that are not configuration keys: the {@code env} credentials source reads them. */
    private static final Pattern CREDENTIAL_VARIABLE =
            Pattern.compile("CATALOG_SMOKE_CREDENTIALS_(IDENTITY|TENANCY|LEGACY)_(USERNAME|PASSWORD)");

    private final Map<String, String> environment;

    EnvironmentOverrides(Map<String, String> environment) {
        this.environment = environment;
    }

    /** Applies the overrides and returns, per dotted key, the variable that set it, for error messages. */
    Map<String, String> apply(ObjectNode tree) {
        Map<String, String> applied = new TreeMap<>();
        Map<String, Leaf> leaves = new TreeMap<>();
        collectLeaves(tree, "", leaves);
        for (Map.Entry<String, String> variable : new TreeMap<>(environment).entrySet()) {
            String name = variable.getKey();
            if (!name.startsWith(ConfigPaths.ENV_PREFIX)
                    || CREDENTIAL_VARIABLE.matcher(name).matches()) {
                continue;
            }
            if (OBJECT_LIST_VARIABLES.contains(name)) {
                throw new ConfigException("environment variable " + name + ": the key is a list of objects, which"
                        + " only the configuration file can set; unset the variable and set the key in the file");
            }
            Leaf leaf = leaves.get(name);
            if (leaf == null) {
                throw new ConfigException("environment variable " + name + ": no configuration key has this name;"
                        + " unset it or use a name from the README's list of keys");
            }
            leaf.set(variable.getValue());
            applied.put(leaf.key(), name);
        }
        return applied;
    }

    /** Variables of keys whose default is an empty list of objects, which look like scalar lists when empty. */
    private static final java.util.Set<String> OBJECT_LIST_VARIABLES =
            java.util.Set.of(ConfigPaths.environmentVariable("seed.tenants"));

    private static void collectLeaves(ObjectNode node, String prefix, Map<String, Leaf> leaves) {
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String key = prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey();
            JsonNode value = entry.getValue();
            if (value.isObject()) {
                collectLeaves((ObjectNode) value, key, leaves);
            } else if (value.isValueNode() || isScalarList(value)) {
                leaves.put(ConfigPaths.environmentVariable(key), new Leaf(node, entry.getKey(), key, value.isArray()));
            }
        }
    }

    private static boolean isScalarList(JsonNode value) {
        if (!value.isArray()) {
            return false;
        }
        for (JsonNode element : value) {
            if (!element.isValueNode()) {
                return false;
            }
        }
        return true;
    }

    /** One overridable key: its parent node, its name, and whether it is a list. */
    private record Leaf(ObjectNode parent, String name, String key, boolean list) {

        void set(String text) {
            if (!list) {
                parent.set(name, StringNode.valueOf(text));
                return;
            }
            List<String> values = new ArrayList<>();
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    values.add(part.trim());
                }
            }
            ArrayNode array = parent.putArray(name);
            values.forEach(array::add);
        }
    }
}
