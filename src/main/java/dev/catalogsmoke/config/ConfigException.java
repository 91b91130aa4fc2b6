package dev.catalogsmoke.config;

/** Invalid configuration or usage; the command line maps it to exit code 2. */
public class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
