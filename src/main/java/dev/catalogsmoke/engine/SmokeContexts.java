package dev.catalogsmoke.engine;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Hands a run's {@link SmokeContext} to the checks, which the JUnit engine instantiates itself. */
final class SmokeContexts {

    /** JUnit configuration parameter that carries the id of the run's context. */
    static final String PARAMETER = "catalogsmoke.context";

    private static final Map<String, SmokeContext> CONTEXTS = new ConcurrentHashMap<>();

    private SmokeContexts() {}

    static String register(SmokeContext context) {
        String id = UUID.randomUUID().toString();
        CONTEXTS.put(id, context);
        return id;
    }

    static SmokeContext get(String id) {
        SmokeContext context = CONTEXTS.get(id);
        if (context == null) {
            throw new IllegalStateException("no smoke context is registered under '" + id
                    + "'; checks run only through the catalog-smoke runner");
        }
        return context;
    }

    static void unregister(String id) {
        CONTEXTS.remove(id);
    }
}
