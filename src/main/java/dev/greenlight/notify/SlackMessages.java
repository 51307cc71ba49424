package dev.greenlight.notify;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Block Kit messages, one template per kind in {@code templates/SlackMessages/}; each renders {"text", "blocks"}. Every
 * value is shown as text ({@link SlackEscaping}); only {@link SlackMarkup} parameters (links, mentions) are markup.
 */
@CheckedTemplate(basePath = "SlackMessages")
class SlackMessages {

    static native TemplateInstance release(ReleaseCard card);

    static native TemplateInstance gateFailed(Notice.GateFailed notice, SlackMarkup link);

    static native TemplateInstance checkFailed(Notice.CheckFailed notice, SlackMarkup link);

    static native TemplateInstance rollbackCompleted(Notice.RollbackCompleted notice, SlackMarkup link,
            String tags);

    static native TemplateInstance emergencyRequested(Notice.EmergencyRequested notice, SlackMarkup link,
            SlackMarkup leaders);

    static native TemplateInstance emergencyAssessed(Notice.EmergencyAssessed notice, SlackMarkup link);

    static native TemplateInstance emergencyDecided(Notice.EmergencyDecided notice, SlackMarkup link);

    static native TemplateInstance postMortemDueSoon(Notice.PostMortemDueSoon notice, SlackMarkup link,
            SlackMarkup owners, String dueAt);

    static native TemplateInstance postMortemOverdue(Notice.PostMortemOverdue notice, SlackMarkup link,
            SlackMarkup owners, SlackMarkup leaders, String dueAt);

    static native TemplateInstance freezeStarted(Announcement.FreezeStarted announcement, SlackMarkup link);

    static native TemplateInstance freezeEnded(Announcement.FreezeEnded announcement, SlackMarkup link);
}
