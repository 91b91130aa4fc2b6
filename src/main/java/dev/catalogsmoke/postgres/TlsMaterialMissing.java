package dev.catalogsmoke.postgres;

/** TLS verification is configured but the CA certificate it needs cannot be found; waiting does not fix it. */
public class TlsMaterialMissing extends ConnectionFailure {

    public TlsMaterialMissing(String message) {
        super(message, null, null);
    }
}
