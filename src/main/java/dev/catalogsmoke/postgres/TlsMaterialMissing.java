package dev.catalogsmoke.postgres;

/** TLS verification is configured but the CA certificate it needs cannot be found. */
public class TlsMaterialMissing extends RuntimeException {

    public TlsMaterialMissing(String message) {
        super(message);
    }
}
