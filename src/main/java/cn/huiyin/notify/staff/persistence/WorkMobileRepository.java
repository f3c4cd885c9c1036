package cn.huiyin.notify.staff.persistence;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads staff members' work mobiles ({@code staff_member.mobile}, set through {@link NoticeRosterRepository}). */
@ApplicationScoped
public class WorkMobileRepository {

    @Inject
    Pool pool;

    /** The 11 digits by username, for those of them who have one. */
    public Uni<Map<String, String>> of(List<String> usernames) {
        if (usernames.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery("SELECT username, mobile FROM staff_member WHERE username = ANY($1) AND mobile IS NOT NULL")
                .execute(Tuple.of((Object) usernames.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, String> found = new HashMap<>();
                    rows.forEach(r -> found.put(r.getString("username"), r.getString("mobile")));
                    return found;
                });
    }
}
