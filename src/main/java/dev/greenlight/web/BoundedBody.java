package dev.greenlight.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

import dev.greenlight.common.Limits;

/**
 * Marks resources whose JSON body may be at most {@link Limits#MAX_BODY_BYTES}: a larger one is refused with a
 * 413 before it is parsed ({@link BoundedBodyFilter}).
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface BoundedBody {
}
