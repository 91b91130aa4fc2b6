package dev.catalogsmoke.engine;

/** An error that may heal by waiting, such as a refused connection or a server still starting. */
public class TransientException extends RuntimeException {

    public TransientException(String message, Throwable cause) {
        super(message, cause);
    }
}
