package dev.greenlight.approval;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;

import dev.greenlight.release.ReleasePageContext;
import dev.greenlight.release.ReleaseSection;

/** The release page's note of approvals that aged out: given, audited, but no longer counted. */
@ApplicationScoped
class ExpiredApprovalsSection implements ReleaseSection {
    private final ApprovalExpiry expiry;

    @Inject
    ExpiredApprovalsSection(ApprovalExpiry expiry) {
        this.expiry = expiry;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance section(List<ExpiredApproval> expired, long maxAgeDays);
    }

    @Override
    public Placement placement() {
        return Placement.REQUIREMENTS;
    }

    @Override
    public int order() {
        return 25;
    }

    @Override
    public Optional<RawString> render(ReleasePageContext page) {
        List<Approval> expired = expiry.expired(page.facts());
        if (expired.isEmpty()) {
            return Optional.empty();
        }
        List<ExpiredApproval> decisions = expired.stream()
                .map(a -> new ExpiredApproval(a.approver, a.slot, a.decidedAt))
                .toList();
        return Optional.of(new RawString(Templates
                .section(decisions, expiry.maxAge().map(Duration::toDays).orElse(0L))
                .render()));
    }
}
