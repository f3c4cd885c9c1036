package cn.huiyin.notify.staff.application;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.notify.staff.persistence.WorkMobileRepository;
import cn.huiyin.shared.domain.MobileNumber;
import io.smallrye.mutiny.Uni;

/**
 * Staff members' work mobiles as someone outside may see them: masked ({@code 138****8001}), so that an enterprise
 * knows the number its commissioner calls from, and never the number itself.
 */
@ApplicationScoped
public class MaskedWorkMobiles {

    @Inject
    WorkMobileRepository mobiles;

    /** By username, for those of them who have a work mobile. */
    public Uni<Map<String, String>> of(List<String> usernames) {
        return mobiles.of(usernames).map(found -> found.entrySet().stream()
                .flatMap(e -> MobileNumber.parse(e.getValue()).map(m -> Map.entry(e.getKey(), m.masked())).stream())
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue)));
    }
}
