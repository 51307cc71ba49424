package dev.greenlight.security;

/**
 * The main menu as one person sees it: leaders find emergencies first, admins the Slack administration. Decided here
 * from the roles, so that the layout template asks no role itself.
 */
public record Navigation(boolean emergenciesFirst, boolean slackAdministration) {

    public static Navigation of(Actor actor) {
        return new Navigation(actor.has(Role.ENGINEERING_LEADER), actor.has(Role.ADMIN));
    }
}
