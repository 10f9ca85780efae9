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

/** Members as they sign in: created at the first sign-in, refreshed from the token at every later one. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MemberService {

    private static final Logger LOG = Logger.getLogger(MemberService.class.getName());

    @Resource
    SessionContext context;

    @Inject
    MemberRecords records;

    /**
     * Records the sign-in of the caller. The identity must be the caller's own (the web layer reads it
     * from the verified token of the same request); its school must exist and be active. Two first
     * requests of one person at once both try to create the member: the loser tries again and finds it.
     */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.TEACHER, Roles.STUDENT})
    public CallerProfile signIn(SignInIdentity identity) throws SignInRefusedException {
        if (!context.getCallerPrincipal().getName().equals(identity.username())) {
            throw new SecurityException("A sign-in can only be recorded for the caller");
        }
        try {
            return records.record(identity);
        } catch (EJBException e) {
            if (!isConstraintViolation(e)) {
                throw e;
            }
            LOG.info(() -> "Concurrent first sign-in of " + identity.username() + ", trying again");
            return records.record(identity);
        }
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