package io.campuslab.core.identity;

import io.campuslab.core.platform.CampusLabException;
import io.campuslab.domain.identity.MembershipException;

/** The identity provider vouched for a person whom CampusLab cannot admit, with the reason why. */
public class SignInRefusedException extends CampusLabException {

    public SignInRefusedException(MembershipException.Reason reason) {
        super(reason.messageKey());
    }

    /** Whether this is the message key of a reason for refusing a sign-in (a page may be asked to show any key). */
    public static boolean isReason(String messageKey) {
        return java.util.Arrays.stream(MembershipException.Reason.values()).anyMatch(r -> r.messageKey().equals(messageKey));
    }
}
