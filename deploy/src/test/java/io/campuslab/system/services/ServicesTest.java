package io.campuslab.system.services;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class whose tests run inside the server, against the EJB services themselves: the test
 * stack is started first (on the test's side only, {@link StackFirst}), then Arquillian deploys the
 * class's {@link ServicesArchive} beside the portal and runs each test in it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(StackFirst.class)
@ExtendWith(ArquillianExtension.class)
@Tag("system")
@Tag("in-container")
public @interface ServicesTest {
}
