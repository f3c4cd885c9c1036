package cn.huiyin.notify.staff.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import cn.huiyin.notify.staff.application.StaffNotices;
import cn.huiyin.shared.security.CurrentCaller;
import io.smallrye.mutiny.Uni;

/**
 * The unread count a staff page shows as a badge ({@code {#include NoticesPage/badge /}}, which reads
 * {@code inject:noticeBadge.unread}), so that no page resource has to pass it. Zero for a visitor.
 */
@Named("noticeBadge")
@RequestScoped
public class NoticeBadge {

    @Inject
    CurrentCaller caller;

    @Inject
    StaffNotices notices;

    public Uni<Long> unread() {
        return caller.get().chain(who -> who.isAnonymous() ? Uni.createFrom().item(0L) : notices.unread(who.username()))
                .onFailure().recoverWithItem(0L);
    }
}
