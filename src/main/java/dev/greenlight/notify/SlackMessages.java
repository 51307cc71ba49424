package dev.greenlight.notify;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Block Kit messages, one template per kind in {@code templates/SlackMessages/}; each renders {"text", "blocks"}. */
@CheckedTemplate(basePath = "SlackMessages")
class SlackMessages {

    static native TemplateInstance release(ReleaseCard card);

    static native TemplateInstance gateFailed(Notice.GateFailed notice, String link);

    static native TemplateInstance checkFailed(Notice.CheckFailed notice, String link);

    static native TemplateInstance rollbackCompleted(Notice.RollbackCompleted notice, String link, String tags);

    static native TemplateInstance emergencyRequested(Notice.EmergencyRequested notice, String link, String leaders);

    static native TemplateInstance emergencyAssessed(Notice.EmergencyAssessed notice, String link);

    static native TemplateInstance emergencyDecided(Notice.EmergencyDecided notice, String link);

    static native TemplateInstance postMortemDueSoon(Notice.PostMortemDueSoon notice, String link, String owners,
            String dueAt);

    static native TemplateInstance postMortemOverdue(Notice.PostMortemOverdue notice, String link, String owners,
            String leaders, String dueAt);
}
