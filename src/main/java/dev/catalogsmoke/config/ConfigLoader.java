package dev.catalogsmoke.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Builds a {@link SmokeConfig} from the built-in defaults, one YAML file and environment overrides, in that order.
 *
 * <p>Every error names the file or environment variable, the key, the value and what is expected, and is thrown as
 * a {@link ConfigException}.
 */
public final class ConfigLoader {

    /** Configuration files larger than this are rejected before parsing. */
    static final int MAX_FILE_BYTES = 4 * 1024 * 1024;

    private static final String DEFAULTS = "defaults.yaml";

    private final YAMLMapper mapper = YAMLMapper.builder()
            .addModule(new SimpleModule().addDeserializer(Duration.class, new DurationDeserializer()))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final Map<String, String> environment;

    public ConfigLoader(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** Loads a configuration file; {@code file} may be {@code null} for defaults and environment alone. */
    public SmokeConfig load(Path file) {
        ObjectNode tree = readDefaults();
        String source = "built-in defaults";
        if (file != null) {
            ObjectNode overlay = readFile(file);
            TreeMerge.merge(tree, overlay, file.toString());
            source = file.toString();
        }
        tree.put("source", source);
        Map<String, String> fromEnvironment = new EnvironmentOverrides(environment).apply(tree);
        SmokeConfig config = bind(tree, source, fromEnvironment);
        new ConfigValidator(source, fromEnvironment).validate(config);
        return config;
    }

    /**
     * Loads a configuration from YAML text, then applies {@code overlay}: keys that a program sets, such as the
     * sandbox's ports. Environment overrides apply last.
     */
    public SmokeConfig loadWithOverlay(String yaml, String sourceName, Map<String, Object> overlay) {
        ObjectNode tree = readDefaults();
        TreeMerge.merge(tree, parse(yaml, sourceName), sourceName);
        TreeMerge.merge(tree, (ObjectNode) mapper.valueToTree(overlay), "runtime settings of " + sourceName);
        tree.put("source", sourceName);
        Map<String, String> fromEnvironment = new EnvironmentOverrides(environment).apply(tree);
        SmokeConfig config = bind(tree, sourceName, fromEnvironment);
        new ConfigValidator(sourceName, fromEnvironment).validate(config);
        return config;
    }

    /** Reads a configuration file as UTF-8 text, with the same size and encoding checks as {@link #load}. */
    public static String readConfigFile(Path file) {
        return decodeUtf8(readBytes(file), file.toString());
    }

    private ObjectNode readDefaults() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS)) {
            return (ObjectNode) mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("built-in " + DEFAULTS + " is missing from the jar", e);
        }
    }

    private ObjectNode readFile(Path file) {
        return parse(readConfigFile(file), file.toString());
    }

    private static byte[] readBytes(Path file) {
        try {
            if (Files.isDirectory(file)) {
                throw new ConfigException(file + ": is a directory; expected a YAML configuration file");
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new ConfigException(file + ": file is " + Files.size(file) + " bytes, larger than the limit of "
                        + MAX_FILE_BYTES + " bytes for a configuration file");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": configuration file not found; pass an existing file to --config");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read configuration file: " + e.getMessage());
        }
    }

    private static String decodeUtf8(byte[] bytes, String sourceName) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ConfigException(sourceName + ": file is not valid UTF-8; save it as UTF-8 text");
        }
    }

    private ObjectNode parse(String yaml, String sourceName) {
        JsonNode node;
        try {
            node = mapper.readTree(yaml);
        } catch (JacksonException e) {
            throw new ConfigException(sourceName + ": invalid YAML: " + firstLine(e.getOriginalMessage())
                    + locationOf(e) + "; fix the syntax and run again");
        }
        if (node == null || node.isMissingNode() || node.isNull()) {
            return mapper.createObjectNode();
        }
        if (!node.isObject()) {
            throw new ConfigException(sourceName + ": expected a YAML mapping of keys at the top level, found "
                    + node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
        }
        return (ObjectNode) node;
    }

    private SmokeConfig bind(ObjectNode tree, String sourceName, Map<String, String> fromEnvironment) {
        try {
            return mapper.treeToValue(tree, SmokeConfig.class);
        } catch (JacksonException e) {
            String key = ConfigPaths.fromJackson(e.getPath());
            String variable = fromEnvironment.get(key);
            String origin = variable == null ? sourceName : "environment variable " + variable;
            throw new ConfigException(origin + ": key '" + key + "': " + BindingMessages.describe(e)
                    + "; see the configuration keys in the README");
        }
    }

    private static String locationOf(JacksonException e) {
        if (e.getLocation() == null || e.getLocation().getLineNr() < 1) {
            return "";
        }
        return " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable value";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
