package cn.huiyin.notify.staff.application;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.notify.staff.persistence.NoticeRosterRepository;
import cn.huiyin.notify.staff.persistence.NoticeRosterRepository.WecomId;
import io.smallrye.mutiny.Uni;

/**
 * Which WeCom user a staff member is (their 成员UserID in the corp's address book), as an administrator sets it. Set,
 * their notices also go to WeCom from the next escalation on.
 */
@ApplicationScoped
public class StaffWecomIds {

    @Inject
    NoticeRosterRepository roster;

    /**
     * Sets the id, or with null clears it; empty when there is no such person. Fails with
     * {@link NoticeRosterRepository.WecomIdTaken} when the id is another person's.
     */
    public Uni<Optional<WecomId>> set(String username, String wecomUserId) {
        return roster.setWecomUserId(username, wecomUserId);
    }
}
