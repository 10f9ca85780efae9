package io.campuslab.web.api;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an upload whose body the API parses before the method runs (a multipart form): the caller's
 * right to upload, and the limit, are checked by {@link CourseUploadGate} before a byte of it is read.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RightsBeforeBody {
}
