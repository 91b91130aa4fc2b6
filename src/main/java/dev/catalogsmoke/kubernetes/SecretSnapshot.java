package dev.catalogsmoke.kubernetes;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** The parts of a Secret that checks look at; {@link #toString()} never shows a value. */
public record SecretSnapshot(
        String namespace, String name, String type, String resourceVersion, Map<String, byte[]> data) {

    /** Returns {@code namespace/name}, the way kubectl names the Secret. */
    public String ref() {
        return namespace + "/" + name;
    }

    public TreeSet<String> keys() {
        return new TreeSet<>(data.keySet());
    }

    /** Returns the key's value as UTF-8 text; empty when the key is absent, or when the bytes are not UTF-8. */
    public Optional<String> text(String key) {
        byte[] bytes = data.get(key);
        if (bytes == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    public boolean has(String key) {
        return data.containsKey(key);
    }

    @Override
    public String toString() {
        return "Secret " + ref() + " (type " + type + ", resourceVersion " + resourceVersion + ", keys " + keys() + ")";
    }
}
