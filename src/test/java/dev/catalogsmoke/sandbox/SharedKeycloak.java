package dev.catalogsmoke.sandbox;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands tests one Keycloak for the whole test run. It starts on first use, lives in the root store of the JUnit
 * engine, and is closed (process tree stopped) when the engine finishes, however many classes use it.
 */
public final class SharedKeycloak implements ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(SharedKeycloak.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == SandboxKeycloak.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return extension
                .getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(
                        SandboxKeycloak.class,
                        key -> SandboxKeycloak.start(SandboxOptions.defaults().tenants()),
                        SandboxKeycloak.class);
    }
}
