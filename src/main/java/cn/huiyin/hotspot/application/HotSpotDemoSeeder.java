package cn.huiyin.hotspot.application;

import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import cn.huiyin.appeal.domain.Channel;
import cn.huiyin.intake.IntakeEnvelope;
import cn.huiyin.intake.IntakePublisher;
import cn.huiyin.intake.application.TrackingNumberIssuer;
import cn.huiyin.shared.demo.DemoConfig;
import cn.huiyin.shared.domain.Sha256;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * Demo runs only: three problems the demo enterprises raise this month, filed through the intake stream like any
 * web appeal (so they are classified, dispatched and clocked), so that the dashboard and the dispatcher's desk show
 * hot spots at once. Keyed by the month: a restart within the month files nothing twice. Tests run with demo mode but
 * without {@code huiyin.demo.staff-every-unit}, the demo run's mark, and get none of these.
 */
@ApplicationScoped
public class HotSpotDemoSeeder {

    private static final Logger LOG = Logger.getLogger(HotSpotDemoSeeder.class);

    /** The demo enterprises (seeded by {@code DemoSeeder}): USCC and name. */
    private static final String[][] ENTERPRISES = { { "91440106MA5CXK8R10", "广州天河云帆科技有限公司" },
            { "91440101MA59TH2P3C", "广州珠江新城餐饮管理有限公司" }, { "91440106MA9UP4QW2M", "广州车陂智造电子有限公司" },
            { "91440106MA5D1L7J9W", "广州五山生物医药研究有限公司" } };

    /** Each problem in the words of three or four enterprises: category, then title and text by enterprise. */
    private static final String[][] PROBLEMS = {
        { "TAX_SERVICE",
            "数电发票授信额度不足", "我司在电子税务局开具数电发票时一直提示授信额度不足，无法给客户开票，请协助处理。",
            "开票额度不够用", "我们公司用电子税务局开数电发票的时候总是显示授信额度不足，客户一直在催票，麻烦尽快核实。",
            "发票开不出来", "您好，通过电子税务局开具数电发票时提示授信额度不足，已经好几天开不出票了，望尽快解决。",
            "数电票额度问题", "登录电子税务局后开数电发票一直提示授信额度不足，月底结账很着急，请税务部门帮忙调整额度。" },
        { "GOV_SERVICE",
            "电子证照申领失败", "我司在穗好办APP上申领企业电子证照一直失败，提示身份核验不通过，投标急用，请协助。",
            "穗好办领证报错", "用穗好办申领电子营业执照总是提示身份核验不通过，换了手机也不行，请帮忙看看。",
            "电子营业执照下载不了", "我们公司在穗好办申领企业电子证照一直显示核验失败，已经试了很多次，麻烦处理一下。" },
        { "LOCAL",
            "施工围挡堵住门口", "车陂路道路施工的围挡把我们门口堵住了，货车没法卸货，客户也进不来，请街道协调施工方开个口子。",
            "车陂路围挡影响经营", "车陂路市政施工设的围挡挡住了店铺出入口，生意下滑严重，希望街道协调施工方调整围挡。",
            "门口围挡问题", "车陂路修路的围挡离我们门口太近，员工和访客进出都要绕路，请街道尽快协调施工单位处理。" } };

    @Inject
    DemoConfig demo;

    @Inject
    TrackingNumberIssuer numbers;

    @Inject
    IntakePublisher intake;

    @Inject
    Clock clock;

    @Inject
    HotSpots hotSpots;

    void onStart(@Observes @Priority(6) StartupEvent event) {
        if (!demo.enabled() || !demo.staffEveryUnit()) {
            return;
        }
        // The intake stream may still be wiring up while start-up observers run: try again until it takes them.
        Uni.createFrom().deferred(this::seed)
                .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(10)).atMost(8)
                .call(n -> groupNow())
                .subscribe().with(n -> LOG.infof("DEMO MODE: %d appeals filed for the hot spots (每月一题)", n),
                        failure -> LOG.warnf(failure, "demo hot-spot appeals not filed"));
    }

    /** Groups at once, so a fresh demo shows its hot spots without waiting for the schedule. */
    private Uni<Integer> groupNow() {
        return hotSpots.refresh().invoke(spots -> {
            if (spots < 0) {
                throw new IllegalStateException("another replica is grouping the hot spots");
            }
        }).onFailure().retry().withBackOff(Duration.ofSeconds(1)).atMost(5);
    }

    /** Files the demo appeals of this month (the intake stream skips those already filed); how many were sent. */
    Uni<Integer> seed() {
        String month = YearMonth.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).toString();
        List<Uni<Void>> filed = new ArrayList<>();
        int n = 0;
        for (String[] problem : PROBLEMS) {
            for (int i = 1; i + 1 < problem.length; i += 2) {
                String[] enterprise = ENTERPRISES[(i / 2) % ENTERPRISES.length];
                String key = Channel.WEB.name() + ":demo-hotspot-" + month + "-" + n++;
                String title = problem[i];
                String text = problem[i + 1];
                filed.add(numbers.next().chain(number -> intake.publish(new IntakeEnvelope(number.value(),
                        Channel.WEB.name(), key, Sha256.hex(title + text), clock.instant(), "system:demo-hotspots",
                        "DECLARED", enterprise[0], enterprise[1], "演示联系人", "13800138000", "13800138000", title, text,
                        "HELP", problem[0], false, null, null))));
            }
        }
        int count = n;
        return Uni.join().all(filed).andFailFast().replaceWith(count);
    }
}
