package cn.huiyin.shared.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.huiyin.shared.demo.persistence.DemoDirectoryRepository;
import cn.huiyin.shared.persistence.ReferenceDataSeeder;
import cn.huiyin.shared.security.Roles;
import io.quarkus.runtime.StartupEvent;

/**
 * Demo mode only: a few enterprises and one user per role, so that every screen can be tried at once; in a demo
 * run also one on-duty commissioner in every unit and street of the catalogue, so that an appeal placed anywhere
 * can be worked.
 */
@ApplicationScoped
public class DemoSeeder {

    private static final Logger LOG = Logger.getLogger(DemoSeeder.class);

    record DemoEnterprise(String uscc, String name, String street, boolean key) {
    }

    record DemoUser(String username, String displayName, String role, String unit, String uscc) {
    }

    static final List<DemoEnterprise> ENTERPRISES = List.of(
            new DemoEnterprise("91440106MA5CXK8R10", "广州天河云帆科技有限公司", "ST-SHIPAI", true),
            new DemoEnterprise("91440101MA59TH2P3C", "广州珠江新城餐饮管理有限公司", "ST-LIEDE", false),
            new DemoEnterprise("91440106MA9UP4QW2M", "广州车陂智造电子有限公司", "ST-CHEBEI", false),
            new DemoEnterprise("91440106MA5D1L7J9W", "广州五山生物医药研究有限公司", "ST-WUSHAN", false));

    static final List<DemoUser> USERS = List.of(
            new DemoUser("enterprise-demo", "云帆科技 王经理", Roles.ENTERPRISE, null, "91440106MA5CXK8R10"),
            new DemoUser("agent-demo", "话务员 李敏", Roles.AGENT, null, null),
            new DemoUser("commissioner-samr", "市场监管局 服务专员 陈晨", Roles.COMMISSIONER, "SAMR", null),
            new DemoUser("commissioner-tax", "税务局 服务专员 周涛", Roles.COMMISSIONER, "TAX", null),
            new DemoUser("dispatcher-demo", "派单员 黄丽", Roles.DISPATCHER, "DRC", null),
            new DemoUser("leader-samr", "市场监管局 分管领导 刘强", Roles.UNIT_LEADER, "SAMR", null),
            new DemoUser("district-leader", "区营商办 领导 郑华", Roles.DISTRICT_LEADER, null, null),
            new DemoUser("admin", "系统管理员", Roles.ADMIN, null, null),
            // the separated duties (等保三级), as in the Keycloak realm
            new DemoUser("security-admin", "安全管理员", Roles.SECURITY_ADMIN, null, null),
            new DemoUser("auditor", "安全审计员", Roles.AUDITOR, null, null));

    @Inject
    DemoConfig config;

    @Inject
    DemoDirectoryRepository directory;

    @Inject
    ObjectMapper json;

    /** The demo commissioner of a unit or street: {@code commissioner-eco}, {@code commissioner-st-shipai}. */
    static String commissionerOf(String unitCode) {
        return "commissioner-" + unitCode.toLowerCase(Locale.ROOT);
    }

    /**
     * One commissioner for every unit and street of {@code catalogue} that {@link #USERS} leaves without one
     * (TAX and SAMR keep their named commissioners).
     */
    static List<DemoUser> unitCommissioners(JsonNode catalogue) {
        Set<String> staffed = USERS.stream().filter(u -> Roles.COMMISSIONER.equals(u.role())).map(DemoUser::unit)
                .collect(Collectors.toSet());
        List<DemoUser> commissioners = new ArrayList<>();
        for (JsonNode unit : catalogue.get("units")) {
            String code = unit.get("code").asText();
            if (!staffed.contains(code)) {
                commissioners.add(new DemoUser(commissionerOf(code), unit.get("name").asText() + " 服务专员",
                        Roles.COMMISSIONER, code, null));
            }
        }
        return commissioners;
    }

    /** The users to seed: one per role, and in a demo run a commissioner in every unit. */
    List<DemoUser> users() {
        if (!config.staffEveryUnit()) {
            return USERS;
        }
        List<DemoUser> users = new ArrayList<>(USERS);
        users.addAll(unitCommissioners(catalogue()));
        return users;
    }

    private JsonNode catalogue() {
        try (InputStream in = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream(ReferenceDataSeeder.CATALOGUE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + ReferenceDataSeeder.CATALOGUE);
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void onStart(@Observes @Priority(2) StartupEvent event) throws SQLException {
        if (!config.enabled()) {
            return;
        }
        // the key enterprise's named commissioner at the market regulator
        directory.seed(
                ENTERPRISES.stream().map(e -> new DemoDirectoryRepository.Enterprise(e.uscc(), e.name(), e.street(), e.key()))
                        .toList(),
                users().stream().map(u -> new DemoDirectoryRepository.StaffMember(u.username(), u.displayName(), u.role(),
                        u.unit(), u.uscc())).toList(),
                ENTERPRISES.get(0).uscc(), "SAMR", "commissioner-samr");
        LOG.warn("DEMO MODE: demo enterprises and users are seeded and /api/v1/demo/tokens is open");
    }
}
