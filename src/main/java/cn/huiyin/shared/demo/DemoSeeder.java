package cn.huiyin.shared.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
            new DemoUser("admin", "系统管理员", Roles.ADMIN, null, null));

    @Inject
    DemoConfig config;

    @Inject
    DataSource dataSource;

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
        try (Connection connection = dataSource.getConnection();
                PreparedStatement enterprise = connection.prepareStatement("""
                        INSERT INTO enterprise (uscc, name, street_code, key_enterprise) VALUES (?, ?, ?, ?)
                        ON CONFLICT (uscc) DO NOTHING""");
                PreparedStatement user = connection.prepareStatement("""
                        INSERT INTO staff_member (username, display_name, role, unit_code, uscc) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (username) DO NOTHING""")) {
            for (DemoEnterprise e : ENTERPRISES) {
                enterprise.setString(1, e.uscc());
                enterprise.setString(2, e.name());
                enterprise.setString(3, e.street());
                enterprise.setBoolean(4, e.key());
                enterprise.addBatch();
            }
            enterprise.executeBatch();
            for (DemoUser u : users()) {
                user.setString(1, u.username());
                user.setString(2, u.displayName());
                user.setString(3, u.role());
                user.setString(4, u.unit());
                user.setString(5, u.uscc());
                user.addBatch();
            }
            user.executeBatch();
            try (PreparedStatement named = connection.prepareStatement(
                    "INSERT INTO key_enterprise_commissioner (uscc, unit_code, commissioner) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                // the key enterprise's named commissioner at the market regulator
                named.setString(1, ENTERPRISES.get(0).uscc());
                named.setString(2, "SAMR");
                named.setString(3, "commissioner-samr");
                named.executeUpdate();
            }
        }
        LOG.warn("DEMO MODE: demo enterprises and users are seeded and /api/v1/demo/tokens is open");
    }
}
