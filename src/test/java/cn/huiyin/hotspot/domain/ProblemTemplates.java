package cn.huiyin.hotspot.domain;

import java.util.List;
import java.util.Map;

/**
 * The problems the generated evaluation set is made of. A problem is written as slots, each a choice of phrasings
 * separated by {@code |} (a slot starting with {@code ?} may be left out); a paraphrase picks one phrasing of each.
 * Problems of one category share their vocabulary on purpose (电子税务局, 经营范围, 车陂路), and two problems differ
 * only in their street or category, so that a grouping that reads words alone, or ignores 属地, is caught out.
 */
final class ProblemTemplates {

    /**
     * @param street  where every appeal of it comes from (a problem of one place), or null: enterprises all over
     * @param oneOff  raised once, by one enterprise (a distractor); else several appeals of it are drawn
     * @param oneFirm all its appeals come from one enterprise: a repeat, never a hot spot
     */
    record Problem(String key, String category, String street, boolean oneOff, boolean oneFirm, List<String> titles,
            List<String> slots) {
    }

    /**
     * Appeals of the real corpus (the background of every generated month) that raise one of these problems, judged
     * by reading them: the same ask about the same thing (and, for a local one, the same place). Their truth is that
     * problem. T0237 asks after the high-tech award but is filed under TECH: a pair the grouping cannot make.
     */
    static final Map<String, String> CORPUS_MATCHES = Map.ofEntries(Map.entry("T0002", "gov-ecert"),
            Map.entry("T0098", "biz-name-similar"), Map.entry("T0005", "gov-queue"), Map.entry("T0307", "gov-booking"),
            Map.entry("T0184", "gov-guide"), Map.entry("T0198", "biz-lost-licence"), Map.entry("T0380", "city-signboard"),
            Map.entry("T0042", "labor-injury"), Map.entry("T0067", "power-charger"), Map.entry("T0180", "power-outage-park"),
            Map.entry("T0237", "fund-hightech-award"), Map.entry("T0349", "fund-policy"), Map.entry("T0363", "tax-red-invoice"));

    private ProblemTemplates() {
    }

    private static Problem group(String key, String category, String street, String titles, String... slots) {
        return new Problem(key, category, street, false, key.endsWith("-one-firm"), List.of(titles.split("\\|")),
                List.of(slots));
    }

    private static Problem once(String key, String category, String street, String text) {
        return new Problem(key, category, street, true, true, List.of(), List.of(text));
    }

