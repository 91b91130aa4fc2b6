package dev.catalogsmoke.checks;

import dev.catalogsmoke.engine.SmokeExtension;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** Marks a class of checks: it receives the run's context and runs its checks in {@code @Order}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SmokeExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public @interface CheckSuite {}
