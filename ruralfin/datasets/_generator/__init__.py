"""示范县生成器：由一个随机种子确定地生成全部表。

生成顺序（故事线）：地理与机构 → 经营主体及其隐藏特质（经营质量、诚信度、冲击敏感度）
→ 困境时点（按违约倾向与行业冲击抽取）→ 月度真实销售（季节性、春节、冲击、困境前的下滑）
→ 自报与台账（虚报者放大）→ 水电、纳税、账户流水 → 贷款申请、审批、续贷链条 → 每笔贷款的
月度表现 → 担保、外部数据、数字特征、软信息、消费行为、供应链 → 产品持有、客户经理业绩。

每个阶段使用由同一个 ``SeedSequence`` 派生出的独立子随机数发生器，因此结果只由
``random_state`` 与 ``n_entities`` 决定。
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import _story as S
from .._frames import build
from .applications import make_application_chain, make_applications, make_credit_file
from .bank import make_bank
from .categories import make_customer_tables, make_operating_tables, make_receipt_mix
from .distress import make_timeline
from .loans import make_guarantees, make_loan_monthly, make_loan_tables, make_loans
from .population import make_entity_tables, make_geography, make_population
from .records import make_account_flows, make_tax_records, make_utilities
from .sales import make_industry_calendar, make_sales
from ...schema import (
    CUSTOMER_GROUPS,
    INDUSTRIES,
    SUB_INDUSTRIES,
    SUB_INDUSTRY_PARENT,
    TABLE_NAMES,
    TOWNSHIPS,
    VILLAGES,
    VILLAGES_PER_TOWNSHIP,
)

PRODUCTS = S.PRODUCTS
EXTERNAL_CP = S.EXTERNAL_COUNTERPARTIES
from .._defaults import DEFAULT_N, DEFAULT_SEED, GENERATOR_VERSION  # noqa: F401
M_PAST = 36  # 2023-01 之前模拟的月数（让 2023 年初已有存量贷款）
N_OBS = 36
MONTH_ENDS = pd.date_range("2020-01-31", periods=M_PAST + N_OBS, freq="ME").values.astype("datetime64[us]")
MONTH_START = pd.date_range("2020-01-01", periods=M_PAST + N_OBS, freq="MS").values.astype("datetime64[us]")
NEVER = 10_000
N_STAGES = 32
F32 = np.float32

G = {g: i for i, g in enumerate(CUSTOMER_GROUPS)}
IND = {s: i for i, s in enumerate(INDUSTRIES)}
SUB = {s: i for i, s in enumerate(SUB_INDUSTRIES)}
NSUB = len(SUB_INDUSTRIES)
SUB_PARENT = np.array([IND[SUB_INDUSTRY_PARENT[s]] for s in SUB_INDUSTRIES])


def month_end(m):
    """月序（0 = 2023-01）-> 月末日期。"""
    return MONTH_ENDS[np.asarray(m) + M_PAST]


def _sig(x):
    return 1.0 / (1.0 + np.exp(-x))


def _choice_rows(rng, probs_rows):
    """每行按自己的概率向量抽一个类别（向量化）。"""
    cum = np.cumsum(probs_rows, axis=1)
    cum /= cum[:, -1:]
    u = rng.random(len(probs_rows))[:, None]
    return (u > cum).sum(axis=1)


def _arr(d, keys):
    return np.array([d[k] for k in keys], dtype=float)


def _lpr(m):
    m = np.asarray(m)
    out = np.full(m.shape, S.LPR_PATH[0][1])
    for start, v in S.LPR_PATH:
        out = np.where(m >= start, v, out)
    return out


def _trim():
    """把已释放的堆内存还给操作系统（glibc），降低大规模生成时的峰值常驻内存。"""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # 非 glibc 平台
        pass


def _nz(rng, shape, sd, mean=0.0):
    """float32 正态随机数（省内存）。"""
    z = rng.standard_normal(shape, dtype=F32)
    z *= F32(sd)
    if mean:
        z += F32(mean)
    return z


def _segments(lengths):
    """把每段长度展开成 (段号, 段内序号)。"""
    lengths = np.asarray(lengths, dtype=np.int64)
    idx = np.repeat(np.arange(len(lengths)), lengths)
    starts = np.cumsum(lengths) - lengths
    within = np.arange(lengths.sum()) - np.repeat(starts, lengths)
    return idx, within


# 名字用字（虚构，姓名一律带“演示·”，主体名带“示例”）
SURNAMES = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
GIVEN = list("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国文红玲海波宁峰辉鹏飞云兰凤春梅林燕玉萍德成福贵祥瑞和顺安康禾丰田")
PREFIX = ["青禾", "丰收", "禾润", "金穗", "绿源", "田园", "稻香", "润农", "兴旺", "福满", "康宁", "鑫达", "瑞丰", "百顺", "惠民",
          "永安", "合盛", "顺发", "长青", "嘉禾", "聚丰", "荣昌", "德隆", "宏图", "华盛", "天成", "益农", "晨光", "向阳", "新兴"]
FARMER_WORD = {
    "grain_crops": "种粮户", "cash_crops": "果蔬种植户", "livestock": "养殖户", "aquaculture": "水产养殖户",
    "agri_processing": "农产品加工户", "grocery": "小卖部", "agri_inputs": "农资代销户", "building_materials": "建材经营户",
    "ecommerce_shop": "电商户", "food_processing": "食品作坊", "light_manufacturing": "来料加工户", "construction": "建房工匠户",
    "restaurant": "小吃摊", "farm_stay": "农家乐", "transport_logistics": "运输户", "repair_services": "农机修理户",
    "personal_services": "理发铺",
}
SHOP_WORD = {
    "grain_crops": "种植场", "cash_crops": "果蔬基地", "livestock": "养殖场", "aquaculture": "水产养殖场",
    "agri_processing": "粮油加工坊", "grocery": "便利店", "agri_inputs": "农资店", "building_materials": "建材店",
    "ecommerce_shop": "网店", "food_processing": "食品作坊", "light_manufacturing": "加工厂", "construction": "装修队",
    "restaurant": "饭店", "farm_stay": "农家乐", "transport_logistics": "货运部", "repair_services": "修理部",
    "personal_services": "理发店",
}
COMPANY_WORD = {
    "agri_production": "农业发展有限公司", "wholesale_retail": "商贸有限公司", "manufacturing": "制品有限公司",
    "catering": "餐饮管理有限公司", "other_services": "物流服务有限公司",
}
COOP_WORD = {
    "grain_crops": "粮食种植专业合作社", "cash_crops": "果蔬种植专业合作社", "livestock": "畜禽养殖专业合作社",
    "aquaculture": "水产养殖专业合作社", "agri_processing": "农产品购销专业合作社",
}
NEWAGRI_WORD = ["家庭农场", "家庭农场", "家庭农场", "农业科技有限公司", "农业社会化服务中心"]



def make_county_tables(n_entities: int, random_state: int | None, progress=None) -> dict[str, pd.DataFrame]:
    """生成全部表（内部函数；参数已在 :func:`ruralfin.datasets.make_county` 检查过）。"""
    ss = np.random.SeedSequence(random_state)
    gens = [np.random.Generator(np.random.PCG64(c)) for c in ss.spawn(N_STAGES)]
    user_step = progress or (lambda name: None)

    def step(name):
        _trim()
        user_step(name)

    n = n_entities
    out: dict[str, pd.DataFrame] = {}

    # ================================================================ 地理
    geography = make_geography(gens[0])
    nv = len(VILLAGES)
    v_town, town_eff, v_dist, v_credit = geography.village_township, geography.township_effect, geography.village_distance_km, geography.is_credit_village
    step("villages")

    # ================================================================ 经营主体
    population, relationship = make_population(gens[1], n, geography)
    P_ = population
    grp, ind, sub, vil, town, age, female, org, edu = P_.group, P_.industry, P_.sub_industry, P_.village, P_.township, P_.age, P_.is_female, P_.is_organisation, P_.education
    quality, integrity, sens, base_rev, employees, years_biz, leverage, assets, liabilities = P_.quality, P_.integrity, P_.shock_sensitivity, P_.base_revenue, P_.employees, P_.years_in_business, P_.leverage, P_.assets, P_.liabilities
    ent_size, z_int, risk_z, prob_default, p_distress, roll_p, main_bank = P_.enterprise_size, P_.integrity_z, P_.risk_z, P_.prob_default, P_.prob_distress, P_.prob_roll, P_.main_bank
    demand, borrower, misreporter, mis_ratio = P_.credit_demand, P_.is_applicant, P_.is_misreporter, P_.misreport_ratio
    banks_with_us, sow, cust_since_m = relationship.banks_with_us, relationship.share_of_wallet, relationship.customer_since_month
    from .population import SUB_INDUSTRY_PROBS as sub_p
    step("entities")

    # ================================================================ 困境时点（含行业冲击）
    calendar = make_industry_calendar()
    timeline = make_timeline(gens[2], population, calendar)
    TL = timeline
    shock_prof, shock_depth, KC = calendar.shock_profile, calendar.shock_depth, S.MAX_CURES
    h, sens_c, dmonth, rolls, cures, cure_durs, circle_id, circle_next = TL.monthly_hazard, TL.capped_sensitivity, TL.default_month, TL.defaults, TL.cure_months, TL.cure_durations, TL.circle_id, TL.circle_next
    step("timeline")

    # ================================================================ 月度真实销售
    sales_ = make_sales(gens[3], population, timeline, calendar)
    sales, year_rev, truth_revenue = sales_.monthly, sales_.yearly, sales_.truth_revenue
    seas, fest, trend, noise_sd, obs_shock = calendar.seasonality, calendar.festival, calendar.trend, calendar.noise_sd, calendar.observed_shock
    step("sales")

    # ---------------------------------------------------------------- 机构、产品、网点、客户经理
    bank_tables, staffing = make_bank(gens[4], population, relationship)
    out.update(bank_tables)
    branch_of, manager, n_mgr = staffing.entity_branch, staffing.entity_manager, staffing.n_managers
    step("institutions")

    # ================================================================ 结算方式与份额
    receipts = make_receipt_mix(gens[5], population)
    shares, retail, b2b = receipts.shares, receipts.is_retail, receipts.is_b2b
    step("settlement")

    # ================================================================ 信贷链条：申请、审批、续贷
    chain = make_application_chain(gens[6], population, timeline)
    A = dict(app=chain.application, ent=chain.entity, a=chain.month, ren=chain.is_renewal, first=chain.is_first, prod=chain.product,
             T=chain.term, req=chain.requested, amt=chain.approved_amount, ok=chain.approved, score=chain.bank_score)
    step("applications")

    # 放款
    loans, relationship = make_loans(gens[7], population, timeline, relationship, chain)
    LN = loans
    ok = A["ok"]
    L = dict(ren=LN.is_renewal, first=LN.is_first)
    nl, o, T, e_, prod = LN.n_loans, LN.origination_month, LN.term, LN.entity, LN.product
    closed_m, sel, loan_id, repay, guar, rate, amt, credit_line, inclusive, agri, purpose = LN.closed_month, LN.kept, LN.loan_id, LN.repayment, LN.guarantee, LN.rate, LN.amount, LN.credit_line, LN.is_inclusive, LN.is_agri, LN.purpose
    banks_with_us, sow, cust_since_m = relationship.banks_with_us, relationship.share_of_wallet, relationship.customer_since_month
    step("loans")

    # ================================================================ 贷款月度表现
    out["loan_monthly"], performance = make_loan_monthly(gens[8], population, loans)
    step("loan_monthly")
    bad_any, first90, app_loan_idx = performance.bad_12m, performance.first_npl_month, loans.loan_of_application

    # ================================================================ 申请表（2023-01 之后）
    credit = make_credit_file(gens[9], population, chain)
    ai, ae, aa, channel = credit.window, credit.entity, credit.month, credit.channel
    visit_score_e, hist_dpd, thin_file, inq_base, other_debt = credit.visit_score, credit.bureau_dpd, credit.thin_file, credit.inquiry_rate, credit.other_bank_debt
    app_id_map = credit.application_id
    step("applications_features")

    # ================================================================ 账户流水
    out["account_flows"], flows = make_account_flows(gens[10], population, relationship, sales_, receipts, credit)
    cust, cs = flows.customers, flows.flow_start
    step("account_flows")

    # ================================================================ 水电
    out["utilities"], authorised = make_utilities(gens[11], population, sales_)
    rpk = _arr(S.REV_PER_KWH, SUB_INDUSTRIES)
    rpt = _arr(S.REV_PER_TON, SUB_INDUSTRIES)
    step("utilities")

    # ================================================================ 纳税
    out["tax_records"], taxed = make_tax_records(gens[12], population, sales_)
    step("tax_records")

    # ================================================================ 申请表成型
    application_tables, household = make_applications(gens[13], population, relationship, timeline, sales_, chain, loans, performance, credit, flows)
    out.update(application_tables)
    soc_months, has_app, typing, own_house, hh_size = household.social_security_months, household.has_mobile_app, household.typing_speed, household.owns_house, household.household_size
    step("applications")

    # ================================================================ 贷款表、月度表、真相
    out.update(make_loan_tables(gens[14], population, timeline, calendar, staffing, loans, performance, credit))
    ls = sel
    step("loans_out")

    # ================================================================ 担保
    out["guarantees"] = make_guarantees(gens[15], population, timeline, loans)
    step("guarantees")

    # ================================================================ 主体表
    entity_tables, records = make_entity_tables(gens[16], population, relationship, geography, sales_, staffing, loans)
    out.update(entity_tables)
    cs_all, ent_names = records.customer_since_month, records.names
    step("entities_out")

    # ================================================================ 七大数据
    out.update(make_operating_tables(gens[17], population, sales_, calendar))
    step("seven_a")

    # 结算
    out.update(make_customer_tables(gens[18], population, relationship, geography, receipts, sales_, timeline, credit, household))
    step("seven_b")

    # 供应链
    rng = gens[19]
    out["supply_chain"] = _supply_chain(rng, n, grp, sub, town, banks_with_us, ent_names)
    step("supply_chain")

    # ================================================================ 外部数据、事件、数字特征
    rng = gens[20]
    edu_ver = np.where((edu >= 3) & (rng.random(n) < 0.9), edu, -1)
    court = rng.poisson(0.03 * np.exp(0.8 * risk_z)) + (rolls & (dmonth <= 30)) * (rng.random(n) < 0.4)
    out["external_data"] = build("external_data", {
        "entity_id": np.arange(1, n + 1), "social_security_months": soc_months,
        "housing_fund_monthly": np.where(rng.random(n) < np.where(grp == G["rural_micro"], 0.3, 0.03), np.round(rng.uniform(300, 1500, n)), np.nan),
        "public_security_flag": rng.random(n) < 0.004 * np.exp(0.7 * risk_z),
        "education_verified": edu_ver, "court_cases": np.minimum(court, 50),
        "other_bank_debt": other_debt, "other_bank_loans": np.minimum(np.where(other_debt > 0, 1 + rng.poisson(0.6, n), 0), 50),
        "credit_inquiries_6m": np.minimum(rng.poisson(inq_base), 50),
        "max_dpd_24m": np.where(thin_file, np.nan, hist_dpd),
    })
    ev_rows = []
    dm_ok = (dmonth >= 0) & (dmonth < N_OBS)
    # 他行逾期：多数违约前 0–2 个月出现
    c = dm_ok & (other_debt > 0) & (rng.random(n) < 0.55)
    ev_rows.append((np.flatnonzero(c), np.clip(dmonth[c] - rng.integers(0, 3, c.sum()), 0, N_OBS - 1), 0, other_debt[c] * rng.uniform(0.05, 0.3, c.sum())))
    for kc in range(KC):
        c = (cures[:, kc] >= 0) & (cures[:, kc] < N_OBS) & (other_debt > 0) & (rng.random(n) < 0.25)
        ev_rows.append((np.flatnonzero(c), cures[c, kc], 0, other_debt[c] * rng.uniform(0.02, 0.1, c.sum())))
    c = dm_ok & rolls & (rng.random(n) < 0.3) & (dmonth + 4 < N_OBS)
    ev_rows.append((np.flatnonzero(c), np.minimum(dmonth[c] + rng.integers(4, 9, c.sum()), N_OBS - 1), 1, base_rev[c] * rng.uniform(0.05, 0.2, c.sum())))
    c = dm_ok & rolls & taxed & (rng.random(n) < 0.3)
    ev_rows.append((np.flatnonzero(c), np.clip(dmonth[c] - 1, 0, N_OBS - 1), 2, base_rev[c] * rng.uniform(0.002, 0.01, c.sum())))
    c = dm_ok & rolls & authorised & (rng.random(n) < 0.35)
    ev_rows.append((np.flatnonzero(c), np.clip(dmonth[c] - rng.integers(0, 3, c.sum()), 0, N_OBS - 1), 3, rng.uniform(0.01, 0.2, c.sum())))
    # 背景噪声：与违约无关的零星事件
    for et, rate_ in enumerate([0.002, 0.0004, 0.0006, 0.0015]):
        cnt = rng.poisson(rate_ * N_OBS * np.exp(0.4 * risk_z))
        ei, _ = _segments(cnt)
        amt_ = np.where(et == 3, rng.uniform(0.01, 0.2, len(ei)), base_rev[ei] * rng.uniform(0.01, 0.1, len(ei)))
        ev_rows.append((ei, rng.integers(0, N_OBS, len(ei)), et, amt_))
    ee = np.concatenate([r[0] for r in ev_rows])
    em = np.concatenate([r[1] for r in ev_rows])
    et_ = np.concatenate([np.full(len(r[0]), r[2]) for r in ev_rows])
    ea = np.concatenate([r[3] for r in ev_rows])
    key = (ee.astype(np.int64) * 64 + em) * 8 + et_
    _, first_idx = np.unique(key, return_index=True)
    ee, em, et_, ea = ee[first_idx], em[first_idx], et_[first_idx], ea[first_idx]
    out["external_events"] = build("external_events", {
        "entity_id": ee + 1, "month": month_end(em), "event_type": et_,
        "amount": np.where(rng.random(len(ee)) < 0.1, np.nan, np.round(ea, 2)),
    })
    # 数字特征
    di = np.flatnonzero(has_app)
    nd = len(di)
    deg = np.maximum(1, np.round(np.exp(rng.normal(3.9, 0.6, nd)))).astype(int)
    village_bad = np.bincount(vil, weights=prob_default, minlength=nv) / np.maximum(np.bincount(vil, minlength=nv), 1)
    p_risky = np.clip(0.01 + 0.4 * village_bad[vil[di]] + 0.015 * np.maximum(risk_z[di] + 0.5, 0) + 0.05 * (circle_id[di] >= 0), 0, 0.5)
    out["digital_features"] = build("digital_features", {
        "entity_id": di + 1,
        "geo_stability": np.round(_sig(1.6 - 0.35 * risk_z[di] + rng.normal(0, 0.8, nd)), 3),
        "network_degree": np.minimum(deg, 5000), "network_risky_contacts": np.minimum(rng.binomial(deg, p_risky), 5000),
        "device_tier": np.searchsorted([-0.5, 0.9], 0.5 * np.log(base_rev[di] / 20) - 0.02 * (age[di] - 40) + rng.normal(0, 0.8, nd)),
        "typing_speed": np.round(typing[di], 1),
        "delivery_address_consistency": np.round(np.clip(rng.beta(6, 2, nd) + 0.04 * z_int[di], 0, 1), 3),
        "app_active_days_30d": np.minimum(rng.binomial(30, np.clip(0.35 + 0.1 * (main_bank[di] == 0) - 0.004 * (age[di] - 40), 0.02, 0.98)), 30),
        "night_activity_share": np.round(np.clip(rng.beta(2, 14, nd) + 0.02 * risk_z[di], 0, 1), 3),
        "browsing_interest": _choice_rows(rng, np.where((SUB_PARENT[sub[di]] == IND["agri_production"])[:, None], [[0.4, 0.15, 0.25, 0.05, 0.15]], [[0.05, 0.35, 0.3, 0.1, 0.2]])),
    })
    step("external")

    # ================================================================ 产品持有
    rng = gens[21]
    out["holdings"] = _holdings(rng, n, cust, cs, grp, sub, retail, b2b, quality, assets, sales, sow, shares, out,
                                ls, e_, prod, loan_id)
    step("holdings")

    # ================================================================ 客户经理月度
    rng = gens[22]
    out["manager_monthly"] = _manager_monthly(rng, n_mgr, manager, out, cs_all)
    # 真相
    out["truth_entities"] = build("truth_entities", {
        "entity_id": np.arange(1, n + 1), "truth_quality": np.round(quality, 4), "truth_integrity": np.round(integrity, 4),
        "truth_revenue": truth_revenue, "truth_misreport_ratio": mis_ratio, "truth_is_misreporter": misreporter,
        "truth_prob_default": np.round(prob_default, 5),
        "truth_marketing_response": np.round(_sig(-1.6 + 0.4 * quality - 0.03 * (age - 45) + 0.8 * ~banks_with_us + 0.6 * (~borrower & demand)), 4),
        "truth_share_of_wallet": np.round(sow, 4), "truth_shock_sensitivity": np.round(sens, 4),
    })
    step("truth")
    return {name: out[name] for name in TABLE_NAMES}


REPAY = {"equal_instalment": 0, "equal_principal": 1, "interest_only_bullet": 2, "revolving": 3}
GUAR = {"credit": 0, "guarantee": 1, "mortgage": 2, "pledge": 3}


def _window_sum(shock_prof, subs, o):
    cs = np.c_[np.zeros(shock_prof.shape[0]), np.cumsum(shock_prof, axis=1)]
    lo = np.clip(o + M_PAST, 0, cs.shape[1] - 1)
    hi = np.clip(o + M_PAST + 12, 0, cs.shape[1] - 1)
    return cs[subs, hi] - cs[subs, lo]


def _loan_product(rng, g, age, in_circle):
    k = len(g)
    u = rng.random(k)
    p = np.zeros(k, dtype=int)
    fh = g == G["farmer_household"]
    p[fh] = np.where(in_circle[fh] | (u[fh] < 0.3), 2, 1)
    ib = g == G["individual_business"]
    p[ib] = np.where(in_circle[ib] | (u[ib] < 0.35), 4, 3)
    p[ib & (age < 45) & (rng.random(k) < 0.1)] = 8
    rm = g == G["rural_micro"]
    p[rm] = np.where(in_circle[rm] | (u[rm] < 0.45), 4, 5)
    co = g == G["coop"]
    p[co] = np.where(u[co] < 0.7, 6, 5)
    na = g == G["new_agri_org"]
    p[na] = np.where(in_circle[na] | (u[na] < 0.4), 4, 7)
    return p


_TERMS = {1: ([12, 24, 36], [0.65, 0.2, 0.15]), 2: ([12, 24], [0.7, 0.3]), 3: ([12], [1.0]), 4: ([12, 24, 36], [0.5, 0.3, 0.2]),
          5: ([12, 36, 60], [0.4, 0.4, 0.2]), 6: ([12, 24, 36], [0.6, 0.25, 0.15]), 7: ([12, 36, 60], [0.45, 0.4, 0.15]),
          8: ([24, 36], [0.6, 0.4])}


def _loan_term(rng, prod):
    out = np.empty(len(prod), dtype=int)
    u = rng.random(len(prod))
    for p, (terms, probs) in _TERMS.items():
        sel = prod == p
        out[sel] = np.array(terms)[np.searchsorted(np.cumsum(probs), u[sel] * 0.999999, side="right")]
    return out


def _person_names(rng, n, *, return_surname=False):
    table = np.array([f"演示·{s}{a}{b}" for s in SURNAMES for a in GIVEN for b in ["", *GIVEN[:12]]], dtype=object)
    idx = rng.integers(0, len(table), n)
    if return_surname:
        return table[idx], idx // (len(GIVEN) * 13)
    return table[idx]


def _entity_names(rng, grp, sub, person):  # person: 经营者姓氏在 SURNAMES 中的序号
    """主体名称：先造出（客群, 细分行业, 字号）所有组合的小表，再按编号取，避免逐个拼接字符串。"""
    n = len(grp)
    npre = len(PREFIX)
    pre_i = rng.integers(0, npre, n)
    na_i = rng.integers(0, len(NEWAGRI_WORD), n)
    combos = []
    for g in CUSTOMER_GROUPS:
        for s in SUB_INDUSTRIES:
            for p in PREFIX:
                if g == "individual_business":
                    combos.append(f"示例{p}{SHOP_WORD[s]}")
                elif g == "rural_micro":
                    combos.append(f"示例{p}{COMPANY_WORD[SUB_INDUSTRY_PARENT[s]]}")
                elif g == "coop":
                    combos.append(f"示例{p}{COOP_WORD.get(s, '农产品购销专业合作社')}")
                else:
                    combos.append("")
    na_table = [f"示例{p}{w}" for p in PREFIX for w in NEWAGRI_WORD]
    farm_table = [f"示例·{sn}某{FARMER_WORD[s]}" for sn in SURNAMES for s in SUB_INDUSTRIES]
    combos = np.array(combos, dtype=object)
    na_table = np.array(na_table, dtype=object)
    farm_table = np.array(farm_table, dtype=object)
    sur_idx = person
    out = combos[(grp * NSUB + sub) * npre + pre_i]
    is_na = grp == G["new_agri_org"]
    out[is_na] = na_table[pre_i[is_na] * len(NEWAGRI_WORD) + na_i[is_na]]
    is_f = grp == G["farmer_household"]
    out[is_f] = farm_table[sur_idx[is_f] * NSUB + sub[is_f]]
    return out


_UP = {  # 细分行业 -> 上游可能的对手（本县细分行业 或 外部对手编号）
    "grain_crops": ["agri_inputs", "X08"], "cash_crops": ["agri_inputs", "X08"], "livestock": ["agri_inputs", "food_processing"],
    "aquaculture": ["agri_inputs", "X08"], "agri_processing": ["grain_crops", "cash_crops", "livestock"],
    "grocery": ["food_processing", "X01"], "agri_inputs": ["X08"], "building_materials": ["X09", "light_manufacturing"],
    "ecommerce_shop": ["cash_crops", "agri_processing", "food_processing"], "food_processing": ["livestock", "grain_crops", "agri_processing"],
    "light_manufacturing": ["X09", "transport_logistics"], "construction": ["building_materials"],
    "restaurant": ["grocery", "cash_crops", "livestock"], "farm_stay": ["cash_crops", "livestock", "grocery"],
    "transport_logistics": ["repair_services"], "repair_services": ["agri_inputs", "building_materials"],
    "personal_services": ["grocery"],
}
_DOWN = {
    "grain_crops": ["agri_processing", "X03", "X01"], "cash_crops": ["X01", "X05", "ecommerce_shop", "restaurant"],
    "livestock": ["food_processing", "X04", "restaurant"], "aquaculture": ["X01", "restaurant"],
    "agri_processing": ["X03", "grocery", "X06"], "grocery": [], "agri_inputs": ["grain_crops", "cash_crops", "livestock"],
    "building_materials": ["construction"], "ecommerce_shop": ["X06", "X07"], "food_processing": ["grocery", "restaurant", "X07"],
    "light_manufacturing": ["building_materials", "X09"], "construction": [], "restaurant": [], "farm_stay": [],
    "transport_logistics": ["agri_processing", "food_processing"], "repair_services": [], "personal_services": [],
}
_COOP_DOWN = "coop"


def _supply_chain(rng, n, grp, sub, town, banks_with_us, names):
    ext = {x[0]: i for i, x in enumerate(EXTERNAL_CP)}
    # 每个主体 1 条上游 + 0–2 条下游
    n_up = np.where(grp == G["farmer_household"], rng.random(n) < 0.7, 1 + (rng.random(n) < 0.4)).astype(int)
    n_down = np.where(np.isin(grp, [G["farmer_household"]]), rng.random(n) < 0.6, rng.integers(0, 3, n))
    rows_e, rows_dir = [], []
    for cnt, d in ((n_up, 0), (n_down, 1)):
        ei, _ = _segments(cnt)
        rows_e.append(ei)
        rows_dir.append(np.full(len(ei), d))
    ee = np.concatenate(rows_e)
    dd = np.concatenate(rows_dir)
    m = len(ee)
    # 选项：本县细分行业（0..NSUB-1）、外部对手（100+i）、本县合作社（200）
    opt_code = np.full(m, -1)
    u = rng.random(m)
    subs = sub[ee]
    for s_i, s in enumerate(SUB_INDUSTRIES):
        for d, table in ((0, _UP), (1, _DOWN)):
            opts = list(table[s])
            if d == 1 and SUB_INDUSTRY_PARENT[s] == "agri_production" and s != "agri_processing":
                opts = opts + [_COOP_DOWN]
            sel = (subs == s_i) & (dd == d)
            if not sel.any():
                continue
            if not opts:
                opts = ["X01"] if d == 0 else ["X06"]
            codes = np.array([SUB[o] if o in SUB else (200 if o == _COOP_DOWN else 100 + ext[o]) for o in opts])
            opt_code[sel] = codes[(u[sel] * len(codes)).astype(int)]
    # 本县对手：同镇优先
    is_local = opt_code < 100
    is_coop = opt_code == 200
    cp = np.full(m, -1)
    key_sub = np.where(grp == G["coop"], NSUB, sub)  # 合作社单列
    order = np.lexsort((town, key_sub))
    ks, kt = key_sub[order], town[order]
    grp_key = ks * 100 + kt
    uniq, start_i, counts = np.unique(grp_key, return_index=True, return_counts=True)
    sub_start = np.searchsorted(ks, np.arange(NSUB + 1))
    sub_cnt = np.bincount(ks, minlength=NSUB + 1)
    want = np.where(is_coop, NSUB, np.where(is_local, opt_code, 0))
    need = is_local | is_coop
    gk = want * 100 + town[ee]
    pos = np.searchsorted(uniq, gk)
    pos = np.clip(pos, 0, len(uniq) - 1)
    found = (uniq[pos] == gk) & need
    r = rng.random(m)
    cp_local = np.where(found, order[start_i[pos] + (r * counts[pos]).astype(int)], -1)
    fallback = need & ~found & (sub_cnt[want] > 0)
    cp_county = order[np.clip(sub_start[want] + (r * sub_cnt[want]).astype(int), 0, n - 1)]
    cp = np.where(found & (rng.random(m) < 0.75), cp_local, np.where(need & (sub_cnt[want] > 0), cp_county, -1))
    cp = np.where(fallback, cp_county, cp)
    valid = ~(need & ((cp < 0) | (cp == ee)))
    ee, dd, opt_code, cp = ee[valid], dd[valid], opt_code[valid], cp[valid]
    m = len(ee)
    ext_i = np.where(opt_code >= 100, np.clip(opt_code - 100, 0, len(EXTERNAL_CP) - 1), 0)
    local = cp >= 0
    code = np.where(local, cp, n + ext_i).astype(np.int64)
    _, first = np.unique(ee.astype(np.int64) * (n + 100) + code, return_index=True)
    first = np.sort(first)
    ee, dd, cp, ext_i, local = ee[first], dd[first], cp[first], ext_i[first], local[first]
    m = len(ee)
    ext_keys = pd.Series([x[0] for x in EXTERNAL_CP], dtype="str")
    cp_key = pd.Series(cp + 1).astype("str")
    cp_key = ("E" + cp_key).where(local, ext_keys.iloc[ext_i].to_numpy())
    cp_name = np.where(local, names[np.maximum(cp, 0)], np.array([x[1] for x in EXTERNAL_CP], dtype=object)[ext_i])
    ext_type = np.array(["coop", "leading_enterprise", "wholesale_market", "ecommerce_platform", "local_business"])
    cp_type_name = np.where(local, np.where(grp[np.maximum(cp, 0)] == G["coop"], "coop", "local_business"),
                            np.array([x[2] for x in EXTERNAL_CP])[ext_i])
    cp_type = np.searchsorted(ext_type, cp_type_name, sorter=np.argsort(ext_type))
    cp_type = np.argsort(ext_type)[cp_type]
    cp_us = np.where(local, banks_with_us[np.maximum(cp, 0)], np.array([x[3] for x in EXTERNAL_CP])[ext_i])
    first = np.arange(m)
    share = np.round(np.clip(rng.beta(2, 3, m), 0.05, 0.95), 2)
    years = np.clip(np.round(rng.gamma(2, 2.5, m)), 1, 40)
    return build("supply_chain", {
        "entity_id": ee[first] + 1, "counterparty_key": cp_key.to_numpy(),
        "counterparty_entity_id": np.where(local[first], cp[first] + 1, np.nan),
        "counterparty_name": cp_name[first], "counterparty_type": cp_type[first], "direction": dd[first],
        "share": share[first], "relationship_years": years[first], "counterparty_banks_with_us": cp_us[first].astype(bool),
    })


def _holdings(rng, n, cust, cs, grp, sub, retail, b2b, quality, assets, sales, sow, shares, out, ls, e_, prod, loan_id):
    nc = len(cust)
    q = quality[cust]
    g = grp[cust]
    open_m = cs
    ptype = {p[0]: p[3] for p in PRODUCTS}
    rows_e, rows_p = [], []

    def add(mask, pid):
        idx = np.flatnonzero(mask)
        rows_e.append(idx)
        rows_p.append(np.full(len(idx), pid))

    add(np.ones(nc, bool), 10)
    add(rng.random(nc) < _sig(-0.8 + 0.5 * q + 0.5 * np.log(assets[cust] / 30)), 11)
    add(rng.random(nc) < _sig(-2.4 + 0.6 * q + 0.4 * np.log(assets[cust] / 30)), 12)
    add(rng.random(nc) < 0.9, 13)
    add(rng.random(nc) < _sig(-2.0 + 0.3 * q), 14)
    add((retail[cust] | (shares[cust, 2] > 0.3)) & (rng.random(nc) < 0.6), 15)
    add(np.isin(g, [G["rural_micro"], G["coop"], G["new_agri_org"]]) & (rng.random(nc) < 0.7), 16)
    add((SUB_PARENT[sub[cust]] == IND["agri_production"]) & (rng.random(nc) < 0.35), 17)
    add(rng.random(nc) < 0.06 + 0.1 * (sub[cust] == SUB["ecommerce_shop"]), 18)
    add(rng.random(nc) < 0.05, 19)
    he = np.concatenate(rows_e)
    hp = np.concatenate(rows_p)
    ent = cust[he]
    inflow12 = sales[ent, 24:].sum(1) * (1 - shares[ent, 0]) * sow[ent]
    af = out["account_flows"]
    af_month = af["month"].to_numpy()
    af_ent = af["entity_id"].to_numpy()
    af_bal = af["avg_balance"].to_numpy()
    sel_last = af_month == MONTH_ENDS[-1]
    bal_last = np.zeros(n)
    bal_last[af_ent[sel_last] - 1] = af_bal[sel_last]
    sel12 = af_month > MONTH_ENDS[-13]
    avg12 = np.bincount(af_ent[sel12] - 1, weights=af_bal[sel12], minlength=n) / 12.0
    del sel_last, sel12, af_month, af_ent, af_bal
    balance = np.zeros(len(he))
    avgb = np.zeros(len(he))
    fee = np.zeros(len(he))
    t = hp
    balance = np.where(t == 10, bal_last[ent], balance)
    avgb = np.where(t == 10, avg12[ent], avgb)
    td = assets[ent] * rng.uniform(0.03, 0.25, len(he))
    balance = np.where(t == 11, td, balance)
    avgb = np.where(t == 11, td * rng.uniform(0.8, 1.1, len(he)), avgb)
    wm = assets[ent] * rng.uniform(0.02, 0.2, len(he))
    balance = np.where(t == 12, wm, balance)
    avgb = np.where(t == 12, wm * rng.uniform(0.7, 1.1, len(he)), avgb)
    fee = np.where(t == 12, wm * 0.004, fee)
    fee = np.where(t == 13, 0.001, fee)
    cc = rng.uniform(0.2, 3, len(he))
    balance = np.where(t == 14, cc * rng.random(len(he)), balance)
    avgb = np.where(t == 14, cc * 0.4, avgb)
    fee = np.where(t == 14, cc * 0.02, fee)
    fee = np.where(t == 15, inflow12 * shares[ent, 2] * 0.0025, fee)
    fee = np.where(t == 16, inflow12 * 0.001 + 0.05, fee)
    fee = np.where(t == 17, rng.uniform(0.01, 0.08, len(he)), fee)
    fee = np.where(t == 18, rng.uniform(0.005, 0.05, len(he)), fee)
    ins = rng.uniform(0.5, 5, len(he))
    balance = np.where(t == 19, ins, balance)
    avgb = np.where(t == 19, ins * 0.8, avgb)
    fee = np.where(t == 19, ins * 0.03, fee)
    open_d = MONTH_START[np.clip(open_m[he] + rng.integers(0, 12, len(he)) * (t != 10), -M_PAST, N_OBS - 1) + M_PAST]
    ent_since = out["entities"]["customer_since"].to_numpy()[ent]
    open_d = np.where(t == 10, ent_since, np.maximum(open_d, ent_since))
    # 贷款：2025-12 仍在账的
    lm = out["loan_monthly"]
    lm_month = lm["month"].to_numpy()
    cur = lm.loc[(lm_month == MONTH_ENDS[-1]) & (lm["balance"].to_numpy() > 0), ["loan_id", "balance"]]
    sel12 = lm_month > MONTH_ENDS[-13]
    lm12 = pd.DataFrame({"loan_id": lm["loan_id"].to_numpy()[sel12], "balance": lm["balance"].to_numpy()[sel12]})
    lid_ent = np.zeros(loan_id.max() + 2, dtype=np.int64)
    lid_prod = np.zeros(loan_id.max() + 2, dtype=np.int64)
    lid_ent[loan_id[ls]] = e_[ls]
    lid_prod[loan_id[ls]] = prod[ls]
    loans_tab = out["loans"]
    cl = cur["loan_id"].to_numpy()
    le = lid_ent[cl]
    lp = lid_prod[cl]
    avg_l = np.bincount(lm12["loan_id"].to_numpy(), weights=lm12["balance"].to_numpy().astype(float), minlength=len(lid_ent)) / 12.0
    orig = loans_tab.set_index("loan_id")["origination_date"].reindex(cl).to_numpy()
    df = pd.DataFrame({
        "entity_id": np.r_[ent, le] + 1, "product_id": np.r_[hp, lp],
        "open_date": np.r_[open_d.astype("datetime64[us]"), orig.astype("datetime64[us]")],
        "balance": np.r_[balance, cur["balance"].to_numpy().astype(float)],
        "avg_balance_12m": np.r_[avgb, avg_l[cl]], "fee_income_12m": np.r_[fee, np.zeros(len(cl))],
    })
    df = df.groupby(["entity_id", "product_id"], sort=True, as_index=False).agg(
        open_date=("open_date", "min"), balance=("balance", "sum"), avg_balance_12m=("avg_balance_12m", "sum"), fee_income_12m=("fee_income_12m", "sum"))
    return build("holdings", {
        "entity_id": df["entity_id"].to_numpy(), "product_id": df["product_id"].to_numpy(),
        "product_type": [ptype[p] for p in df["product_id"].to_numpy()],
        "open_date": df["open_date"].to_numpy(),
        "balance": np.round(df["balance"].to_numpy(), 4), "avg_balance_12m": np.round(df["avg_balance_12m"].to_numpy(), 4),
        "fee_income_12m": np.round(df["fee_income_12m"].to_numpy(), 4),
    })


def _manager_monthly(rng, n_mgr, manager, out, cs_all):
    lm = out["loan_monthly"]
    loans = out["loans"]
    nm = n_mgr * N_OBS
    lid_mgr = np.zeros(int(loans["loan_id"].max()) + 2, dtype=np.int64)
    lid_mgr[loans["loan_id"].to_numpy()] = loans["manager_id"].to_numpy()
    mi = lid_mgr[lm["loan_id"].to_numpy()]
    mo = _month_index(lm["month"].to_numpy())
    key = mi * N_OBS + mo
    bal = lm["balance"].to_numpy().astype(float)
    loan_bal = np.bincount(key, weights=bal, minlength=nm)
    od_bal = np.bincount(key, weights=bal * (lm["days_past_due"].to_numpy() > 0), minlength=nm)
    af = out["account_flows"]
    ent_mgr = np.r_[manager, -1]
    am = ent_mgr[af["entity_id"].to_numpy() - 1]
    amo = _month_index(af["month"].to_numpy())
    okm = am >= 0
    dep = np.bincount((am * N_OBS + amo)[okm], weights=af["avg_balance"].to_numpy()[okm].astype(float), minlength=nm)
    lo = _month_index(loans["origination_date"].to_numpy().astype("datetime64[M]").astype("datetime64[us]"), start=True)
    okl = lo >= 0
    lkey = loans["manager_id"].to_numpy().astype(np.int64)[okl] * N_OBS + lo[okl]
    new_cnt = np.bincount(lkey, minlength=nm)
    new_amt = np.bincount(lkey, weights=loans["loan_amount"].to_numpy()[okl], minlength=nm)
    okc = (manager >= 0) & (cs_all >= 0) & (cs_all < N_OBS)
    new_cust = np.bincount(manager[okc] * N_OBS + cs_all[okc], minlength=nm)
    lb = loan_bal.reshape(n_mgr, N_OBS)
    base = np.c_[lb[:, 0], lb[:, 11], lb[:, 23]]  # 各年目标的基数：上年末（2023 年用 1 月）
    growth = rng.uniform(0.08, 0.18, (n_mgr, 3))
    moy = np.arange(N_OBS) % 12 + 1
    yr = np.arange(N_OBS) // 12
    target = base[:, yr] * (1 + growth[:, yr] * moy / 12)
    visits = rng.poisson(np.maximum(8, 16 + 0.05 * lb.mean(1, keepdims=True) ** 0.5) * np.ones((1, N_OBS)))
    return build("manager_monthly", {
        "manager_id": np.repeat(np.arange(n_mgr), N_OBS), "month": np.tile(month_end(np.arange(N_OBS)), n_mgr),
        "target_loan_balance": np.round(target.ravel(), 2), "loan_balance": np.round(loan_bal, 2),
        "overdue_balance": np.round(od_bal, 2), "deposit_balance": np.round(dep, 2),
        "target_new_customers": np.repeat(np.round(rng.uniform(2, 6, n_mgr)), N_OBS),
        "new_customers": np.minimum(new_cust, 32767), "new_loan_count": np.minimum(new_cnt, 32767),
        "new_loan_amount": np.round(new_amt, 2), "visits": np.minimum(visits.ravel(), 32767),
    })


def _month_index(dates, start=False):
    """月末（或月初）日期 -> 月序（0 = 2023-01）。"""
    d = np.asarray(dates).astype("datetime64[M]")
    return (d - np.datetime64("2023-01", "M")).astype(int)
