package dev.greenlight.bundle;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.greenlight.adr.AdrService;
import dev.greenlight.approval.ApprovalService;
import dev.greenlight.audit.AuditLog;
import dev.greenlight.changeset.ChangesetService;
import dev.greenlight.emergency.EmergencyService;
import dev.greenlight.emergency.OverrideService;
import dev.greenlight.evidence.EvidenceFile;
import dev.greenlight.evidence.EvidenceStore;
import dev.greenlight.evidence.EvidenceView;
import dev.greenlight.gate.GateService;
import dev.greenlight.incident.IncidentService;
import dev.greenlight.incident.IncidentView;
import dev.greenlight.incident.PostmortemService;
import dev.greenlight.release.ReleaseFacts;
import dev.greenlight.release.ReleaseService;
import dev.greenlight.release.Waivers;
import dev.greenlight.rollback.RollbackService;
import dev.greenlight.security.Actor;
import dev.greenlight.validation.ValidationService;

/**
 * A release's evidence bundle: one ZIP an auditor can keep, with a readable summary ({@code summary.html}), the same
 * facts as data ({@code release.json}), the evidence files themselves, and {@code SHA256SUMS} over every entry. The
 * evidence files stream from the database into the ZIP while it is written: memory holds one slice, not the files.
 */
@ApplicationScoped
public class EvidenceBundle {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance summary(Dossier d);
    }

    /** A file of the bundle: its name and how to read it. */
    record Entry(String name, Content content) {
        static Entry of(String name, byte[] bytes) {
            return new Entry(name, () -> new ByteArrayInputStream(bytes));
        }
    }

    /** An entry's bytes, opened only when the ZIP reaches the entry. */
    interface Content {
        InputStream open() throws IOException;
    }

    private final ReleaseService releases;
    private final AdrService adrs;
    private final ChangesetService changesets;
    private final ApprovalService approvals;
    private final GateService gates;
    private final Waivers waivers;
    private final EmergencyService emergencies;
    private final OverrideService overrides;
    private final ValidationService validation;
    private final RollbackService rollbacks;
    private final IncidentService incidents;
    private final PostmortemService postmortems;
    private final EvidenceStore evidenceStore;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;

    @Inject
    EvidenceBundle(ReleaseService releases, AdrService adrs, ChangesetService changesets, ApprovalService approvals,
            GateService gates,
            Waivers waivers, EmergencyService emergencies, OverrideService overrides, ValidationService validation,
            RollbackService rollbacks, IncidentService incidents, PostmortemService postmortems,
            EvidenceStore evidenceStore, AuditLog audit, ObjectMapper json, Clock clock) {
        this.releases = releases;
        this.adrs = adrs;
        this.changesets = changesets;
        this.approvals = approvals;
        this.gates = gates;
        this.waivers = waivers;
        this.emergencies = emergencies;
        this.overrides = overrides;
        this.validation = validation;
        this.rollbacks = rollbacks;
        this.incidents = incidents;
        this.postmortems = postmortems;
        this.evidenceStore = evidenceStore;
        this.audit = audit;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
        this.clock = clock;
    }

    /** Reads everything in one transaction, so that the bundle is one consistent snapshot. */
    @Transactional
    public Dossier dossier(Actor reader, long releaseId) {
        ReleaseFacts facts = releases.facts(releaseId);
        List<IncidentView> touched = incidents.forRelease(reader, releaseId);
        return new Dossier(clock.instant(), reader.username(), releases.get(releaseId), adrs.of(releaseId),
                changesets.ofRelease(releaseId), approvals.slots(facts), gates.status(facts),
                waivers.notices(releaseId), emergencies.forRelease(reader, releaseId),
                overrides.forRelease(reader, releaseId),
                validation.status(releaseId), rollbacks.ofRelease(reader, releaseId), touched,
                postmortems.ofReleaseStory(reader, releaseId, touched)
                        .stream()
                        .map(p -> postmortems.get(reader, p.id()))
                        .toList(),
                audit.releaseHistory(reader, releaseId).stream().map(Dossier.AuditEntry::of).toList());
    }

    /**
     * The bundle's files, read in the same snapshot as the dossier; evidence files are named here and read while the
     * ZIP is written (evidence never changes, so they are the files of the snapshot).
     */
    @Transactional
    public List<Entry> entries(Actor reader, long releaseId) {
        Dossier dossier = dossier(reader, releaseId);
        List<Entry> entries = new ArrayList<>();
        entries.add(Entry.of("summary.html", Templates.summary(dossier).render().getBytes(StandardCharsets.UTF_8)));
        try {
            entries.add(Entry.of("release.json", json.writeValueAsBytes(dossier)));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write release " + releaseId + " as JSON", e);
        }
        for (EvidenceView evidence : dossier.evidenceFiles()) {
            EvidenceFile file = evidenceStore.download(releaseId, evidence.id());
            entries.add(new Entry("evidence/" + evidence.id() + "-" + safe(file.fileName()),
                    () -> evidenceStore.open(file)));
        }
        return entries;
    }

    /** Writes the ZIP, with {@code SHA256SUMS} last, in the format {@code sha256sum -c} reads. */
    public static void write(List<Entry> entries, OutputStream out) throws IOException {
        Map<String, String> sums = new LinkedHashMap<>();
        byte[] buffer = new byte[64 * 1024];
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Entry entry : entries) {
                zip.putNextEntry(new ZipEntry(entry.name()));
                MessageDigest digest = sha256();
                try (InputStream in = entry.content().open()) {
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        zip.write(buffer, 0, n);
                        digest.update(buffer, 0, n);
                    }
                }
                zip.closeEntry();
                sums.put(entry.name(), HexFormat.of().formatHex(digest.digest()));
            }
            StringBuilder lines = new StringBuilder();
            sums.forEach((name, sum) -> lines.append(sum).append("  ").append(name).append('\n'));
            zip.putNextEntry(new ZipEntry("SHA256SUMS"));
            zip.write(lines.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }

    static String fileName(long releaseId) {
        return "greenlight-release-" + releaseId + "-evidence.zip";
    }

    private static String safe(String fileName) {
        return fileName.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