    /** Problems that several enterprises raise (their number of appeals is drawn). */
    static final List<Problem> SHARED = List.of(
            group("tax-credit-limit", "TAX_SERVICE", null, "数电发票额度不足|开票授信额度不够|发票开不出来|数电票额度问题",
                    "在电子税务局|通过电子税务局|用电子税务局网页版|登录电子税务局后",
                    "开具数电发票时|开数电票的时候|开全电发票时|开发票时",
                    "一直提示授信额度不足|总是显示授信额度不够|系统报可用额度不足|提示剩余授信额度为零",
                    "?，开不出票|，无法正常开票|，票开不了|，给客户的发票一直开不出来",
                    "?，客户一直在催|，已经影响到回款|，已经好几天了|，月底结账很着急"),
            group("tax-refund-slow", "TAX_SERVICE", null, "留抵退税未到账|退税进度咨询|增值税留抵退税太慢|退税一直没有结果",
                    "?3月份提交的|上个月申请的|年初申请的",
                    "增值税留抵退税|增量留抵退税|留抵退税申请|留抵退税款",
                    "已经两个多月还没到账|到现在还没有退下来|一直显示审核中|迟迟没有审核结果",
                    "?，资金周转很紧张|，现金流压力很大|，企业急需这笔钱发工资|，想了解具体进度"),
            group("tax-face-login", "TAX_SERVICE", null, "电子税务局刷脸登录失败|人脸识别不通过|税务局登录不了|扫脸认证失败",
                    "登录电子税务局时|进电子税务局的时候|用电子税务局APP登录|在电子税务局办业务要登录时",
                    "人脸识别一直不通过|扫脸认证反复失败|刷脸总是提示验证失败|人脸核验一直失败",
                    "?，换了几部手机都不行|，光线充足也识别不了|，已经试了十几次",
                    "?，财务没法报税|，申报期快截止了|，法人在外地无法办理"),
            group("biz-scope-change", "BIZ_REG", null, "经营范围变更被退回|网上变更经营范围不通过|变更经营范围问题|经营范围申请被驳回",
                    "在广东政务服务网|通过一网通办平台|在网上|在市场监管局网上平台",
                    "申请变更经营范围|办理经营范围变更|提交经营范围变更申请|做经营范围变更",
                    "被退回了三次|一直被驳回|多次审核不通过|审核总是不通过",
                    "?，退回意见写的是表述不规范|，说经营范围用语不规范|，提示要使用规范表述",
                    "?，但不知道具体哪里不规范|，也不清楚应该怎么改|，打电话也一直占线"),
            group("biz-name-similar", "BIZ_REG", null, "名称申报被驳回|企业名称提示近似|核名不通过|名称自主申报问题",
                    "新办企业|准备注册新公司|设立分公司|开办新公司",
                    "名称自主申报时|核名的时候|网上申报企业名称时|企业名称申报过程中",
                    "系统一直提示与已有企业名称近似|总是说字号跟别人相近|提示名称近似不予通过|一直显示存在近似名称",
                    "?，换了好几个字号都不行|，但查了没有同名企业|，我们认为并不相同"),
            group("biz-address-lease", "BIZ_REG", null, "变更地址要租赁备案|住所变更材料问题|地址变更被要求补材料",
                    "公司搬到新地址后|迁了新办公室以后|变更注册地址时|办理住所变更时",
                    "窗口要求提供租赁合同备案证明|被要求先办理租赁备案|要求我们补交房屋租赁登记备案|要求出具租赁备案凭证",
                    "?，但业主是村集体物业|，但园区物业办不了备案|，房东说这栋楼办不了备案",
                    "?，导致迟迟变更不了|，现在地址一直变不了|，营业执照上的地址还是旧的"),
            group("power-outage-park", "POWER", "ST-TANGXIA", "园区频繁停电|经常停电|停电影响生产|近期多次停电",
                    "?所在的|位于",
                    "棠下智汇园|智汇园区|棠下的智汇科技园|智汇园",
                    "这个月已经停电四五次|最近频繁停电|近两周隔三差五停电|本月多次突然停电",
                    "?，事先没有任何通知|，也没有提前通知|，每次都是突然断电",
                    "?，生产设备受损|，服务器宕机|，冷库里的货都坏了|，生产线被迫停工"),
            group("water-outage-park", "WATER", "ST-TANGXIA", "园区频繁停水|经常停水|停水影响生产|近期多次停水",
                    "?所在的|位于",
                    "棠下智汇园|智汇园区|棠下的智汇科技园|智汇园",
                    "这个月已经停水四五次|最近频繁停水|近两周隔三差五停水|本月多次突然停水",
                    "?，事先没有任何通知|，也没有提前通知|，每次都是突然停",
                    "?，食堂没法做饭|，员工没水用|，清洗工序被迫停工"),
            group("power-capacity", "POWER", null, "用电增容办理慢|增容报装进度|申请增容没有进展|扩容报装问题",
                    "申请用电增容|办理用电报装增容|提交了增容申请|申请变压器扩容",
                    "已经一个多月|快两个月了|提交后四十多天",
                    "还没有人来现场勘查|供电局一直没有答复|进度一直停在受理环节|一直没有出供电方案",
                    "?，新生产线等着用电|，新设备无法投产|，影响项目投产"),
            group("labor-subsidy", "LABOR", null, "稳岗返还没到账|稳岗补贴未发放|失业保险稳岗返还问题|稳岗返还查询",
                    "?我们申请的|公司符合条件的|系统显示已审核通过的",
                    "稳岗返还|失业保险稳岗返还|稳岗补贴|稳岗返还资金",
                    "到现在还没到账|一直没有发放|公示结束了也没收到|迟迟没有拨付",
                    "?，想问一下什么时候能发|，请帮忙查询原因|，银行账户信息是正确的"),
            group("labor-enrol", "LABOR", null, "社保增员办不了|社保系统报错|员工参保登记失败|新员工社保增员失败",
                    "在社保网上服务平台|通过广东人社网上服务|在粤人社平台|网上",
                    "给新入职员工办理增员时|办理新员工参保登记时|给员工增员的时候",
                    "一直提示身份信息校验失败|系统报错无法提交|总是显示该人员存在在职参保记录|提示数据异常请联系经办机构",
                    "?，员工已经离开上家公司|，本月社保就要断缴了|，员工很着急"),
            group("gov-ecert", "GOV_SERVICE", null, "电子证照申领失败|穗好办领证失败|电子营业执照下载不了|证照申领报错",
                    "在穗好办APP上|用穗好办|通过穗好办小程序|在“穗好办”",
                    "申领企业电子证照|领取电子营业执照|下载电子证照|申领电子证照",
                    "一直失败|提示身份核验不通过|总是报系统繁忙|一直显示核验失败",
                    "?，已经试了很多次|，换了手机也不行|，要投标急用"),
            group("gov-queue", "GOV_SERVICE", null, "政务中心排队太久|叫号系统故障|办事排队时间长|窗口等待太久",
                    "?今天上午|5月8日|昨天下午",
                    "在区政务服务中心|去区政务中心|到天河区政务服务大厅",
                    "办理业务|办事|交材料",
                    "，叫号系统出现故障|，排了三个多小时的队|，叫号机一直不动|，等了一上午都没轮到",
                    "?，现场也没有工作人员解释|，现场很混乱|，预约了也要排队"),
            group("roadworks-chebei", "LOCAL", "ST-CHEBEI", "道路施工堵住门口|施工围挡影响经营|门口围挡问题|施工影响店铺出入",
                    "车陂路|车陂路东段|车陂地铁站附近的车陂路",
                    "道路施工|修路|市政施工",
                    "的围挡把我们店门口堵住了|的围挡挡住了店铺出入口|设的围挡把门面全挡了|的围挡离门口太近",
                    "?，顾客进不来|，生意下滑严重|，货车没法卸货",
                    "?，已经三个多月|，施工一直没有进展"),
            group("roadworks-shipai", "LOCAL", "ST-SHIPAI", "道路施工堵住门口|施工围挡影响经营|门口围挡问题|施工影响店铺出入",
                    "石牌东路|石牌东路北段|石牌桥附近的石牌东路",
                    "道路施工|修路|市政施工",
                    "的围挡把我们店门口堵住了|的围挡挡住了店铺出入口|设的围挡把门面全挡了|的围挡离门口太近",
                    "?，顾客进不来|，生意下滑严重|，货车没法卸货",
                    "?，已经三个多月|，施工一直没有进展"),
            group("streetlights-longdong", "LOCAL", "ST-LONGDONG", "园区周边路灯不亮|路灯坏了|晚上路太黑|路灯长期不亮",
                    "龙洞|龙洞村|龙洞这边",
                    "园区门口那条路|园区周边道路|工业园外面的路",
                    "的路灯已经坏了一个多月|的路灯晚上一直不亮|好几盏路灯都不亮",
                    "?，员工下夜班很不安全|，晚上路太黑|，已经有人摔倒"),
            group("fund-hightech-award", "POLICY_FUND", null, "高企奖励资金未到账|高新技术企业补贴未发|高企认定奖励问题|高企奖励何时拨付",
                    "去年通过高新技术企业认定|2025年获评高新技术企业|去年被认定为高企",
                    "，按政策应有认定奖励|，区里承诺的奖励资金|，认定奖励补贴",
                    "到现在还没拨付|一直没有到账|至今未兑现|迟迟未发放",
                    "?，想问问进度|，打电话问也没有明确答复"),
            group("fund-system-down", "POLICY_FUND", null, "资金申报系统打不开|申报系统登录不了|专项资金申报系统故障|申报平台无法访问",
                    "区专项资金申报系统|扶持资金申报平台|产业资金申报系统",
                    "这几天一直打不开|登录后一直白屏|上传附件总是失败|提交时提示系统错误",
                    "?，申报截止日期就在下周|，马上就要截止了|，担心错过申报时间"),
            group("city-night-market", "CITY_MGMT", "ST-TIANHENAN", "夜市占道经营|宵夜档噪音扰民|占道摆摊影响通行|夜市油烟噪音",
                    "天河南二路|天河南二路的宵夜档|天河南二路夜市",
                    "占道经营|摆摊占用人行道|把桌椅摆到人行道上",
                    "，噪音一直持续到凌晨|，油烟很大|，顾客和员工都没法通行",
                    "?，影响我们写字楼的正常办公|，投诉多次没有改善"),
            group("export-refund-one-firm", "TAX_SERVICE", null, "出口退税申报问题|出口退税一直退不下来|出口退税审核",
                    "我司#月申报的出口退税|我们的出口退税|上季度的出口退税",
                    "因为报关单信息不齐被退回|一直卡在审核|提示报关单数据未到",
                    "?，请帮忙看看|，请税务部门指导"));

