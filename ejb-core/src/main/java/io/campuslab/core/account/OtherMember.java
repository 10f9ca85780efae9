package io.campuslab.core.account;

import io.campuslab.core.platform.InvalidInputException;
import io.campuslab.core.platform.NotFoundException;
import io.campuslab.core.platform.NotPermittedException;
import io.campuslab.domain.identity.Member;
import io.campuslab.domain.identity.MemberRepository;
import io.campuslab.domain.tenant.Tenant;

/** The member a school admin acts on: one of the admin's own school, never the admin themselves. */
final class OtherMember {

    private OtherMember() {
    }

    /**
     * @param ownKey the message key that says the caller cannot do this to themselves
     * @throws NotFoundException for anyone not of the caller's school, another school's included
     */
    static Member of(MemberRepository members, Member caller, String username, String ownKey)
            throws NotPermittedException, NotFoundException, InvalidInputException {
        Tenant school = caller.tenant().orElseThrow(NotPermittedException::new);
        Member member = members.findInSchool(username, school)
                .orElseThrow(() -> new NotFoundException("member", username == null ? "" : username));
        if (member.id().equals(caller.id())) {
            throw new InvalidInputException(ownKey);
        }
        return member;
    }
}
