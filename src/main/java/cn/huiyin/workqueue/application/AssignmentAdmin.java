package cn.huiyin.workqueue.application;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.shared.domain.Caller;
import cn.huiyin.shared.web.ProblemException;
import cn.huiyin.workqueue.domain.AssignmentSettings;
import cn.huiyin.workqueue.persistence.StaffRepository;
import cn.huiyin.workqueue.persistence.StaffRepository.KeyCommissioner;
import cn.huiyin.workqueue.persistence.StaffRepository.StaffMember;
import io.smallrye.mutiny.Uni;

/**
 * What assignment reads, and who may change it: who is on duty (a unit leader for their unit, or an
 * administrator), and a key enterprise's named commissioner and backup in a unit (an administrator). The API and
 * the administration pages both go through here.
 */
@ApplicationScoped
public class AssignmentAdmin {

    @Inject
    StaffRepository staff;

    public Uni<StaffMember> setOnDuty(Caller caller, String username, boolean onDuty) {
        return staff.find(username).chain(found -> {
            StaffMember member = found.orElseThrow(() -> ProblemException.notFound("Staff member " + username));
            if (!AssignmentSettings.maySetDutyOf(caller, member.unitCode())) {
                throw ProblemException.notFound("Staff member " + username); // another unit's staff are not theirs to see
            }
            return staff.setOnDuty(username, onDuty);
        });
    }

    /** Names the commissioner (and optionally a backup) of a key enterprise in a unit; both must be that unit's commissioners. */
    public Uni<KeyCommissioner> name(String uscc, String unit, String commissioner, String backup) {
        AssignmentSettings.naming(uscc, commissioner).ifPresent(AssignmentAdmin::refuse);
        return staff.isKeyEnterprise(uscc).chain(key -> {
            AssignmentSettings.keyEnterprise(key).ifPresent(AssignmentAdmin::refuse);
            Uni<Void> backupChecked = backup == null ? Uni.createFrom().voidItem() : commissionerOf(unit, backup, "backup");
            return commissionerOf(unit, commissioner, "commissioner").chain(() -> backupChecked)
                    .chain(() -> staff.name(new KeyCommissioner(uscc, unit, commissioner, backup)));
        });
    }

    public Uni<List<KeyCommissioner>> named(String uscc) {
        return staff.commissionersOf(uscc);
    }

    private Uni<Void> commissionerOf(String unit, String username, String field) {
        return staff.find(username).invoke(found -> AssignmentSettings.commissionerOf(unit, field, username,
                found.map(StaffMember::role).orElse(null), found.map(StaffMember::unitCode).orElse(null))
                .ifPresent(AssignmentAdmin::refuse)).replaceWithVoid();
    }

    private static void refuse(AssignmentSettings.Refusal refusal) {
        throw ProblemException.badRequest(refusal.field(), refusal.detail());
    }
}
