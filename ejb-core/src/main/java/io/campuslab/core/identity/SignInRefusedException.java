package io.campuslab.core.identity;

import io.campuslab.core.platform.CampusLabException;
import io.campuslab.domain.identity.MembershipException;

/** The identity provider vouched for a person whom CampusLab cannot admit, with the reason why. */
public class SignInRefusedException extends CampusLabException {

    public SignInRefusedException(MembershipException.Reason reason) {
        super(reason.messageKey());
    }
}
