package dev.catalogsmoke.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the run as one JUnit XML file ({@code junit/TEST-catalog-smoke.xml}) that CI tools parse: one {@code
 * testcase} per check with its class as {@code classname}, a {@code failure} for FAILED and NOT_READY (type {@code
 * not-ready}), {@code skipped} with the reason, and the evidence in {@code system-out}.
 *
 * <p>Written from the {@link RunSummary} alone, so it carries no JVM system property or environment value.
 */
public final class JunitXmlReport {

    public static final String FILE_NAME = "TEST-catalog-smoke.xml";

    private JunitXmlReport() {}

    public static Path write(RunSummary summary, Path junitDir) throws IOException {
        Files.createDirectories(junitDir);
        Path file = junitDir.resolve(FILE_NAME);
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(writer);
            writeSuite(xml, summary);
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    private static void writeSuite(XMLStreamWriter xml, RunSummary summary) throws XMLStreamException {
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", "catalog-smoke");
        xml.writeAttribute("tests", String.valueOf(summary.results().size()));
        xml.writeAttribute(
                "failures", String.valueOf(summary.count(CheckStatus.FAILED) + summary.count(CheckStatus.NOT_READY)));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", String.valueOf(summary.count(CheckStatus.SKIPPED)));
        xml.writeAttribute("time", seconds(summary.duration().toMillis()));
        xml.writeAttribute("timestamp", summary.startedAt().toString());
        for (CheckResult result : summary.results()) {
            writeCase(xml, result);
        }
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeEndDocument();
    }

    private static void writeCase(XMLStreamWriter xml, CheckResult result) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", result.className());
        xml.writeAttribute("name", result.displayName());
        xml.writeAttribute("time", seconds(result.duration().toMillis()));
        switch (result.status()) {
            case FAILED, NOT_READY -> {
                xml.writeStartElement("failure");
                xml.writeAttribute("message", result.message());
                xml.writeAttribute(
                        "type", result.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
                xml.writeCharacters(result.message());
                xml.writeEndElement();
            }
            case SKIPPED -> {
                xml.writeEmptyElement("skipped");
                xml.writeAttribute("message", result.message());
            }
            case PASSED -> {
                // A passed check has no child element.
            }
        }
        if (!result.evidence().isEmpty()) {
            xml.writeStartElement("system-out");
            xml.writeCharacters(evidenceText(result));
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static String evidenceText(CheckResult result) {
        StringBuilder text = new StringBuilder("id: " + result.id() + "\n");
        for (Map<String, String> entry : result.evidence()) {
            entry.forEach(
                    (key, value) -> text.append(key).append(": ").append(value).append('\n'));
        }
        return text.toString();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
