package dev.lantern.environments.registry;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A test run once for every registered grid world id ({@link EnvRegistry#ids()}), the id as its one argument: the
 * form of every test over the registry (STYLE.md: tests parameterized over the registry).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{0}")
@MethodSource("dev.lantern.environments.registry.EnvRegistry#ids")
public @interface EveryRegisteredGrid {
}
