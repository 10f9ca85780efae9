package io.campuslab.core.identity;

import io.campuslab.domain.identity.Roles;
import io.campuslab.domain.identity.SignInIdentity;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** Members as they call: created at the first call, brought in line with the token when it says something new. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MemberService {

    private static final Logger LOG = Logger.getLogger(MemberService.class.getName());

    @Resource
    SessionContext context;

    @Inject
    MemberRecords records;

    /**
     * Records the sign-in of the caller (a browser session starts). The identity must be the caller's
     * own (the web layer reads it from the verified token of the same request); its school must exist
     * and be active.
     */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.TEACHER, Roles.STUDENT})
    public CallerProfile signIn(TokenClaims claims) throws SignInRefusedException {
        return record(claims.identity(), true);
    }

    /**
     * The caller as a member: recorded at their first call, whichever it is, brought in line when the
     * identity provider says something new, and only read otherwise.
     */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.TEACHER, Roles.STUDENT})
    public CallerProfile recognize(TokenClaims claims) throws SignInRefusedException {
        return record(claims.identity(), false);
    }

    /**
     * Two first calls of one person at once both try to create the member, and two calls after a change
     * both try to update it: the loser tries again, in a transaction of its own, and finds it done.
     */
    private CallerProfile record(SignInIdentity identity, boolean signIn) throws SignInRefusedException {
        if (!context.getCallerPrincipal().getName().equals(identity.username())) {
            throw new SecurityException("A sign-in can only be recorded for the caller");
        }
        try {
            return records.record(identity, signIn);
        } catch (EJBException e) {
            if (!isConstraintViolation(e) && !isLostUpdate(e)) {
                throw e;
            }
            LOG.fine(() -> "Concurrent record of " + identity.username() + ", trying again");
            return records.record(identity, false);
        }
    }

    private static boolean isLostUpdate(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof jakarta.persistence.OptimisticLockException
                    || t.getClass().getName().endsWith("StaleObjectStateException")
                    || t.getClass().getName().endsWith("StaleStateException")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConstraintViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLIntegrityConstraintViolationException
                    || t instanceof jakarta.persistence.EntityExistsException
                    || t.getClass().getName().endsWith("ConstraintViolationException")) {
                return true;
            }
        }
        return false;
    }
}