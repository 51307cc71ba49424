package dev.greenlight.notify;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.Expression;
import io.quarkus.qute.JsonEscaper;
import io.quarkus.qute.ResultMapper;
import io.quarkus.qute.TemplateNode;

/**
 * The one place where Slack messages escape what they show: every value a template under {@code SlackMessages/}
 * outputs is mrkdwn-escaped (release titles, reasons, names, owners, anything a user typed) and then JSON-escaped,
 * except {@link SlackMarkup}, which is only JSON-escaped. A template cannot forget it, and {@code raw} does not
 * bypass it.
 */
@Singleton
class SlackEscaping {
    static final String TEMPLATES = "SlackMessages/";

    void register(@Observes EngineBuilder engine) {
        engine.addResultMapper(new Mapper());
    }

    static final class Mapper implements ResultMapper {
        private final JsonEscaper json = new JsonEscaper();

        @Override
        public int getPriority() {
            // before Qute's own JSON escaper, which would otherwise take these values
            return 10;
        }

        @Override
        public boolean appliesTo(TemplateNode.Origin origin, Object result) {
            return origin.getTemplateId() != null && origin.getTemplateId().startsWith(TEMPLATES);
        }

        @Override
        public String map(Object result, Expression expression) {
            String shown = result instanceof SlackMarkup markup
                    ? markup.markup()
                    : SlackMarkup.escape(result.toString());
            return json.map(shown, expression);
        }
    }
}
