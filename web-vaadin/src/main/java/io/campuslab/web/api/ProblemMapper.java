package io.campuslab.web.api;

import io.campuslab.core.cluster.ClusterUnavailableException;
import io.campuslab.core.identity.DirectoryRefusedException;
import io.campuslab.core.identity.DirectoryUnavailableException;
import io.campuslab.core.identity.SignInRefusedException;
import io.campuslab.core.platform.ConflictException;
import io.campuslab.core.platform.CampusLabException;
import io.campuslab.core.platform.NotFoundException;
import io.campuslab.core.platform.NotPermittedException;
import io.campuslab.core.platform.SettingsRejectedException;
import io.campuslab.core.storage.UploadRejectedException;
import io.campuslab.web.i18n.Messages;
import io.campuslab.core.identity.VerifiedCaller;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import io.campuslab.web.layout.DatabaseOutage;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every failure of the API as a problem document in the caller's language (Accept-Language). */
@Provider
public class ProblemMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Context
    HttpHeaders headers;

    @Context
    HttpServletRequest request;

    @Inject
    VerifiedCaller caller;

    @Override
    public Response toResponse(Exception failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof JsonBodyLimitFilter.BodyTooLargeException) {
                return problem(413, "error.http.413");
            }
        }
        Throwable cause = unwrap(failure);
        if (cause instanceof WebApplicationException web && !(cause.getCause() instanceof CampusLabException)) {
            Response original = web.getResponse();
            return problem(original.getStatus(), "error.http." + original.getStatus());
        }
        if (cause instanceof SettingsRejectedException rejected) {
            SettingsRejectedException.Problem first = rejected.problems().get(0);
            return problem(400, first.key() + ": ", first.messageKey(), first.arguments().toArray());
        }
        if (cause instanceof CampusLabException expected) {
            int status = statusOf(expected);
            if (status == 403) {
                refused(expected.messageKey());
            }
            return problem(status, expected.messageKey(), expected.arguments().toArray());
        }
        if (cause instanceof EJBAccessException || cause instanceof SecurityException) {
            refused("error.not-permitted");
            return problem(403, "error.not-permitted");
        }
        if (DatabaseOutage.causes(failure)) {
            LOG.warning(() -> "The database cannot be reached: " + what() + " answered 503");
            return Response.fromResponse(problem(503, DatabaseOutage.MESSAGE_KEY)).header("Retry-After", "30").build();
        }
        String id = UUID.randomUUID().toString().substring(0, 8);
        LOG.log(Level.SEVERE, failure, () -> "Unexpected failure " + id + " in " + what());
        return problem(500, "", "error.unexpected-with-id", id);
    }

    /** One line per refusal, without a stack trace: probing the API must not flood the log. */
    private void refused(String key) {
        LOG.warning(() -> "Refused " + caller.identity().map(i -> i.username() + " of "
                + i.tenant().map(Object::toString).orElse("no school")).orElse("an unknown caller") + ": " + what() + " (" + key + ")");
    }

    private String what() {
        return request == null ? "a call" : request.getMethod() + " " + request.getRequestURI();
    }

    private Response problem(int status, String key, Object... arguments) {
        return problem(status, "", key, arguments);
    }

    /** A problem whose detail starts with what it is about, such as a setting's key. */
    private Response problem(int status, String about, String key, Object... arguments) {
        Locale locale = headers == null || headers.getAcceptableLanguages().isEmpty()
                ? Locale.ENGLISH : headers.getAcceptableLanguages().get(0);
        Response.Status known = Response.Status.fromStatusCode(status);
        return new Problem("about:blank", known == null ? "Error" : known.getReasonPhrase(), status,
                about + Messages.get(locale, key, arguments), key).toResponse();
    }

    private static int statusOf(CampusLabException e) {
        if (e instanceof NotFoundException) {
            return 404;
        }
        if (e instanceof NotPermittedException || e instanceof SignInRefusedException) {
            return 403;
        }
        if (e instanceof DirectoryRefusedException) {
            return 400;
        }
        if (e instanceof ClusterUnavailableException || e instanceof DirectoryUnavailableException) {
            return 503;
        }
        if (e instanceof ConflictException) {
            return 409;
        }
        if (e instanceof UploadRejectedException rejected) {
            return switch (rejected.reason()) {
                case TOO_LARGE -> 413;
                case STORAGE_FAILED -> 500;
                default -> 400;
            };
        }
        return 400;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while (t instanceof EJBException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
