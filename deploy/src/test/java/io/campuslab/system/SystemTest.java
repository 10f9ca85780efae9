package io.campuslab.system;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class against the whole stack, started once per run with the EAR deployed once
 * ({@link StackExtension}); Arquillian connects to that server. Browser tests carry the tag
 * {@code browser} as well.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(StackExtension.class)
@ExtendWith(ArquillianExtension.class)
@Tag("system")
public @interface SystemTest {
}
