# Image of the catalog-smoke suite: the shaded jar on a Java 17 runtime, run as a non-root user.
#
# The root filesystem can be mounted read-only: the suite writes reports to /reports and temporary files
# (the CA certificate, and the embedded PostgreSQL of `sandbox`) to /tmp, so mount a writable volume at each.
#
# BASE_IMAGE must provide `java` 17 or later on PATH, /bin/sh (PostgreSQL's initdb runs through it in `sandbox`)
# and useradd. scripts/build-image.sh passes a Debian bookworm base with openjdk-17-jre-headless that it assembles
# itself; the default below is the public Eclipse Temurin image.
ARG BASE_IMAGE=docker.io/library/eclipse-temurin:17-jre

FROM ${BASE_IMAGE}

# initdb looks the effective user up in /etc/passwd, so the user needs an entry and not only a numeric id.
RUN groupadd --gid 10001 catalog-smoke \
    && useradd --uid 10001 --gid 10001 --home-dir /tmp --no-create-home --shell /usr/sbin/nologin \
        catalog-smoke \
    && mkdir -p /reports \
    && chown 10001:10001 /reports \
    && chmod 1777 /tmp

COPY --chown=0:0 target/catalog-smoke.jar /app/catalog-smoke.jar
COPY --chown=0:0 smoke-config/ /app/smoke-config/

ENV HOME=/tmp
WORKDIR /reports
# A numeric user, so that the kubelet can enforce runAsNonRoot without a securityContext.runAsUser.
USER 10001:10001

# The heap follows the container's memory limit (container support is on by default since JDK 10).
# UsePerfData off keeps the JVM from writing /tmp/hsperfdata_*. More JVM options: JAVA_TOOL_OPTIONS.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-XX:-UsePerfData", \
    "-Djava.io.tmpdir=/tmp", "-jar", "/app/catalog-smoke.jar"]
CMD ["run", "--config", "/app/smoke-config/cluster.yaml", "--reports-dir", "/reports"]