    /** Problems one enterprise raises once: the distractors, many sharing words with a shared problem. */
    static final List<Problem> ONE_OFF = List.of(
            once("tax-move", "TAX_SERVICE", null, "我司准备从天河区迁到黄埔区，想咨询税务迁移是否需要先清税，要带哪些资料。"),
            once("tax-lost-invoice", "TAX_SERVICE", null, "我司丢失了一张已认证的增值税专用发票抵扣联，请问如何处理，还需要登报吗？"),
            once("tax-red-invoice", "TAX_SERVICE", null, "在电子税务局开具红字数电发票时，系统提示找不到对应的蓝字发票，请问怎么处理。"),
            once("tax-iit", "TAX_SERVICE", null, "员工个税汇算时发现有一笔收入不是本公司发放的，企业该如何处理被冒用的收入记录。"),
            once("biz-cancel", "BIZ_REG", null, "我司已停业，想办简易注销，但公示期内有供应商提出异议，请问还能继续简易注销吗？"),
            once("biz-lost-licence", "BIZ_REG", null, "营业执照正本不慎遗失，需要补领，请问能否网上办理，是否还要登报声明？"),
            once("biz-scope-medical", "BIZ_REG", null, "我司想在经营范围里增加医疗器械销售，请问需要先办理哪些许可或备案？"),
            once("power-bill", "POWER", null, "我司本月电费比上月多了一倍，用电量并没有明显增加，怀疑电表计量有问题，申请校验电表。"),
            once("power-charger", "POWER", null, "想在公司停车场安装新能源汽车充电桩，需要向供电部门单独申请报装吗，流程是怎样的？"),
            once("water-pressure", "WATER", "ST-TANGXIA", "棠下智汇园三号楼高层水压不足，每天上午十点后基本没水，请供水部门查看加压设备。"),
            once("labor-arbitration", "LABOR", null, "有一名离职员工申请劳动仲裁，要求支付加班费，我司想咨询应如何应对，需要准备哪些证据？"),
            once("labor-injury", "LABOR", null, "员工在上班途中发生交通事故，请问是否属于工伤，公司需要在多少天内申报工伤认定？"),
            once("labor-foreign", "LABOR", null, "想了解为外籍员工办理社保的规定，外籍员工是否必须参加社会保险，增员怎么操作？"),
            once("gov-booking", "GOV_SERVICE", null, "区政务服务中心的网上预约总是约满，请问有没有其他办法可以现场取号办理业务？"),
            once("gov-guide", "GOV_SERVICE", null, "办事指南上写的材料和窗口实际要求的不一致，白跑了一趟，希望统一口径。"),
            once("local-garbage", "LOCAL", "ST-TANGXIA", "棠下一带写字楼周边垃圾桶满了没人清运，气味很大，请街道协调环卫处理。"),
            once("local-parking", "LOCAL", "ST-CHEBEI", "车陂路附近企业员工停车难，路边划线车位太少，希望街道协调增加停车位。"),
            once("local-roadworks-linhe", "LOCAL", "ST-LINHE", "林和西路道路施工，施工单位晚上十一点后还在打桩，噪音很大，影响附近公寓的员工休息。"),
            once("fund-policy", "POLICY_FUND", null, "想了解今年区里对专精特新企业有哪些扶持政策，申报条件和时间是什么？"),
            once("fund-clawback", "POLICY_FUND", null, "我司收到的扶持资金被要求退回一部分，理由是绩效考核未达标，想了解考核标准在哪里查。"),
            once("city-signboard", "CITY_MGMT", "ST-TIANHENAN", "我司门店想更换招牌，请问户外招牌设置需要向哪个部门申请审批？"),
            once("city-night-market-other", "CITY_MGMT", "ST-YUANCUN", "员村二横路夜市摊档占道经营，桌椅摆满人行道，晚上行人只能走机动车道，很危险。"));
}
