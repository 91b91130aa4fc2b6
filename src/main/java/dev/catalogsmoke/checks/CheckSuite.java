package dev.catalogsmoke.checks;

import dev.catalogsmoke.engine.CutoverPhaseCondition;
import dev.catalogsmoke.engine.SmokeExtension;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a class of checks: it receives the run's context, runs its checks in {@code @Order}, and skips those that do
 * not apply in the run's cutover phase.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith({SmokeExtension.class, CutoverPhaseCondition.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public @interface CheckSuite {}
