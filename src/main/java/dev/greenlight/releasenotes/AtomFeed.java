package dev.greenlight.releasenotes;

import java.io.StringWriter;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An Atom 1.0 feed (RFC 4287) of one package's published changelogs, written by an XML writer so that every text is
 * escaped. Entry ids are tag URIs (RFC 4151) made of the release and the version, which never change; a rolled back
 * release keeps its id and gets a new {@code updated}.
 */
final class AtomFeed {
    static final String MEDIA_TYPE = "application/atom+xml";
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    private AtomFeed() {
    }

    /** {@code entries} newest first, as the package's page lists them; at least one. */
    static String of(String baseUrl, String packageName, List<ReleaseNotesService.PublicEntry> entries) {
        String page = baseUrl + NotesPaths.page(packageName);
        String authority = URI.create(baseUrl).getHost();
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            element(xml, "id", page);
            element(xml, "title", packageName + " release notes");
            element(xml, "updated", time(updated(entries)));
            link(xml, "self", MEDIA_TYPE, baseUrl + NotesPaths.feed(packageName));
            link(xml, "alternate", "text/html", page);
            xml.writeStartElement("author");
            element(xml, "name", "Greenlight");
            xml.writeEndElement();
            element(xml, "generator", "Greenlight");
            for (ReleaseNotesService.PublicEntry entry : entries) {
                xml.writeStartElement("entry");
                element(xml, "id", "tag:" + authority + "," + entry.publishedAt().atZone(ZoneOffset.UTC).toLocalDate()
                        + ":greenlight/release-notes/" + entry.releaseId() + "/" + packageName + "@" + entry.version());
                element(xml, "title", packageName + " " + entry.version()
                        + (entry.rolledBack() ? " (rolled back)" : ""));
                link(xml, "alternate", "text/html", page + "#" + entry.anchor());
                element(xml, "published", time(entry.publishedAt()));
                element(xml, "updated", time(entry.updatedAt()));
                xml.writeEmptyElement("category");
                xml.writeAttribute("term", entry.bump());
                xml.writeStartElement("content");
                xml.writeAttribute("type", "html");
                xml.writeCharacters((entry.rolledBack() ? "<p><strong>This release was rolled back.</strong></p>" : "")
                        + entry.changelogHtmlText());
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write the Atom feed", e);
        }
        return out.toString();
    }

    /** The feed changed when its newest change did. */
    static Instant updated(List<ReleaseNotesService.PublicEntry> entries) {
        return entries.stream()
                .map(ReleaseNotesService.PublicEntry::updatedAt)
                .max(Comparator.naturalOrder())
                .orElseThrow();
    }

    private static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String type, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
    }
}
