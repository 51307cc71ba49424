package dev.greenlight.common;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An absolute http or https link with a host: links people type end up in pages, Slack and exports, where any other
 * scheme (javascript:, data:) would be a trap. Blank passes: pair it with {@code @NotBlank} where a link is required.
 */
@Documented
@Constraint(validatedBy = WebLink.Validator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface WebLink {
    String message() default "must be an http or https link such as https://adr.example.com/0042";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<WebLink, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isBlank()) {
                return true;
            }
            try {
                URI uri = new URI(value.strip());
                return uri.getScheme() != null
                        && (uri.getScheme().toLowerCase(Locale.ROOT).equals("http")
                                || uri.getScheme().toLowerCase(Locale.ROOT).equals("https"))
                        && uri.getHost() != null;
            } catch (URISyntaxException e) {
                return false;
            }
        }
    }
}
