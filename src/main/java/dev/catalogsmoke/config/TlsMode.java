package dev.catalogsmoke.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** TLS policy for database sessions; the names are pgjdbc's {@code sslmode} values. */
public enum TlsMode {
    @JsonProperty("disable")
    DISABLE("disable"),
    @JsonProperty("require")
    REQUIRE("require"),
    @JsonProperty("verify-full")
    VERIFY_FULL("verify-full");

    private final String sslMode;

    TlsMode(String sslMode) {
        this.sslMode = sslMode;
    }

    public String sslMode() {
        return sslMode;
    }

    @Override
    public String toString() {
        return sslMode;
    }
}
