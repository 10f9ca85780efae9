package io.campuslab.domain.identity;

/** A signed-in person who cannot be a member of CampusLab, with the reason why. */
public class MembershipException extends Exception {

    /** Each reason has a message key {@code error.membership.<name in lower case>}. */
    public enum Reason {
        NO_ROLE,
        NO_SCHOOL,
        UNKNOWN_SCHOOL,
        SCHOOL_SUSPENDED,
        /** The person came through an identity provider that is not their school's (or no longer connected). */
        WRONG_PROVIDER,
        /** The school's admin suspended the member. */
        MEMBER_SUSPENDED,
        /** The account was deleted after its removal; a token issued before still names it. */
        MEMBER_DELETED;

        public String messageKey() {
            return "error.membership." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private final Reason reason;

    public MembershipException(Reason reason) {
        super(reason.messageKey());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
