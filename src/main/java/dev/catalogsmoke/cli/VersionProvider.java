package dev.catalogsmoke.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar manifest; a build from source without a jar reports "development build". */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = CatalogSmoke.class.getPackage().getImplementationVersion();
        return new String[] {"catalog-smoke " + (version == null ? "development build" : version)};
    }
}
