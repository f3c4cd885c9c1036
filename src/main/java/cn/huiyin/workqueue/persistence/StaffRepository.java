package cn.huiyin.workqueue.persistence;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import cn.huiyin.workqueue.persistence.KeyEnterpriseCommissionerEntity.Key;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/**
 * Who is on duty, and which commissioners a key enterprise has in each unit: the rosters assignment reads, as the
 * administrators keep them. Hibernate Reactive entities; assignment itself reads the same tables inside its step's
 * transaction with {@link AssignmentRepository} on the raw client.
 */
@ApplicationScoped
public class StaffRepository {

    public record StaffMember(String username, String displayName, String role, String unitCode, boolean onDuty) {
    }

    public record KeyCommissioner(String uscc, String unitCode, String commissioner, String backup) {
    }

    public record KeyEnterprise(String uscc, String name) {
    }

    @WithSession
    public Uni<Optional<StaffMember>> find(String username) {
        return StaffMemberEntity.<StaffMemberEntity> findById(username)
                .map(found -> Optional.ofNullable(found).map(StaffRepository::member));
    }

    /** Fails when there is no such person (callers look them up first, to check who may change them). */
    @WithTransaction
    public Uni<StaffMember> setOnDuty(String username, boolean onDuty) {
        return StaffMemberEntity.<StaffMemberEntity> findById(username).map(found -> {
            if (found == null) {
                throw new NoSuchElementException("No staff member " + username);
            }
            found.onDuty = onDuty;
            return member(found);
        });
    }

    @WithSession
    public Uni<Boolean> isKeyEnterprise(String uscc) {
        return EnterpriseEntity.<EnterpriseEntity> findById(uscc).map(found -> found != null && found.keyEnterprise);
    }

    /** Names the enterprise's commissioner and backup in the unit, replacing any named before. */
    @WithTransaction
    public Uni<KeyCommissioner> name(KeyCommissioner named) {
        Key key = new Key(named.uscc(), named.unitCode());
        return KeyEnterpriseCommissionerEntity.<KeyEnterpriseCommissionerEntity> findById(key)
                .chain(found -> {
                    KeyEnterpriseCommissionerEntity entity = found != null ? found : new KeyEnterpriseCommissionerEntity();
                    entity.uscc = named.uscc();
                    entity.unitCode = named.unitCode();
                    entity.commissioner = named.commissioner();
                    entity.backup = named.backup();
                    return entity.persist();
                })
                .replaceWith(named);
    }

    /** The enterprise's commissioners, by unit. */
    @WithSession
    public Uni<List<KeyCommissioner>> commissionersOf(String uscc) {
        return KeyEnterpriseCommissionerEntity.<KeyEnterpriseCommissionerEntity> list("uscc", Sort.by("unitCode"), uscc)
                .map(found -> found.stream().map(k -> new KeyCommissioner(k.uscc, k.unitCode, k.commissioner, k.backup)).toList());
    }

    /** A unit's staff, by role then username, at most {@code limit}: the duty roster page. */
    @WithSession
    public Uni<List<StaffMember>> ofUnit(String unitCode, int limit) {
        return StaffMemberEntity.<StaffMemberEntity> find("unitCode", Sort.by("role").and("username"), unitCode)
                .range(0, limit - 1).list()
                .map(found -> found.stream().map(StaffRepository::member).toList());
    }

    /** The enterprises registered as key (重点企业), by name, at most {@code limit}. */
    @WithSession
    public Uni<List<KeyEnterprise>> keyEnterprises(int limit) {
        return EnterpriseEntity.<EnterpriseEntity> find("keyEnterprise", Sort.by("name").and("uscc"), true)
                .range(0, limit - 1).list()
                .map(found -> found.stream().map(StaffRepository::keyEnterprise).toList());
    }

    @WithSession
    public Uni<Optional<KeyEnterprise>> keyEnterprise(String uscc) {
        return EnterpriseEntity.<EnterpriseEntity> findById(uscc)
                .map(found -> Optional.ofNullable(found).filter(e -> e.keyEnterprise).map(StaffRepository::keyEnterprise));
    }

    private static StaffMember member(StaffMemberEntity e) {
        return new StaffMember(e.username, e.displayName, e.role, e.unitCode, e.onDuty);
    }

    private static KeyEnterprise keyEnterprise(EnterpriseEntity e) {
        return new KeyEnterprise(e.uscc, e.name);
    }
}
