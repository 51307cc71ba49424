package dev.greenlight.notify;

import java.util.List;

import dev.greenlight.release.ReleaseView;

/**
 * What a release message shows. The same card is posted for an event and, as the release moves on, written over its
 * first message, so that Slack shows the state the portal shows. Only {@code link} and {@code mentions} (null for none)
 * are markup; everything else is shown as text.
 */
record ReleaseCard(long id, String title, SlackMarkup link, String emoji, String headline, String stateLabel,
        String versions, String reason, SlackMarkup mentions, boolean reviewButtons,
        List<ReleaseView.PackageChange> changelog,
        String fallback) {
}
