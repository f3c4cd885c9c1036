package cn.huiyin.notify.staff.application;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.notify.staff.persistence.NoticeRosterRepository;
import cn.huiyin.shared.domain.MobileNumber;
import io.smallrye.mutiny.Uni;

/**
 * A staff member's work mobile, as an administrator sets it. Set, their notices go out by SMS from the next escalation
 * on whenever WeCom does not reach them. The number is kept as its 11 digits and shown to nobody unmasked.
 */
@ApplicationScoped
public class StaffMobiles {

    /** What an administrator sees after setting it: the number masked ({@code 138****8000}), null when none. */
    public record StaffMobile(String username, String displayName, String mobile) {
    }

    @Inject
    NoticeRosterRepository roster;

    /** Sets the number, or with empty clears it; empty when there is no such person. */
    public Uni<Optional<StaffMobile>> set(String username, Optional<MobileNumber> mobile) {
        return roster.setMobile(username, mobile.map(MobileNumber::normalized).orElse(null))
                .map(set -> set.map(m -> new StaffMobile(m.username(), m.displayName(),
                        m.mobile() == null ? null : m.mobile().masked())));
    }
}
