package io.campuslab.web.api;

import io.campuslab.core.course.CourseService;
import io.campuslab.core.platform.CampusLabException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Providers;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The course material form upload, before its multipart body is parsed: the caller must be allowed
 * to change the course's material (else 403 or 404 unread), a declared length over the school's
 * upload limit is refused (413 unread), and a body sent without a length stops being read past it.
 */
@Provider
@RightsBeforeBody
@Priority(Priorities.AUTHORIZATION)
public class CourseUploadGate implements ContainerRequestFilter {

    /** Room for the form's boundaries and part headers around the archive. */
    private static final long FORM_OVERHEAD = 64 * 1024;

    @Inject
    CourseService courses;

    @Context
    Providers providers;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String course = request.getUriInfo().getPathParameters().getFirst("name");
        long limit;
        try {
            limit = courses.uploadTarget(course).limits().maxUploadBytes() + FORM_OVERHEAD;
        } catch (CampusLabException | RuntimeException refused) {
            request.abortWith(problem(refused));
            return;
        }
        // the header, not getLength(): that is an int, and -1 for a length past 2 GiB
        String declared = request.getHeaderString("Content-Length");
        if (declared != null && declared.matches("\\d{1,18}") && Long.parseLong(declared) > limit) {
            request.abortWith(problem(new JsonBodyLimitFilter.BodyTooLargeException("upload")));
            return;
        }
        request.setEntityStream(new Limited(request.getEntityStream(), limit));
    }

    /** The API's own answer to a failure, in the caller's language. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private jakarta.ws.rs.core.Response problem(Exception failure) {
        jakarta.ws.rs.ext.ExceptionMapper mapper = providers.getExceptionMapper(failure.getClass());
        return mapper.toResponse(failure);
    }

    /** Stops reading a body past its limit. */
    private static final class Limited extends FilterInputStream {

        private final BodyBudget budget;

        Limited(InputStream in, long limit) {
            super(in);
            this.budget = new BodyBudget(limit, "upload");
        }

        @Override
        public int read() throws IOException {
            return budget.spendOne(super.read());
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return budget.spend(super.read(buffer, offset, length));
        }
    }
}
