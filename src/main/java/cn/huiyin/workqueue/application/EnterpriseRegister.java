package cn.huiyin.workqueue.application;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.workqueue.persistence.EnterpriseRegisterRepository;
import cn.huiyin.workqueue.persistence.EnterpriseRegisterRepository.RegisterRow;
import io.smallrye.mutiny.Uni;

/**
 * An enterprise as the register knows it, for the enterprise's own pages: its registered name, and whether its
 * appeals go first to commissioners named for it (a key enterprise, 重点企业) or to each unit's on-duty
 * commissioners. Read only; the administrators name commissioners through {@link AssignmentAdmin}.
 */
@ApplicationScoped
public class EnterpriseRegister {

    /** A unit's named commissioner (服务专员) and backup (备岗, null if none), with their display names. */
    public record Named(String unitCode, String unitName, String commissioner, String commissionerName, String backup,
            String backupName) {
    }

    /** {@code named} is empty for an enterprise that is not a key enterprise, or one nobody is named for yet. */
    public record Entry(String uscc, String name, boolean keyEnterprise, List<Named> named) {
    }

    @Inject
    EnterpriseRegisterRepository register;

    /** Empty for an enterprise the register does not hold (one that has only ever written in). */
    public Uni<Optional<Entry>> entry(String uscc) {
        return register.find(uscc).map(found -> found.map(EnterpriseRegister::entry));
    }

    private static Entry entry(RegisterRow row) {
        return new Entry(row.uscc(), row.name(), row.keyEnterprise(), row.named().stream()
                .map(n -> new Named(n.unitCode(), n.unitName() == null ? n.unitCode() : n.unitName(), n.commissioner(),
                        n.commissionerName() == null ? n.commissioner() : n.commissionerName(), n.backup(),
                        n.backup() == null ? null : n.backupName() == null ? n.backup() : n.backupName()))
                .toList());
    }
}
