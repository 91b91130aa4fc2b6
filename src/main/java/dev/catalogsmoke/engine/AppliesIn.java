package dev.catalogsmoke.engine;

import dev.catalogsmoke.config.CutoverPhase;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The cutover phases in which a class of checks, or one check, applies. In any other phase {@link
 * CutoverPhaseCondition} skips it with a reason that names the phase. A check without this annotation applies in
 * every phase.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AppliesIn {
    CutoverPhase[] value();
}
